"""Finding 3: a database that is down, frozen or too slow answers 503 with Retry-After within seconds, and the site recovers."""

import socket
import threading
import time
from contextlib import contextmanager

import pytest
from django.db import close_old_connections, connection
from django.test import Client

pytestmark = pytest.mark.django_db(transaction=True)


@contextmanager
def database_at(port, connect_timeout=1, **settings):
    """Point the site's connection at another port for a while, then back at the real server."""
    saved = dict(connection.settings_dict), dict(connection.settings_dict.get("OPTIONS", {}))
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(port), **settings)
    connection.settings_dict["OPTIONS"] = {**saved[1], "connect_timeout": connect_timeout}
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved[0])
        connection.settings_dict["OPTIONS"] = saved[1]


@contextmanager
def frozen_server():
    """A port that accepts connections and never answers, as a stopped (SIGSTOP) PostgreSQL does."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted, stop = [], threading.Event()

    def hold():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for sock in accepted:
            sock.close()
        listener.close()


class FreezableProxy:
    """A TCP proxy to the real PostgreSQL that can stop passing bytes on, as a frozen server does."""

    def __init__(self):
        server = connection.settings_dict
        if server["HOST"].startswith("/"):  # the embedded server listens on a Unix socket
            self.target = (socket.AF_UNIX, f"{server['HOST']}/.s.PGSQL.{server['PORT'] or 5432}")
        else:
            self.target = (socket.AF_INET, (server["HOST"] or "127.0.0.1", int(server["PORT"] or 5432)))
        self.frozen, self.stopped = threading.Event(), threading.Event()
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.sockets = []

    def __enter__(self):
        threading.Thread(target=self.accept, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.frozen.clear()
        self.stopped.set()
        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)  # wakes a pump blocked in recv(), which close() alone does not
            except OSError:
                pass
            sock.close()
        self.listener.close()

    def accept(self):
        while not self.stopped.is_set():
            try:
                client = self.listener.accept()[0]
            except OSError:
                continue
            upstream = socket.socket(self.target[0])
            upstream.connect(self.target[1])
            self.sockets += [client, upstream]
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pump, args=(source, target), daemon=True).start()

    def pump(self, source, target):
        try:
            while data := source.recv(65536):
                while self.frozen.is_set():
                    time.sleep(0.05)
                target.sendall(data)
        except OSError:
            pass


def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def visit(url="/", new_request=True):
    client = Client()
    client.raise_request_exception = False
    started = time.monotonic()
    if new_request:
        close_old_connections()  # what the WSGI handler does at every request start; the test client skips it
    response = client.get(url)
    return response, time.monotonic() - started


def assert_unavailable(response, elapsed):
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "Kurz nicht erreichbar" in response.content.decode()
    assert elapsed < 5


def test_a_stopped_database_answers_503_and_the_site_recovers(live_article):
    with database_at(unused_port()):
        assert_unavailable(*visit(live_article.get_absolute_url()))
    assert visit(live_article.get_absolute_url())[0].status_code == 200


def test_a_frozen_database_answers_503_within_seconds(live_article):
    with frozen_server() as port, database_at(port, connect_timeout=1):
        assert_unavailable(*visit())
    assert visit()[0].status_code == 200


def test_a_database_that_freezes_between_requests_answers_503_within_seconds(live_article):
    url = live_article.primary_category.get_absolute_url()  # a page that always asks the database
    with FreezableProxy() as proxy, database_at(proxy.port, connect_timeout=1, CONN_MAX_AGE=60, CONN_HEALTH_CHECKS=True):
        assert visit(url)[0].status_code == 200
        kept = connection.connection
        assert visit(url)[0].status_code == 200 and connection.connection is kept  # the connection is reused
        proxy.frozen.set()
        assert_unavailable(*visit(url))
        proxy.frozen.clear()
        assert visit(url)[0].status_code == 200


def test_a_too_slow_database_answers_503(live_article):
    """As a web process does (DATABASE_STATEMENT_TIMEOUT), with every query taking a second."""

    def slow(execute, sql, params, many, context):
        execute("SELECT pg_sleep(1)", None, False, context)
        return execute(sql, params, many, context)

    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 100")
    try:
        with connection.execute_wrapper(slow):
            assert_unavailable(*visit(new_request=False))  # on this connection, with its statement timeout
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")
    assert visit()[0].status_code == 200


def run_settings(code, **env):
    import os
    import subprocess
    import sys

    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings", "SECRET_KEY": "s" * 50, **env}
    environment.pop("DATABASE_STATEMENT_TIMEOUT", None)
    result = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_web_processes_cancel_slow_statements_and_commands_do_not():
    show = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    web = run_settings(f"import newsroom.wsgi; {show}")
    command = run_settings(f"import django; django.setup(); {show}")
    assert "statement_timeout=5000" in web and "'connect_timeout': 3" in web
    assert "statement_timeout" not in command and "'connect_timeout': 3" in command


