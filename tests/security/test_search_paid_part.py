"""Finding 6: readers find an article only by what they may read of it, never by its paid part."""

import pytest

from articles.models import Access, Article
from tests.factories import ArticleFactory
from tests.paywall_fixtures import MARKER

pytestmark = pytest.mark.django_db
PAID_WORD = "Zwillingsturbine"


def found(client, query):
    response = client.get("/suche/", {"q": query})
    return [article.title for article in response.context["page_obj"]]


@pytest.fixture
def gated(kurzmeldungen):
    return ArticleFactory(
        title="Analyse mit Paywall", teaser="Öffentlicher Teaser.", access=Access.PREMIUM, preview_paragraphs=1,
        body=f"<p>Frei lesbarer Absatz über Netzausbau.</p><p>Bezahlter Absatz: {PAID_WORD} und {MARKER}</p>",
        primary_category=kurzmeldungen,
    )


def test_words_of_the_paid_part_find_nothing(client, gated):
    assert found(client, PAID_WORD) == []
    assert found(client, '"Bezahlter Absatz"') == []  # no phrase query confirms the paid text either
    assert found(client, "4711") == []


def test_the_public_parts_still_find_it(client, gated):
    for query in ("Paywall", "Teaser", "Netzausbau"):
        assert found(client, query) == ["Analyse mit Paywall"], query


def test_a_free_article_is_found_by_its_whole_body(client, kurzmeldungen):
    ArticleFactory(title="Freier Text", body=f"<p>Eins.</p><p>Zwei.</p><p>Drei mit {PAID_WORD}.</p>", primary_category=kurzmeldungen)
    assert found(client, PAID_WORD) == ["Freier Text"]


def test_a_category_turned_premium_stops_indexing_the_paid_part(client, chief, kurzmeldungen):
    ArticleFactory(title="Bald hinter der Paywall", access="", preview_paragraphs=1, primary_category=kurzmeldungen,
                   body=f"<p>Offen.</p><p>Später bezahlt: {PAID_WORD}.</p>")
    assert found(client, PAID_WORD) == ["Bald hinter der Paywall"]
    client.force_login(chief)
    client.post(f"/admin/articles/category/{kurzmeldungen.pk}/change/", {
        "name": kurzmeldungen.name, "slug": kurzmeldungen.slug, "position": kurzmeldungen.position,
        "default_access": Access.PREMIUM, "description": "",
    })
    assert Article.objects.get().is_gated
    assert found(client, PAID_WORD) == []
