"""Health probes: /health/live needs nothing, /health/ready follows the database, cache and storage."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.faults.test_database_outage import database_at, unused_port
from tests.test_cache import redis_cache

pytestmark = pytest.mark.django_db(transaction=True)


def probe(path, method="get", count_queries=False, **headers):
    """A probe from a thread of its own, as a server thread runs it (Playwright's event loop may run in this one)."""

    def send():
        client = Client(**headers)
        client.raise_request_exception = False
        try:
            if not count_queries:
                return getattr(client, method)(path)
            with CaptureQueriesContext(connection) as queries:  # connects to the database first
                response = getattr(client, method)(path)
            response.queries = len(queries)
            return response
        finally:
            connections.close_all()  # this thread's connections, or the test database could not be dropped

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(send).result()


def test_ready_answers_503_while_the_database_is_down_and_200_once_it_is_back():
    assert probe("/health/ready").status_code == 200
    with database_at(unused_port()):
        down = probe("/health/ready")
        assert down.status_code == 503
        assert "Unavailable" in down.json()["Database(alias='default')"]
        assert probe("/health/live").status_code == 200  # the process is alive: no restart for a database outage
    back = probe("/health/ready")
    assert back.status_code == 200
    assert set(back.json().values()) == {"OK"}
    assert set(back.json()) == {"Database(alias='default')", "CacheCheck(alias='default')", "Storage(alias='default')"}


def test_a_cache_outage_is_a_warning_that_keeps_the_replica_in_rotation(settings):
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{unused_port()}/0")  # nobody listens there
    response = probe("/health/ready")
    assert response.status_code == 200
    assert response.json()["CacheCheck(alias='default')"].startswith("Warning")


def test_a_storage_that_cannot_write_makes_the_replica_not_ready(settings, tmp_path):
    (tmp_path / "a-file").write_text("")
    settings.MEDIA_ROOT = tmp_path / "a-file" / "media"  # not even root can create a folder inside a file
    response = probe("/health/ready")
    assert response.status_code == 503
    assert response.json()["Storage(alias='default')"] != "OK"


def test_probes_skip_host_checks_redirects_sessions_and_the_database(settings):
    settings.ALLOWED_HOSTS = ["news.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    response = probe("/health/live", count_queries=True, HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert response.queries == 0
    assert "no-cache" in response["Cache-Control"] and not response.cookies


def test_other_methods_and_paths_are_not_probes():
    assert probe("/health/").status_code == 404
    assert probe("/health/live", method="post").status_code in (403, 404, 405)


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_a_replica_outage_is_a_warning_while_the_primary_serves(settings, monkeypatch):
    from newsroom.db.router import ROUTER

    settings.DATABASE_ROUTERS = [ROUTER]
    assert set(probe("/health/ready").json().values()) == {"OK"}
    monkeypatch.setitem(connections["replica"].settings_dict, "PORT", str(unused_port()))
    response = probe("/health/ready")
    assert response.status_code == 200
    assert response.json()["ReplicaCheck(alias='replica')"].startswith("Warning")
