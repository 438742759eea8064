"""Redis is the cache; when it is down, pages get slower but keep working."""

import os

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.conftest import log_in

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_cache(location):
    return {
        "default": {
            "BACKEND": "newsroom.cache.ResilientRedisCache",
            "LOCATION": location,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
        }
    }


@pytest.mark.django_db
def test_site_and_login_work_while_redis_is_down(client, settings, staff_user, live_article):
    settings.CACHES = redis_cache("redis://127.0.0.1:1/0")  # nothing listens on port 1
    assert client.get(reverse("website:home")).status_code == 200
    assert client.get(live_article.get_absolute_url()).status_code == 200
    staff_user.set_password("geheim-und-lang")
    staff_user.save()
    assert log_in(client, staff_user.username, "geheim-und-lang")
    assert client.get(reverse("admin:index")).status_code == 200


def require_redis():
    """Skip outside CI when no Redis runs here; in CI, where .ci/run starts one, fail instead."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail(f"no Redis at {REDIS_URL}, although .ci/run starts one")
        pytest.skip(f"no Redis at {REDIS_URL} (.ci/run starts one)")
