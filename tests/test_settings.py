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
