"""Advertisements (§ 22 MStV, § 6 DDG): labelled "Anzeige" above the piece, a sponsor always named, links rel="sponsored"."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from articles.body import render_for_readers
from articles.models import Access, Article
from tests.articles.test_admin import ADD_URL, article_form_data
from tests.factories import AuthorFactory, ArticleFactory
from tests.website.test_query_counts import ANONYMOUS

pytestmark = pytest.mark.django_db

LABEL = "Anzeige · präsentiert von Beispiel Software AG"
LINKS = (
    '<p>Mehr bei <a href="https://example.org/angebot">Beispiel</a> und '
    '<a href="https://example.org/partner" rel="nofollow">Partner</a>.</p>'
)


@pytest.fixture
def advertisement(magazin):
    return ArticleFactory(
        title="Praxissoftware in der Cloud", kicker="Praxissoftware", primary_category=magazin,
        is_sponsored=True, sponsor="Beispiel Software AG", body=LINKS, tags=["Energie"],
    )


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml_html.fromstring(response.content)


def text_of(element):
    return " ".join(element.text_content().split())


def by_class(element, name, tag="*"):
    """The elements below ``element`` with the class ``name`` (lxml without cssselect)."""
    return element.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


# The rule -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sponsor", ["", "   "])
def test_an_advertisement_needs_a_sponsor(sponsor):
    with pytest.raises(ValidationError) as error:
        Article(is_sponsored=True, sponsor=sponsor).clean()
    assert error.value.error_dict["sponsor"][0].code == "sponsor_required"


def test_a_sponsor_alone_or_a_named_advertisement_is_fine():
    Article(is_sponsored=True, sponsor="Beispiel Software AG").clean()
    Article(is_sponsored=False, sponsor="").clean()


class TestAdmin:
    @pytest.fixture
    def staff_client(self, client, staff_user):
        client.force_login(staff_user)
        return client

    def test_the_form_offers_both_fields(self, staff_client):
        html = staff_client.get(ADD_URL).content.decode()
        assert 'name="is_sponsored"' in html and 'name="sponsor"' in html

    def test_an_advertisement_without_sponsor_comes_back_with_a_message(self, staff_client, kurzmeldungen):
        data = article_form_data(kurzmeldungen, AuthorFactory(), is_sponsored="on", sponsor="")
        response = staff_client.post(ADD_URL, data)
        assert response.status_code == 200 and not Article.objects.exists()
        assert "Eine Anzeige braucht den Namen ihres Auftraggebers." in response.content.decode()

    def test_an_advertisement_with_sponsor_is_saved(self, staff_client, kurzmeldungen):
        data = article_form_data(kurzmeldungen, AuthorFactory(), is_sponsored="on", sponsor="Beispiel Software AG")
        assert staff_client.post(ADD_URL, data).status_code == 302
        assert Article.objects.values_list("is_sponsored", "sponsor").get() == (True, "Beispiel Software AG")

    def test_the_unsaved_preview_shows_the_label_as_typed(self, staff_client, kurzmeldungen):
        data = {"title": "Vorschau", "teaser": "T", "body": "<p>x</p>", "primary_category": kurzmeldungen.pk}
        url = reverse("editorial:unsaved_preview")
        assert LABEL in staff_client.post(url, {**data, "is_sponsored": "on", "sponsor": "Beispiel Software AG"}).content.decode()
        assert "ad-label" not in staff_client.post(url, {**data, "sponsor": "Beispiel Software AG"}).content.decode()


# The article page -----------------------------------------------------------------------------------------------------

def test_the_article_page_says_anzeige_with_the_sponsor_above_kicker_and_headline(client, advertisement):
    header = by_class(page(client, advertisement.get_absolute_url()), "article__header", "header")[0]
    children = [child.get("class") or child.tag for child in header]
    assert children.index("ad-label") < children.index("kicker") < children.index("h1")
    assert text_of(by_class(header, "ad-label")[0]) == LABEL


def test_an_ordinary_article_has_no_label(client, live_article):
    assert not by_class(page(client, live_article.get_absolute_url()), "ad-label")


def test_links_in_an_advertisement_are_sponsored_and_keep_their_rel(client, advertisement):
    links = by_class(page(client, advertisement.get_absolute_url()), "article__body")[0].xpath(".//a")
    assert [link.get("rel") for link in links] == ["sponsored", "nofollow sponsored"]


def test_links_in_an_ordinary_article_stay_as_they_are(client, kurzmeldungen):
    article = ArticleFactory(primary_category=kurzmeldungen, body=LINKS)
    links = by_class(page(client, article.get_absolute_url()), "article__body")[0].xpath(".//a")
    assert [link.get("rel") for link in links] == [None, "nofollow"]


def test_the_free_part_of_a_gated_advertisement_has_sponsored_links_too(client, kurzmeldungen):
    article = ArticleFactory(
        primary_category=kurzmeldungen, access=Access.PREMIUM, preview_paragraphs=1, is_sponsored=True, sponsor="B AG",
        body=LINKS + "<p>Bezahlter Teil.</p>",
    )
    tree = page(client, article.get_absolute_url())
    assert [link.get("rel") for link in by_class(tree, "article__body--preview")[0].xpath(".//a")] == ["sponsored", "nofollow sponsored"]
    assert by_class(tree, "paywalled-content")  # the paywall markup stays


def test_render_for_readers_marks_every_link_once():
    body = (
        '<p><a href="https://example.org/a" rel="noopener noreferrer">A &amp; B</a> <a href="/intern/" rel="Sponsored">C</a></p>'
        "<ul><li><strong><a href=\"mailto:info@example.org\">D</a></strong></li></ul>"
    )
    tree = lxml_html.fromstring(f"<div>{render_for_readers(body, sponsored=True)}</div>")
    assert [link.get("rel") for link in tree.xpath(".//a")] == ["noopener noreferrer sponsored", "Sponsored", "sponsored"]
    assert tree.xpath(".//a")[0].text == "A & B"
    assert render_for_readers(body) == body


# Lists ----------------------------------------------------------------------------------------------------------------

def cards(tree):
    return {text_of(by_class(card, "card__title")[0]): card for card in by_class(tree, "card", "article")}


@pytest.mark.parametrize("url", ["/", "/rubrik/magazin/", "/schlagwort/energie/"])
def test_cards_say_anzeige_above_kicker_and_title_and_link_normally(client, advertisement, magazin, url):
    ArticleFactory(title="Eine Meldung", primary_category=magazin, tags=["Energie"], published_at=timezone.now() - timedelta(hours=2))
    found = cards(page(client, url))
    sponsored, ordinary = found["Praxissoftware in der Cloud"], found["Eine Meldung"]
    text = text_of(by_class(sponsored, "card__text")[0])
    assert text.startswith(LABEL) and text.index(LABEL) < text.index("Praxissoftware in der Cloud")
    assert not by_class(ordinary, "ad-label")
    assert by_class(sponsored, "card__title")[0].xpath(".//a")[0].get("rel") is None  # our link to it is an ordinary internal one


def test_search_results_say_anzeige(client, advertisement, magazin):
    ArticleFactory(title="Cloud im Krankenhaus", primary_category=magazin)
    results = by_class(page(client, "/suche/?q=Cloud"), "search-results")[0].xpath("./li")
    labelled = {text_of(by_class(item, "card__title")[0]): bool(by_class(item, "ad-label")) for item in results}
    assert labelled == {"Praxissoftware in der Cloud": True, "Cloud im Krankenhaus": False}
    assert text_of(results[[*labelled].index("Praxissoftware in der Cloud")]).startswith(LABEL)


def test_advertisements_add_no_queries_to_lists(client, magazin, django_assert_num_queries):
    for i in range(6):
        ArticleFactory(primary_category=magazin, tags=["Energie"], is_sponsored=i % 2 == 0, sponsor="B AG" if i % 2 == 0 else "")
    for name, url in {"home": "/", "category": "/rubrik/magazin/", "tag": "/schlagwort/energie/"}.items():
        client.get(url)  # warms the cached lookups
        with django_assert_num_queries(ANONYMOUS[name], info=name):
            assert client.get(url).status_code == 200
