"""Production configuration: refuse unsafe start-up, pass Django's deploy checks."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "a-long-random-production-key-" + "k7Qx9" * 8,
    "ALLOWED_HOSTS": "news.example.org",
    "DATABASE_URL": "postgres://newsroom@db.invalid:5432/newsroom",  # never connected to by these checks
    "DJANGO_SETTINGS_MODULE": "newsroom.settings",
}


def python(*args, **env):
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests in this process, never in production.
    ignored = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {key: value for key, value in os.environ.items() if key not in ignored}
    environment.update(env)
    return subprocess.run([sys.executable, *args], cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True)


def manage(*args, **env):
    return python("manage.py", *args, **env)


@pytest.mark.parametrize("secret_key", [None, "", "change-me", "django-insecure-local-development-only"])
@pytest.mark.parametrize("entry_point", ["newsroom.wsgi", "newsroom.asgi"])
def test_production_server_refuses_to_start_without_a_real_secret_key(secret_key, entry_point):
    env = {**PRODUCTION_ENV}
    env.pop("SECRET_KEY")
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key
    result = python("-c", f"import {entry_point}", **env)
    assert result.returncode != 0
    assert "SECRET_KEY is missing or is a published example value" in result.stderr
    deploy_check = manage("check", "--deploy", **env)
    assert deploy_check.returncode != 0 and "newsroom.E001" in deploy_check.stderr


def test_production_server_starts_with_a_real_secret_key():
    assert python("-c", "import newsroom.wsgi", **PRODUCTION_ENV).returncode == 0


def test_migrations_can_be_checked_without_any_configuration():
    env = {**PRODUCTION_ENV}
    env.pop("SECRET_KEY")
    env.pop("DEBUG")
    assert manage("makemigrations", "--check", "--dry-run", **env).returncode == 0


def test_local_development_runs_without_a_secret_key():
    env = {**PRODUCTION_ENV, "DEBUG": "true"}
    env.pop("SECRET_KEY")
    assert manage("check", **env).returncode == 0


def test_production_settings_pass_the_deploy_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_every_environment_variable_is_documented():
    """README's table and .env.example name every variable the settings read."""
    import re

    source = (settings.BASE_DIR / "newsroom" / "settings.py").read_text()
    read = set(re.findall(r'(?:os\.environ\.get|env_bool|env_int|env_list)\(\s*"([A-Z0-9_]+)"', source))
    assert {"DATABASE_URL", "S3_BUCKET", "SENTRY_DSN", "DATABASE_REPLICA_URL"} <= read
    readme = (settings.BASE_DIR / "README.md").read_text()
    example = (settings.BASE_DIR / ".env.example").read_text()
    assert sorted(name for name in read if f"`{name}`" not in readme) == []
    assert sorted(name for name in read if not re.search(rf"^{name}=", example, re.MULTILINE)) == []


def test_deploy_checks_pass_with_object_storage_replica_and_pooler():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        **PRODUCTION_ENV, S3_BUCKET="newsroom-media", S3_PUBLIC_URL="https://cdn.example.org/media",
        DATABASE_REPLICA_URL="postgres://newsroom@replica.invalid:5432/newsroom", DATABASE_TRANSACTION_POOLING="true",
    )
    assert result.returncode == 0, result.stderr
