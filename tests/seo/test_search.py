"""Site search: German stemming, ranking, safe snippets, filters, odd input."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ArticleFactory, AuthorFactory
from tests.paywall_fixtures import MARKER

pytestmark = pytest.mark.django_db


def results(client, **params):
    response = client.get("/suche/", params)
    assert response.status_code == 200
    return [article.title for article in response.context["page_obj"]], response


@pytest.mark.parametrize("query, title", [("Fabriken", "Die Fabrik am Stadtrand"), ("Kliniken", "Eine Klinik schließt"), ("Klinik", "Neue Kliniken im Norden")])
def test_german_stemming(client, query, title):
    ArticleFactory(title="Die Fabrik am Stadtrand")
    ArticleFactory(title="Eine Klinik schließt")
    ArticleFactory(title="Neue Kliniken im Norden")
    ArticleFactory(title="Etwas ganz anderes")
    assert title in results(client, q=query)[0]
    assert "Etwas ganz anderes" not in results(client, q=query)[0]


def test_title_ranks_above_teaser_above_body(client):
    now = timezone.now()
    ArticleFactory(title="Nur im Text", body="<p>Der Krankenhausfonds wächst.</p>", published_at=now - timedelta(minutes=1))
    ArticleFactory(title="Teaser-Treffer", teaser="Über den Krankenhausfonds.", published_at=now - timedelta(minutes=2))
    ArticleFactory(title="Krankenhausfonds im Titel", published_at=now - timedelta(minutes=3))
    assert results(client, q="Krankenhausfonds")[0] == ["Krankenhausfonds im Titel", "Teaser-Treffer", "Nur im Text"]


def test_snippets_highlight_and_never_show_gated_text(client, premium_article):
    premium_article.teaser = "Die Klinikreform kommt."
    premium_article.body = f"<p>Klinikreform frei.</p><p>Noch frei.</p><p>{MARKER} Klinikreform geheim.</p>"
    premium_article.save()
    titles, response = results(client, q="Klinikreform")
    assert premium_article.title in titles
    html = response.content.decode()
    assert "<mark>Klinikreform</mark>" in html
    assert MARKER not in html and "geheim" not in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_snippets_escape_article_text(client):
    ArticleFactory(title="Sicherheit", teaser="<script>alert(1)</script> Sicherheit zuerst")
    html = results(client, q="Sicherheit")[1].content.decode()
    assert "<script>alert(1)</script>" not in html


def test_filters_by_category_author_and_date(client, kurzmeldungen, magazin):
    author = AuthorFactory(slug="jb")
    old = timezone.now() - timedelta(days=40)
    ArticleFactory(title="Energie im Magazin", primary_category=magazin, authors=[author])
    ArticleFactory(title="Energie kurz", primary_category=kurzmeldungen)
    ArticleFactory(title="Energie alt", primary_category=kurzmeldungen, published_at=old)
    assert results(client, q="Energie", rubrik="magazin")[0] == ["Energie im Magazin"]
    assert results(client, q="Energie", autor="jb")[0] == ["Energie im Magazin"]
    since = (timezone.localdate() - timedelta(days=10)).isoformat()
    assert sorted(results(client, q="Energie", von=since)[0]) == ["Energie im Magazin", "Energie kurz"]
    assert results(client, q="Energie", bis=(timezone.localdate() - timedelta(days=30)).isoformat())[0] == ["Energie alt"]


def test_invalid_filters_are_reported_and_ignored(client):
    ArticleFactory(title="Energie heute")
    titles, response = results(client, q="Energie", rubrik="gibt-es-nicht", von="31.02.")
    assert titles == ["Energie heute"]
    assert "errorlist" in response.content.decode()


def test_hidden_articles_are_never_found(client):
    from articles.models import Article

    ArticleFactory(title="Energie Entwurf", status=Article.Status.DRAFT)
    ArticleFactory(title="Energie geplant", published_at=timezone.now() + timedelta(hours=1))
    assert results(client, q="Energie")[0] == []


def test_pagination_keeps_the_query(client):
    for i in range(12):
        ArticleFactory(title=f"Energie {i}")
    html = results(client, q="Energie")[1].content.decode()
    assert "?q=Energie&amp;page=2" in html
    assert len(results(client, q="Energie", page="2")[0]) == 2


@pytest.mark.parametrize("query", ["", " ", '"', "&", "|", "!", ":*", "\\", "a & | ! b", "'; DROP TABLE articles_article; --",
                                   "😀 Klinik", "x\x00y", "K" * 10_000, "<script>", "(((", "-", "Klinik:* & !Fabrik"])
def test_odd_queries_never_fail(client, query):
    ArticleFactory(title="Klinik")
    assert client.get("/suche/", {"q": query}).status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300))
def test_any_query_never_fails(client, query):
    assert client.get("/suche/", {"q": query, "von": query[:10], "rubrik": query[:5]}).status_code == 200


def test_query_count_is_constant(client, django_assert_num_queries):
    for i in range(3):
        ArticleFactory(title=f"Energie {i}", tags=["x"])
    with django_assert_num_queries(7) as context:
        client.get("/suche/", {"q": "Energie"})
    for i in range(15):
        ArticleFactory(title=f"Energie mehr {i}", tags=["y"])
    with django_assert_num_queries(len(context.captured_queries)):
        client.get("/suche/", {"q": "Energie"})


def test_search_uses_the_gin_index():
    from articles.models import Article
    from articles.search import matches

    queryset = matches(Article.objects.all(), "Klinik").order_by()  # no other filter or order: only the search index fits
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "article_search_idx" in plan


def test_typos_in_titles_are_forgiven(client):
    ArticleFactory(title="Krankenhausreform im Bundesrat")
    ArticleFactory(title="Etwas ganz anderes")
    assert results(client, q="Krankenhausrefrom")[0] == ["Krankenhausreform im Bundesrat"]


def test_exactly_as_many_matches_as_ranked_is_not_more(client, monkeypatch):
    from website import views

    monkeypatch.setattr(views, "MAX_CANDIDATES", 3)
    for i in range(3):
        ArticleFactory(title=f"Energie {i}")
    assert "3 Treffer" in results(client, q="Energie")[1].content.decode()
    ArticleFactory(title="Energie 4")
    assert "Mehr als 3 Treffer" in results(client, q="Energie")[1].content.decode()


def test_a_snippet_cut_out_of_a_longer_text_says_so_with_an_ellipsis(client):
    filler = " ".join(f"Wort{number}" for number in range(80))
    ArticleFactory(title="Lange Meldung", teaser="Kurz.", body=f"<p>{filler} Pflegebudget steigt deutlich. {filler}</p>")
    ArticleFactory(title="Pflegebudget kurz", teaser="Pflegebudget steigt.", body="")
    _titles, response = results(client, q="Pflegebudget")
    snippets = {article.title: article.snippet for article in response.context["page_obj"]}
    cut = str(snippets["Lange Meldung"])
    assert cut.startswith("… ") and cut.endswith(" …") and "<mark>Pflegebudget</mark>" in cut
    whole = str(snippets["Pflegebudget kurz"])
    assert not whole.startswith("…") and not whole.endswith("…")


def test_the_empty_search_and_a_search_without_results_give_hints(client):
    assert "Geben Sie ein oder mehrere Wörter ein" in client.get("/suche/").content.decode()
    html = client.get("/suche/", {"q": "Quxquxqux"}).content.decode()
    assert "0 Treffer für „Quxquxqux“" in html and "Prüfen Sie die Schreibweise" in html


def test_a_from_date_after_the_until_date_is_explained(client):
    html = client.get("/suche/", {"q": "Klinik", "von": "2026-11-30", "bis": "2026-11-01"}).content.decode()
    assert "Dieses Datum liegt vor dem Von-Datum." in html
