"""Tag addresses are transliterated like article addresses; the old ones with umlauts redirect for good."""

import importlib

import pytest
from django.apps import apps
from taggit.models import Tag

from articles.tags import tag_for_old_slug

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_new_tag_gets_a_transliterated_address_and_the_old_one_redirects(client):
    article = ArticleFactory()
    article.tags.add("Künstliche Intelligenz", "Größe")
    assert set(Tag.objects.values_list("slug", flat=True)) == {"kuenstliche-intelligenz", "groesse"}
    response = client.get("/schlagwort/künstliche-intelligenz/")
    assert response.status_code == 301 and response["Location"] == "/schlagwort/kuenstliche-intelligenz/"
    page = client.get(response["Location"])
    assert page.status_code == 200 and article.title in page.content.decode()
    assert client.get("/schlagwort/künstliche-intelligenz/feed/rss/").status_code == 200
    assert 'href="/schlagwort/kuenstliche-intelligenz/"' in client.get(article.get_absolute_url()).content.decode()


@pytest.mark.parametrize("path", ["/schlagwort/中文/", "/schlagwort/ꙮ/", "/schlagwort/中文/feed/atom/", "/schlagwort/köln/"])
def test_addresses_that_transliterate_to_nothing_are_not_found(client, path):
    assert client.get(path).status_code == 404


def test_the_migration_moves_existing_tags_without_collisions():
    Tag.objects.bulk_create([Tag(name="Künstliche Intelligenz", slug="künstliche-intelligenz"), Tag(name="Kuenstliche Intelligenz", slug="kuenstliche-intelligenz")])
    migration = importlib.import_module("articles.migrations.0016_transliterated_tag_slugs")
    migration.transliterate(apps, None)
    assert dict(Tag.objects.values_list("name", "slug")) == {
        "Künstliche Intelligenz": "kuenstliche-intelligenz-2", "Kuenstliche Intelligenz": "kuenstliche-intelligenz",
    }
    assert tag_for_old_slug("künstliche-intelligenz") == Tag.objects.get(slug="kuenstliche-intelligenz-2")


def test_tags_that_transliterate_alike_or_long_get_addresses_of_their_own(client):
    article = ArticleFactory()
    article.tags.add("Koeln", "Köln", "KÖLN", "ü" * 60 + "x")
    slugs = dict(Tag.objects.values_list("name", "slug"))
    assert slugs["Koeln"] == "koeln" and {slugs["Köln"], slugs["KÖLN"]} == {"koeln-2", "koeln-3"}
    assert len(slugs["ü" * 60 + "x"]) <= 100
    # The old address of "Köln" leads to "Köln", not to "Koeln" that took its transliteration first.
    response = client.get("/schlagwort/köln/")
    assert response.status_code == 301 and response["Location"] == f"/schlagwort/{slugs['Köln']}/"
