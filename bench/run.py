"""The benchmark: the project as an operator runs it, on an archive of 100,000 articles.

    make bench                                   # 100,000 articles, 5 s per page and mode
    make bench BENCH_ARGS="--articles 20000 --seconds 3"

It prepares a PostgreSQL database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/newsroom_bench) with the generated archive and
the demo content, starts gunicorn (2 sync workers, production settings, Redis as
the cache) and drives it with wrk from Debian (installed when missing). Every
page is measured with the page cache off and on, beside a floor: a trivial view
through the same server, middleware and database connection. It prints req/s,
p50/p95/p99 in ms, queries per request and the ratio to the floor's req/s.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TARGETS_MS = {  # p95 targets at 100,000 articles, uncached
    "home": 50, "category": 50, "category p50": 50, "tag": 50, "author": 50, "free article": 50,
    "gated article": 50, "search common": 150, "search rare": 50, "rss": 300, "sitemap index": 100,
    "sitemap section": 300, "news sitemap": 300, "admin": 300, "admin search": 300, "admin category": 300,
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000, help="live articles in the archive (default 100000)")
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per page and mode (default 5)")
    parser.add_argument("--connections", type=int, default=2, help="concurrent connections (default 2, one per worker)")
    parser.add_argument("--port", type=int, default=8765)
    return parser.parse_args()


SECRET_KEY = os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50)  # one for the whole run: sessions depend on it


def environment(page_cache_seconds, static_root):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench"),
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
        "DEBUG": "false",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback; everything else as in production
        "STATIC_ROOT": str(static_root),
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "LOG_LEVEL": "WARNING",
    }


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("Installing wrk from Debian …", flush=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)


def ensure_database(env):
    import psycopg

    url = env["DATABASE_URL"]
    name = url.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare(args, env):
    """Migrate, fill the archive up to ``--articles`` and describe the pages to measure (run under Django)."""
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    script = f"""
import json
from django.contrib.auth import get_user_model, SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from django.core.management import call_command
from articles.models import Article, Author, Category
from subscriptions.models import Plan
from taggit.models import Tag

if not Plan.objects.exists():
    call_command("load_demo", verbosity=0)  # plans, banners and a licence, as a real site has
missing = {args.articles} - Article.objects.live().count()
if missing > 0:
    call_command("generate_archive", missing)
live = Article.objects.live().order_by("-published_at")
admin, _ = get_user_model().objects.get_or_create(username="bench-admin", defaults={{"is_staff": True, "is_superuser": True}})
session = SessionStore()
session.update({{SESSION_KEY: str(admin.pk), BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                HASH_SESSION_KEY: admin.get_session_auth_hash()}})
session.save()
category = Category.objects.order_by("position").first()
tag = Tag.objects.filter(name="Abrechnungsbudget").first() or Tag.objects.first()  # the archive's most used tag
print(json.dumps({{
    "live": live.count(),
    "session": session.session_key,
    "pages": {{
        "home": "/",
        "category": category.get_absolute_url(),
        "category p50": category.get_absolute_url() + "?page=50",
        "tag": f"/schlagwort/{{tag.slug}}/",
        "author": Author.objects.filter(slug__startswith="archiv-").first().get_absolute_url(),
        "free article": (live.filter(access="free")[5000:5001].first() or live.filter(access="free").first()).get_absolute_url(),
        "gated article": (live.filter(access="premium")[500:501].first() or live.filter(access="premium").first()).get_absolute_url(),
        "search common": "/suche/?q=Energie",
        "search rare": "/suche/?q=Wasserstoffspeicher",
        "rss": "/feed/rss/",
        "sitemap index": "/sitemap.xml",
        "sitemap section": "/sitemap-artikel.xml?p=10",
        "news sitemap": "/sitemap-news.xml",
        "admin": "/admin/articles/article/",
        "admin search": "/admin/articles/article/?q=Klinik",
        "admin category": f"/admin/articles/article/?category={{category.pk}}",
    }},
}}))
"""
    output = subprocess.run([*manage, "shell", "-c", script], env=env, check=True, cwd=ROOT, capture_output=True, text=True)
    vacuum(env["DATABASE_URL"])
    return json.loads(output.stdout.strip().splitlines()[-1])


def vacuum(url):
    """Fresh statistics and no dead rows, as autovacuum leaves a database some time after a migration or an import."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


class Server:
    """gunicorn with 2 sync workers, as docker-compose.yml runs the site."""

    def __init__(self, env, port):
        self.env, self.port = env, port

    def __enter__(self):
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "newsroom.wsgi:application", "--workers", "2", "--bind", f"127.0.0.1:{self.port}",
             "--log-level", "warning"],
            env=self.env, cwd=ROOT, start_new_session=True,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/bench/floor/", timeout=2)
                return self
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        raise SystemExit("gunicorn did not start")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def probe(url, cookie):
    """Status, queries and cache state of one request; a redirect (e.g. to the login) is reported, not followed."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        response = urllib.request.build_opener(NoRedirects).open(request, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, response.headers.get("X-Queries", "?"), response.headers.get("X-Page-Cache", "-")


def wrk(url, args, cookie):
    command = ["wrk", "-t1", f"-c{args.connections}", f"-d{args.seconds}s", "--timeout", "10s", "-s", str(ROOT / "bench" / "latency.lua")]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def measure(name, path, args, cookie=None, warm=1):
    url = f"http://127.0.0.1:{args.port}{path}"
    for _ in range(warm):
        status, queries, cache_state = probe(url, cookie)
    result = wrk(url, args, cookie)
    return {"page": name, "status": status, "queries": queries, "cache": cache_state, **result}


def main():
    args = parse_args()
    ensure_wrk()
    static_root = Path(tempfile.mkdtemp(prefix="newsroom-bench-static-"))
    env = environment(0, static_root)
    ensure_database(env)
    print(f"Preparing the archive ({args.articles} live articles) …", flush=True)
    setup = prepare(args, env)
    cookie = f"sessionid={setup['session']}"
    print(f"{setup['live']} live articles; {os.cpu_count()} cores; wrk {args.connections} connections, {args.seconds} s a page\n")
    header = f"{'page':<16} {'mode':<9} {'status':>6} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'queries':>7} {'×floor':>7}"
    rows = []
    for mode, seconds in (("uncached", 0), ("cached", 60)):
        with Server(environment(seconds, static_root), args.port):
            floor = measure("floor", "/bench/floor/", args)
            rows.append((mode, floor, floor))
            for name, path in setup["pages"].items():
                if name.startswith("admin") and mode == "cached":
                    continue  # the admin is never cached
                rows.append((mode, measure(name, path, args, cookie if name.startswith("admin") else None, warm=2), floor))
    print(header)
    for mode, row, floor in rows:
        print(f"{row['page']:<16} {mode:<9} {row['status']:>6} {row['rps']:>8.0f} {row['p50']:>8.1f} {row['p95']:>8.1f} "
              f"{row['p99']:>8.1f} {row['queries']:>7} {row['rps'] / floor['rps']:>7.2f}")
    print("\nTargets (p95 uncached; cached article ≥ 0.8× floor, uncached ≥ 0.1× floor):")
    for mode, row, floor in rows:
        target = TARGETS_MS.get(row["page"])
        if mode == "uncached" and target:
            verdict = "NOT 200" if row["status"] != 200 else "ok" if row["p95"] <= target else "MISSED"
            print(f"  {row['page']:<16} p95 {row['p95']:6.1f} ms ≤ {target:>3} ms  {verdict}")
    for mode, row, floor in rows:
        if row["page"] in ("free article", "gated article"):
            ratio, needed = row["rps"] / floor["rps"], 0.8 if mode == "cached" else 0.1
            print(f"  {row['page']:<16} {mode:<9} {ratio:.2f}× floor ≥ {needed}×  {'ok' if ratio >= needed else 'MISSED'}")
    shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
