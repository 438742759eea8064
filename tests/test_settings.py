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
    "DATABASE_URL": "sqlite:///:memory:",
    "DJANGO_SETTINGS_MODULE": "newsroom.settings",
}


def manage(*args, **env):
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests in this process, never in production.
    ignored = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {key: value for key, value in os.environ.items() if key not in ignored}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True
    )


@pytest.mark.parametrize("secret_key", [None, "", "change-me", "django-insecure-local-development-only"])
def test_production_refuses_to_start_without_a_real_secret_key(secret_key):
    env = {**PRODUCTION_ENV}
    env.pop("SECRET_KEY")
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key
    result = manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY is missing or is a published example value" in result.stderr


def test_local_development_runs_without_a_secret_key():
    env = {**PRODUCTION_ENV, "DEBUG": "true"}
    env.pop("SECRET_KEY")
    assert manage("check", **env).returncode == 0


def test_production_settings_pass_the_deploy_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
