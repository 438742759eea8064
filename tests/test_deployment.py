"""The Docker deployment: docker-compose.yml, the Dockerfile, nginx's config and the lockfile.

These read the files (no Docker engine needed) and hold the rules of the setup: every service
that runs the app gets all settings from .env, migrations run once before the web replicas
start, uploads live in the object store behind nginx, and the image installs pinned
dependencies before the sources and runs as a normal user.
"""

import importlib
import re
import shlex
import tomllib
from pathlib import Path

import pytest
import yaml
from django.test import override_settings
from django.urls import URLResolver, clear_url_caches, get_resolver, include, path
from django.views import static
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
APP_SERVICES = ("web", "migrate")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


@pytest.fixture(scope="module")
def dockerfile():
    """The Dockerfile's instructions as (stage, KEYWORD, arguments), continuation lines joined."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    instructions, stage = [], None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, arguments = line.partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            match = re.search(r"\bAS\s+(\S+)", arguments, re.IGNORECASE)
            stage = match.group(1) if match else None
        instructions.append((stage, keyword, arguments.strip()))
    return instructions


@pytest.fixture(scope="module")
def nginx_conf():
    text = (ROOT / "deploy" / "nginx" / "nginx.conf").read_text()
    return re.sub(r"#[^\n]*", "", text)  # comments say things the config may not do


def environment(service):
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.partition("=")[::2] for item in env)
    return env


def env_files(service):
    files = service.get("env_file") or []
    files = [files] if isinstance(files, (str, dict)) else files
    return [item["path"] if isinstance(item, dict) else item for item in files]


def command_text(service):
    command = service.get("command") or ""
    return command if isinstance(command, str) else " ".join(command)


def directive_values(conf, name):
    """The arguments of every `name ...;` directive in an nginx config."""
    return [value.split() for value in re.findall(rf"(?<![\w$]){name}\s+([^;]*);", conf)]


# docker-compose.yml


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_read_every_setting_from_env_file(services, name):
    assert ".env" in env_files(services[name])


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_reach_the_compose_services(services, name):
    env = environment(services[name])
    assert "@db:5432/" in env["DATABASE_URL"]
    assert env["REDIS_URL"].startswith("redis://redis:")
    assert env["USE_X_FORWARDED_PROTO"] == "true"  # nginx in front says which scheme the client used


def test_every_service_has_a_healthcheck(services):
    for name, service in services.items():
        healthcheck = service.get("healthcheck")
        assert healthcheck, f"{name} has no healthcheck"
        assert not healthcheck.get("disable"), f"{name}'s healthcheck is disabled"
        assert healthcheck.get("test") not in (None, "NONE", ["NONE"]), f"{name}'s healthcheck tests nothing"


def test_migrations_run_once_before_the_web_replicas_start(services):
    migrate = services["migrate"]
    assert "manage.py migrate" in command_text(migrate)
    assert "create_media_bucket" in command_text(migrate)
    assert services["web"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    web_command = command_text(services["web"])
    assert "gunicorn" in web_command
    assert "migrate" not in web_command
    assert "collectstatic" not in web_command


def test_web_runs_two_replicas_behind_the_proxy(services):
    assert services["web"]["deploy"]["replicas"] == 2
    publishing = sorted(name for name, service in services.items() if service.get("ports"))
    assert publishing == ["nginx"]
    assert services["nginx"]["build"]["target"] == "proxy"


def test_uploads_go_to_the_object_store(services):
    assert "minio" in services
    for name in APP_SERVICES:
        env = environment(services[name])
        assert env["S3_BUCKET"]
        assert env["S3_ENDPOINT_URL"] == "http://minio:9000"
        assert env["S3_PUBLIC_URL"]
    for name, service in services.items():
        assert "SERVE_MEDIA" not in environment(service), f"{name} sets SERVE_MEDIA"


def test_data_lives_in_named_volumes(compose, services):
    for name in ("db", "redis", "minio"):
        volumes = services[name].get("volumes") or []
        named = [volume.split(":")[0] for volume in volumes if isinstance(volume, str)]
        assert any(volume in (compose.get("volumes") or {}) for volume in named), f"{name} keeps no data in a volume"


# Dockerfile


def stage(dockerfile, name):
    return [(keyword, arguments) for stage_name, keyword, arguments in dockerfile if stage_name == name]


def test_image_installs_the_lockfile_before_the_sources(dockerfile):
    app = stage(dockerfile, "app")

    def first(matches):
        return next(index for index, (keyword, arguments) in enumerate(app) if matches(keyword, arguments))

    copy_lock = first(lambda keyword, arguments: keyword == "COPY" and "requirements.lock" in arguments.split())
    install = first(
        lambda keyword, arguments: keyword == "RUN" and "pip install" in arguments
        and "-r requirements.lock" in arguments and "--require-hashes" in arguments
    )
    copy_sources = first(lambda keyword, arguments: keyword == "COPY" and arguments == ". .")
    assert copy_lock < install < copy_sources


def test_image_runs_from_source_as_a_normal_user(dockerfile):
    app = stage(dockerfile, "app")
    for keyword, arguments in app:
        if keyword == "RUN" and "pip install" in arguments:
            words = shlex.split(arguments)
            assert "-e" not in words and "--editable" not in words
    users = [arguments for keyword, arguments in app if keyword == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert any(keyword == "RUN" and "collectstatic" in arguments for keyword, arguments in app)


def test_proxy_image_serves_the_collected_static_files(dockerfile, nginx_conf, services):
    app_env = dict(
        item.split("=", 1) for keyword, arguments in stage(dockerfile, "app") if keyword == "ENV"
        for item in arguments.split()
    )
    static_root = app_env["STATIC_ROOT"]
    assert environment(services["web"])["STATIC_ROOT"] == static_root  # where the manifest is read at run time
    proxy = stage(dockerfile, "proxy")
    assert proxy[0][0] == "FROM" and proxy[0][1].startswith("nginx:")
    assert ("COPY", f"--from=app {static_root} /srv/static") in proxy
    assert ("COPY", "deploy/nginx/nginx.conf /etc/nginx/nginx.conf") in proxy
    assert ["/srv"] in directive_values(nginx_conf, "root")


def test_dockerignore_keeps_secrets_and_local_state_out_but_not_what_the_image_needs():
    patterns = {
        line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".venv", ".pgdata", ".env", ".git", "media", "tests", "bench"} <= patterns
    needed = {"deploy", "static", "templates", "locale", "requirements.lock", "manage.py", "newsroom"}
    assert not needed & patterns


# deploy/nginx/nginx.conf


def test_proxy_cache_skips_personal_requests(nginx_conf):
    assert ["newsroom"] in directive_values(nginx_conf, "proxy_cache")
    for directive in ("proxy_cache_bypass", "proxy_no_cache"):
        values = sum(directive_values(nginx_conf, directive), [])
        assert "$cookie_sessionid" in values and "$cookie_csrftoken" in values, directive
    assert not directive_values(nginx_conf, "proxy_ignore_headers")  # the app's Cache-Control rules
    assert not directive_values(nginx_conf, "proxy_cache_valid")  # nothing is kept that the app did not allow
    for prefix in ("/admin/", "/konto/"):
        block = re.search(rf"location {re.escape(prefix)} \{{([^}}]*)\}}", nginx_conf).group(1)
        assert re.search(r"proxy_cache off;", block), prefix


def test_proxy_forwards_what_the_app_needs(nginx_conf):
    headers = {values[0].lower(): values[1:] for values in directive_values(nginx_conf, "proxy_set_header")}
    for header in ("host", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-request-id"):
        assert header in headers, header
    assert headers["x-request-id"] == ["$request_id"]
    assert ["12m"] in directive_values(nginx_conf, "client_max_body_size")
    assert any(values[0] == "X-Cache-Status" for values in directive_values(nginx_conf, "add_header"))


def test_proxy_serves_media_from_the_bucket_the_app_writes_to(nginx_conf, services):
    bucket = environment(services["web"])["S3_BUCKET"]
    block = re.search(r"location /media/ \{(.*?)\n        \}", nginx_conf, re.DOTALL).group(1)
    upstream = directive_values(block, "proxy_pass")[0][0]
    assert upstream.endswith(f"/{bucket}/")
    assert "server minio:9000" in nginx_conf


# requirements.lock


def test_lockfile_pins_every_runtime_dependency_with_hashes():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    text = (ROOT / "requirements.lock").read_text()
    pinned = {
        canonicalize_name(name): version
        for name, version in re.findall(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)", text, re.MULTILINE)
    }
    assert len(re.findall(r"--hash=sha256:", text)) >= len(pinned)
    for dependency in map(Requirement, project["dependencies"]):
        name = canonicalize_name(dependency.name)
        assert name in pinned, f"{dependency.name} is not in requirements.lock: run `make lock`"
        assert dependency.specifier.contains(pinned[name]), f"{dependency} is locked at {pinned[name]}: run `make lock`"


# newsroom/urls.py


def view_callbacks(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from view_callbacks(pattern.url_patterns)
        else:
            yield pattern.callback


def serves_files(callback):
    return getattr(callback, "__wrapped__", callback) is static.serve


def test_view_walk_finds_file_serving_inside_includes():
    patterns = [path("a/", include([path("b/", include([path("<path:path>", static.serve)]))]))]
    assert any(map(serves_files, view_callbacks(patterns)))


def test_production_urls_serve_no_files_from_disk():
    """Uploads come from the object store (or the web server in front), never through Django."""
    import newsroom.urls

    try:
        with override_settings(DEBUG=False):
            importlib.reload(newsroom.urls)
            clear_url_caches()
            callbacks = list(view_callbacks(get_resolver().url_patterns))
        assert len(callbacks) > 10
        assert not [callback for callback in callbacks if serves_files(callback)]
    finally:
        importlib.reload(newsroom.urls)
        clear_url_caches()
