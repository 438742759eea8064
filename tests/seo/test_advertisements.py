"""Advertisements for search engines: not in the Google News sitemap, schema.org type AdvertiserContentArticle."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Access
from tests.factories import ArticleFactory
from tests.paywall_fixtures import MARKER
from tests.seo.test_meta import json_ld
from tests.seo.test_sitemaps_and_feeds import NS, news_sitemap_schema, schema, xml

pytestmark = pytest.mark.django_db


@pytest.fixture
def advertisement(magazin):
    return ArticleFactory(
        title="Praxissoftware in der Cloud", primary_category=magazin, is_sponsored=True, sponsor="Beispiel Software AG",
        published_at=timezone.now() - timedelta(hours=1),
    )


def test_advertisements_stay_out_of_the_news_sitemap_which_still_validates(client, advertisement, magazin):
    ArticleFactory(title="Eine Meldung", primary_category=magazin, published_at=timezone.now() - timedelta(hours=2))
    document = xml(client, "/sitemap-news.xml")
    news_sitemap_schema().assertValid(document)
    assert [title.text for title in document.findall("s:url/news:news/news:title", NS)] == ["Eine Meldung"]
    assert advertisement.get_absolute_url() not in client.get("/sitemap-news.xml").content.decode()


def test_advertisements_stay_in_the_ordinary_sitemap(client, advertisement):
    document = xml(client, "/sitemap-artikel.xml")
    schema("sitemap.xsd").assertValid(document)
    assert any(loc.text.endswith(advertisement.get_absolute_url()) for loc in document.findall("s:url/s:loc", NS))


def test_an_advertisement_is_an_advertiser_content_article(client, advertisement, live_article):
    assert json_ld(client.get(advertisement.get_absolute_url()).content.decode())[0]["@type"] == "AdvertiserContentArticle"
    assert json_ld(client.get(live_article.get_absolute_url()).content.decode())[0]["@type"] == "NewsArticle"


def test_a_gated_advertisement_keeps_its_paywall_markup(client, kurzmeldungen):
    article = ArticleFactory(
        primary_category=kurzmeldungen, access=Access.PREMIUM, is_sponsored=True, sponsor="B AG",
        body=f"<p>Frei.</p><p>Auch frei.</p><p>{MARKER}</p>", preview_paragraphs=2,
    )
    html = client.get(article.get_absolute_url()).content.decode()
    data = json_ld(html)[0]
    assert data["@type"] == "AdvertiserContentArticle" and data["isAccessibleForFree"] is False
    assert data["hasPart"] == {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".paywalled-content"}
    assert 'class="paywalled-content"' in html and MARKER not in json.dumps(data)
