"""Backups: a restore into a fresh database and media folder finds the articles, subscriptions and images again."""

from io import StringIO

from urllib.parse import quote

import dj_database_url
import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from articles.models import Article
from tests.factories import ArticleFactory, ImageFactory

pytestmark = pytest.mark.django_db(transaction=True)
RESTORED = "newsroom_restore_check"


def server_url(database):
    """A URL for ``database`` on the suite's server, whether it listens on TCP or (embedded) on a Unix socket."""
    server = connection.settings_dict
    host = quote(server["HOST"] or "127.0.0.1", safe="")
    port = f":{server['PORT']}" if server["PORT"] else ""
    return f"postgres://{server['USER']}@{host}{port}/{database}"


@pytest.fixture
def fresh_database():
    assert dj_database_url.parse(server_url(RESTORED))["HOST"] == (connection.settings_dict["HOST"] or "127.0.0.1")
    with psycopg.connect(_conninfo("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{RESTORED}"')
        admin.execute(f'CREATE DATABASE "{RESTORED}"')
    yield server_url(RESTORED)
    with psycopg.connect(_conninfo("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{RESTORED}" WITH (FORCE)')


def _conninfo(database):
    server = connection.settings_dict
    return psycopg.conninfo.make_conninfo(
        host=server["HOST"] or "127.0.0.1", port=server["PORT"] or "5432", user=server["USER"], dbname=database
    )


def test_backup_and_restore_round_trip(tmp_path, fresh_database, subscriber, kurzmeldungen):
    article = ArticleFactory(title="Gesichert", image=ImageFactory(), primary_category=kurzmeldungen)
    call_command("backup", str(tmp_path / "backup"), stdout=StringIO())
    for written in (tmp_path / "backup").iterdir():
        assert written.stat().st_mode & 0o077 == 0, written  # password hashes inside: the owner's alone
    restored_media = tmp_path / "restored-media"
    call_command("restore", str(tmp_path / "backup"), database_url=fresh_database, media_root=str(restored_media),
                 stdout=StringIO())
    with psycopg.connect(_conninfo(RESTORED)) as restored:
        titles = [row[0] for row in restored.execute("SELECT title FROM articles_article")]
        subscriptions = restored.execute("SELECT count(*) FROM subscriptions_subscription").fetchone()[0]
        image = restored.execute(
            "SELECT file FROM images_image JOIN articles_article ON image_id = images_image.id WHERE articles_article.id = %s",
            [article.pk],
        ).fetchone()[0]
        found = restored.execute(
            "SELECT count(*) FROM articles_article WHERE search_document @@ websearch_to_tsquery('german', 'Gesichert')"
        ).fetchone()[0]
    assert titles == ["Gesichert"] and subscriptions == 1 and found == 1
    assert (restored_media / image).read_bytes() == Article.objects.get().image.file.read()


def test_restoring_over_the_configured_database_needs_a_confirmation(tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path))


def test_a_missing_backup_is_a_clear_error(tmp_path, fresh_database):
    with pytest.raises(CommandError, match="Restore failed"):
        call_command("restore", str(tmp_path / "nichts"), database_url=fresh_database, media_root=str(tmp_path / "m"))
