"""A real Redis that stops answering (SIGSTOP, as in a bad night) slows pages down and takes none down."""

import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
from django.core.cache import cache
from django.test import Client

from tests.conftest import log_in
from tests.test_cache import redis_cache

pytestmark = pytest.mark.django_db


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def throwaway_redis(settings):
    """A Redis of its own on a spare port, so freezing it disturbs nothing else."""
    if not shutil.which("redis-server"):
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing, although CI machines have it")
        pytest.skip("redis-server is not installed")
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.1)
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{port}/0")
    settings.PAGE_CACHE_SECONDS = 60
    yield process
    process.send_signal(signal.SIGCONT)
    process.terminate()
    process.wait(timeout=10)


def timed_get(client, url):
    started = time.monotonic()
    response = client.get(url)
    return response, time.monotonic() - started


def test_pages_login_and_logout_keep_working_while_redis_is_frozen(throwaway_redis, live_article, registered):
    url = live_article.get_absolute_url()
    assert Client().get(url).status_code == 200 and cache.get("content-generation") is not None  # Redis in use
    throwaway_redis.send_signal(signal.SIGSTOP)
    for client_url in ("/", url, "/suche/?q=Meldung", "/feed/rss/"):
        response, elapsed = timed_get(Client(), client_url)
        assert response.status_code == 200 and elapsed < 5, client_url
    reader = Client()
    assert log_in(reader, registered.username, "correct-horse-battery")
    assert reader.get("/konto/").status_code == 200
    assert reader.post("/konto/abmelden/").status_code == 302
    throwaway_redis.send_signal(signal.SIGCONT)
    assert reader.get("/konto/").status_code == 302  # logged out for good once Redis is back
    assert Client().get(url).status_code == 200


def test_changes_made_during_the_outage_are_seen_afterwards(throwaway_redis, live_article, editor, monkeypatch):
    from editorial import actions
    from newsroom import cache as resilient

    monkeypatch.setattr(resilient, "PAUSE_SECONDS", 0)  # retry Redis at once, so the cached page could be served
    url = live_article.get_absolute_url()
    assert Client().get(url)["X-Page-Cache"] == "miss" and Client().get(url)["X-Page-Cache"] == "hit"
    throwaway_redis.send_signal(signal.SIGSTOP)
    actions.edit(live_article, {"title": "Während des Ausfalls geändert"}, by=editor)  # its cache bump is lost
    throwaway_redis.send_signal(signal.SIGCONT)
    response = Client().get(url)
    assert response["X-Page-Cache"] == "miss" and "Während des Ausfalls geändert" in response.content.decode()
