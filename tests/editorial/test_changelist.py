"""The article list in the admin at archive scale: filters without DISTINCT, counts that stop early."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.admin import pagination
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/articles/article/"


def titles(response):
    return sorted(article.title for article in response.context["cl"].result_list)


@pytest.fixture
def articles(kurzmeldungen, magazin):
    author = AuthorFactory(name="Nora Nord")
    return {
        "both": ArticleFactory(title="In beiden Rubriken", primary_category=kurzmeldungen, categories=[magazin], tags=["Energie"]),
        "news": ArticleFactory(title="Nur Kurzmeldung", primary_category=kurzmeldungen, authors=[author]),
        "magazine": ArticleFactory(title="Nur Magazin", primary_category=magazin, tags=["Energie", "Klinik"]),
        "author": author,
    }


def test_relation_filters_list_each_article_once(client, editor, articles, kurzmeldungen, magazin):
    client.force_login(editor)
    assert titles(client.get(CHANGELIST, {"category": magazin.pk})) == ["In beiden Rubriken", "Nur Magazin"]
    assert titles(client.get(CHANGELIST, {"category": kurzmeldungen.pk})) == ["In beiden Rubriken", "Nur Kurzmeldung"]
    assert titles(client.get(CHANGELIST, {"author": articles["author"].pk})) == ["Nur Kurzmeldung"]
    energie = articles["both"].tags.get().pk
    assert titles(client.get(CHANGELIST, {"tag": energie})) == ["In beiden Rubriken", "Nur Magazin"]
    assert client.get(CHANGELIST, {"category": "abc"}).status_code == 200  # nonsense is ignored, not a 500


def test_the_list_needs_no_distinct_and_the_same_queries_for_more_articles(client, editor, articles, magazin, django_assert_num_queries):
    client.force_login(editor)
    for params in ({}, {"category": magazin.pk}, {"q": "Rubriken"}):
        client.get(CHANGELIST, params)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(CHANGELIST, params).status_code == 200
        assert not any("DISTINCT" in query["sql"] for query in queries), params
        ArticleFactory.create_batch(15, primary_category=magazin)
        with django_assert_num_queries(len(queries)):
            client.get(CHANGELIST, params)


def test_counts_stop_at_the_cap(client, editor, monkeypatch, kurzmeldungen):
    monkeypatch.setattr(pagination, "COUNT_CAP", 3)
    ArticleFactory.create_batch(5, primary_category=kurzmeldungen)
    client.force_login(editor)
    response = client.get(CHANGELIST)
    assert response.context["cl"].result_count == 3
    assert "3 Artikel" in response.content.decode()
