"""Two web servers behind one load balancer share nothing but PostgreSQL, Redis and the object store.

Two gunicorn processes with the production settings on different ports, one
Redis of their own, and an S3 endpoint served by moto: whatever one server
does, the other one sees. The second server reaches PostgreSQL through
PgBouncer in transaction mode, as a larger deployment would (on a server
with a TCP port; PgBouncer, running as postgres, cannot use the Unix socket
of an embedded server run by another user).
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.db import connection
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from PIL import Image

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, UserFactory
from tests.faults.test_database_outage import unused_port

pytestmark = pytest.mark.django_db(transaction=True)
PROJECT = Path(__file__).resolve().parents[2]
BUCKET = "newsroom-media"


def wait_for(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[:3]} exited with {process.returncode}")
        try:
            requests.get(url, timeout=1)
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise TimeoutError(url)


def database_url(host=None, port=None):
    """The test database, as a URL the servers' settings read (optionally through another host and port)."""
    db = connection.settings_dict
    host = host or (quote(db["HOST"], safe="") if db["HOST"].startswith("/") else db["HOST"] or "127.0.0.1")
    port = port or db["PORT"]
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{host}{f':{port}' if port else ''}/{db['NAME']}"


def required(program, reason):
    if found := shutil.which(program, path=f"{os.environ['PATH']}:/usr/sbin:/sbin"):
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{program} is missing, although .ci/run installs it")
    pytest.skip(f"{program} is not installed ({reason})")


def pgbouncer_config(folder, port):
    """Transaction pooling in front of the test database's server; PgBouncer runs as the postgres user."""
    db = connection.settings_dict
    server = f"host={db['HOST'] or '127.0.0.1'} port={db['PORT'] or 5432}"
    folder.mkdir(mode=0o755)
    (folder / "users.txt").write_text(f'"{db["USER"]}" "{db["PASSWORD"] or ""}"\n')
    config = folder / "pgbouncer.ini"
    config.write_text(
        f"[databases]\n* = {server}\n"
        f"[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n"
        f"auth_type = trust\nauth_file = {folder / 'users.txt'}\npool_mode = transaction\n"
        "default_pool_size = 4\nserver_reset_query =\nignore_startup_parameters = extra_float_digits\n"
    )
    for path in (folder, *folder.parents):
        if path == Path("/tmp") or path == Path("/"):
            break
        path.chmod(path.stat().st_mode | 0o005)  # the postgres user must reach the file
    return config


@pytest.fixture
def background(tmp_path):
    """Starts processes whose output goes to a file, and stops them all at the end."""
    started = []

    def start(name, command, env=None):
        log = open(tmp_path / f"{name}.log", "wb")
        process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        started.append((process, log))
        return process

    yield start
    for process, log in started:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
        log.close()


@pytest.fixture
def platform(background, tmp_path):
    """Redis and the S3 endpoint, and the environment both web servers are started with."""
    required("redis-server", "the servers need a Redis of their own")
    redis_port, s3_port = unused_port(), unused_port()
    redis = background("redis", ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
    moto = background("moto", [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(s3_port)])
    wait_for(f"http://127.0.0.1:{s3_port}/", moto)
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "DATABASE_URL": database_url(),
        "DATABASE_CONN_MAX_AGE": "0",  # the test database is dropped at the end
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "PAGE_CACHE_SECONDS": "60",
        "STATIC_ROOT": str(tmp_path / "static"),
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": f"http://127.0.0.1:{s3_port}",
        "S3_ACCESS_KEY_ID": "newsroom",
        "S3_SECRET_ACCESS_KEY": "newsroom-secret",
        "S3_PUBLIC_URL": f"http://127.0.0.1:{s3_port}/{BUCKET}",
    }
    for command in (["collectstatic", "--noinput"], ["create_media_bucket"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=PROJECT, env=env, check=True, capture_output=True)
    assert redis.poll() is None
    return env


@pytest.fixture
def pooled(platform, background, tmp_path):
    """The settings of a server behind PgBouncer in transaction mode (or the direct ones, on a Unix socket)."""
    if connection.settings_dict["HOST"].startswith("/"):
        return platform
    pgbouncer = required("pgbouncer", "apt-get install pgbouncer")
    port = unused_port()
    pooler = background("pgbouncer", [pgbouncer, "-u", "postgres", str(pgbouncer_config(tmp_path / "pgbouncer", port))])
    for _ in range(100):
        assert pooler.poll() is None, (tmp_path / "pgbouncer.log").read_text()
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    return {**platform, "DATABASE_URL": database_url("127.0.0.1", port), "DATABASE_TRANSACTION_POOLING": "true"}


@pytest.fixture
def two_servers(platform, pooled, background):
    urls = []
    for name, env in (("web-1", platform), ("web-2", pooled)):
        port = unused_port()
        process = background(name, [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"], env)
        wait_for(f"http://127.0.0.1:{port}/health/live", process)
        urls.append(f"http://127.0.0.1:{port}")
    return urls


def logged_in(server, username, password):
    browser = requests.Session()
    form = browser.get(f"{server}/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    response = browser.post(
        f"{server}/admin/login/?next=/admin/",
        data={"csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/admin/"},
        headers={"Referer": f"{server}/admin/login/"},
    )
    assert response.url == f"{server}/admin/", response.text[:500]
    return browser


def csrf_token(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def portrait_png():
    buffer = BytesIO()
    Image.new("RGB", (320, 320), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def test_two_servers_share_sessions_uploads_and_the_page_cache(two_servers, platform, kurzmeldungen):
    first, second = two_servers
    # Hashed as the production settings expect (the test settings use a fast hasher they do not accept).
    chief = UserFactory(username="chefin", is_staff=True, is_superuser=True)
    chief.password = PBKDF2PasswordHasher().encode("correct-horse-battery", "saltsaltsalt")
    chief.save(update_fields=["password"])
    author = AuthorFactory(name="Jonas Becker", slug="jonas-becker")
    ArticleFactory(title="Schon online", primary_category=kurzmeldungen, authors=[author])
    draft = ArticleFactory(
        title="Gleich veröffentlicht", status=Article.Status.DRAFT, published_at=None,
        primary_category=kurzmeldungen, authors=[author],
    )

    for server in two_servers:
        ready = requests.get(f"{server}/health/ready")
        assert ready.status_code == 200 and set(ready.json().values()) == {"OK"}, ready.text  # database, Redis, S3

    # A session started on one server is valid on the other.
    editor = logged_in(first, "chefin", "correct-horse-battery")
    assert editor.get(f"{second}/admin/").url == f"{second}/admin/"

    # An image uploaded through one server is stored in the object store, with its renditions, and shown by the other.
    change_url = f"/admin/articles/author/{author.pk}/change/"
    form = editor.get(f"{first}{change_url}")
    saved = editor.post(
        f"{first}{change_url}",
        data={"csrfmiddlewaretoken": csrf_token(form), "name": "Jonas Becker", "slug": "jonas-becker", "_save": "1"},
        files={"photo": ("portrait.png", portrait_png(), "image/png")},
        headers={"Referer": f"{first}{change_url}"},
    )
    assert saved.status_code == 200 and "errornote" not in saved.text, saved.text[:2000]
    author_page = requests.get(f"{second}/autor/jonas-becker/")
    photo_url = re.search(r'<img src="([^"]+/authors/[^"]+)"', author_page.text).group(1)
    assert photo_url.startswith(f"{platform['S3_PUBLIC_URL']}/renditions/authors/")  # made on upload, stored on S3
    assert platform["S3_ENDPOINT_URL"] in author_page.headers["Content-Security-Policy"]  # browsers may load it
    photo = requests.get(photo_url)
    assert photo.status_code == 200 and Image.open(BytesIO(photo.content)).size == (192, 192)

    # A publication through one server is seen at once by readers of the other, despite its page cache.
    assert requests.get(f"{second}/").headers.get("X-Page-Cache") == "miss"
    cached = requests.get(f"{second}/")
    assert cached.headers.get("X-Page-Cache") == "hit" and "Gleich veröffentlicht" not in cached.text
    changelist = editor.get(f"{first}/admin/articles/article/")
    published = editor.post(
        f"{first}/admin/articles/article/",
        data={"csrfmiddlewaretoken": csrf_token(changelist), "action": "publish_selected", "_selected_action": [draft.pk],
              "confirmed": "yes"},
        headers={"Referer": f"{first}/admin/articles/article/"},
    )
    assert published.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    fresh = requests.get(f"{second}/")
    assert fresh.headers.get("X-Page-Cache") == "miss" and "Gleich veröffentlicht" in fresh.text

