"""Sitemaps (validated against the sitemaps.org and Google News schemas), robots.txt and feeds."""

import os
from datetime import timedelta
from pathlib import Path

import feedparser
import pytest
from django.conf import settings
from django.utils import timezone
from lxml import etree

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory
from tests.paywall_fixtures import MARKER

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}
# The official sitemaps.org schemas sit in shared/ beside the project (CI has them); our own
# transcriptions of the protocol in tests/seo/schemas stand in where that folder is missing.
OFFICIAL_SCHEMAS = Path(settings.BASE_DIR).parent / "shared" / "schemas"
OWN_SCHEMAS = Path(__file__).parent / "schemas"


def schema_file(name):
    official = OFFICIAL_SCHEMAS / name
    if os.environ.get("CI") and not official.exists():
        pytest.fail(f"{official} is missing: CI validates against the official schemas")
    return official if official.exists() else OWN_SCHEMAS / name


def schema(name):
    return etree.XMLSchema(etree.parse(str(schema_file(name))))


def news_sitemap_schema():
    """The urlset schema with Google's news extension loaded, as the strict official schema needs."""
    return etree.XMLSchema(etree.fromstring(f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
      <xsd:import namespace="{NS['s']}" schemaLocation="{schema_file('sitemap.xsd').as_uri()}"/>
      <xsd:import namespace="{NS['news']}" schemaLocation="{(OWN_SCHEMAS / 'sitemap-news.xsd').as_uri()}"/>
    </xsd:schema>""".encode()))


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return etree.fromstring(response.content)


@pytest.fixture
def content(kurzmeldungen, magazin):
    author = AuthorFactory(slug="jb", name="Jonas Becker")
    fresh = ArticleFactory(title="Frisch & neu <heute>", published_at=timezone.now() - timedelta(hours=2), primary_category=magazin,
                           authors=[author], tags=["Energie"])
    old = ArticleFactory(title="Vor drei Tagen", published_at=timezone.now() - timedelta(hours=49), primary_category=kurzmeldungen, tags=["Energie"])
    ArticleFactory(title="Entwurf", status=Article.Status.DRAFT)
    ArticleFactory(title="Geplant", published_at=timezone.now() + timedelta(hours=1))
    return fresh, old


def test_sitemap_index_and_sections_are_valid(client, content):
    index = xml(client, "/sitemap.xml")
    schema("siteindex.xsd").assertValid(index)
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert {s.rsplit("/", 1)[1] for s in sections} == {
        "sitemap-artikel.xml", "sitemap-rubriken.xml", "sitemap-schlagwoerter.xml", "sitemap-autoren.xml", "sitemap-seiten.xml",
    }
    urlset = schema("sitemap.xsd")
    locations = []
    for section in sections:
        document = xml(client, "/" + section.rsplit("/", 1)[1])
        urlset.assertValid(document)
        locations += [loc.text.split("/", 3)[3] for loc in document.findall("s:url/s:loc", NS)]
    fresh, old = content
    for path in (fresh.get_absolute_url(), old.get_absolute_url(), "/rubrik/magazin/", "/schlagwort/energie/", "/autor/jb/", "/impressum/", "/abo/"):
        assert path.lstrip("/") in locations, path
    assert not any("entwurf" in loc or "geplant" in loc for loc in locations)


def test_article_sitemap_has_lastmod(client, content):
    document = xml(client, "/sitemap-artikel.xml")
    assert all(url.find("s:lastmod", NS) is not None for url in document.findall("s:url", NS))


def test_news_sitemap_holds_the_last_48_hours_only(client, content):
    document = xml(client, "/sitemap-news.xml")
    news_sitemap_schema().assertValid(document)
    entries = document.findall("s:url", NS)
    assert [e.find("news:news/news:title", NS).text for e in entries] == ["Frisch & neu <heute>"]
    news = entries[0].find("news:news", NS)
    assert news.find("news:publication/news:language", NS).text == "de"
    assert news.find("news:publication/news:name", NS).text == "Newsroom"


def test_news_sitemap_is_capped_at_1000(client, kurzmeldungen, monkeypatch):
    from website import sitemaps

    monkeypatch.setattr(sitemaps, "NEWS_LIMIT", 3)
    for _ in range(5):
        ArticleFactory(primary_category=kurzmeldungen)
    assert len(xml(client, "/sitemap-news.xml").findall("s:url", NS)) == 3


def test_robots_points_at_both_sitemaps_and_keeps_crawlers_out_of_private_pages(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text and "Sitemap: http://testserver/sitemap-news.xml" in text
    for private in ("/vorschau/", "/admin/", "/suche/", "/konto/"):
        assert f"Disallow: {private}" in text


FEEDS = ["/feed/rss/", "/feed/atom/", "/rubrik/magazin/feed/rss/", "/rubrik/magazin/feed/atom/",
         "/schlagwort/energie/feed/rss/", "/schlagwort/energie/feed/atom/", "/autor/jb/feed/rss/", "/autor/jb/feed/atom/"]


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_are_valid_and_carry_teaser_authors_categories_and_date(client, content, url):
    parsed = feedparser.parse(client.get(url).content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    titles = [entry.title for entry in parsed.entries]
    assert "Frisch & neu <heute>" in titles
    assert "Entwurf" not in titles and "Geplant" not in titles
    entry = parsed.entries[titles.index("Frisch & neu <heute>")]
    assert entry.link.endswith(content[0].get_absolute_url())
    assert entry.summary == content[0].teaser
    assert "Jonas Becker" in entry.author
    assert "Magazin" in [tag.term for tag in entry.tags]
    assert entry.published_parsed is not None


def test_gated_items_carry_the_teaser_only(client, premium_article):
    for url in ("/feed/rss/", "/feed/atom/"):
        body = client.get(url).content.decode()
        assert premium_article.title in body and MARKER not in body and "Erster freier Absatz" not in body


@pytest.mark.parametrize("url", ["/rubrik/nix/feed/rss/", "/schlagwort/nix/feed/atom/", "/autor/nix/feed/rss/"])
def test_unknown_feed_objects_are_404(client, url):
    assert client.get(url).status_code == 404


def test_pages_announce_their_feeds(client, content):
    home = client.get("/").content.decode()
    assert 'rel="alternate" type="application/rss+xml" title="Newsroom (RSS)" href="/feed/rss/"' in home
    category = client.get("/rubrik/magazin/").content.decode()
    assert 'href="/rubrik/magazin/feed/rss/"' in category and 'href="/rubrik/magazin/feed/atom/"' in category
    assert 'href="/autor/jb/feed/atom/"' in client.get("/autor/jb/").content.decode()


@pytest.mark.parametrize("url", ["/feed/rss/", "/rubrik/magazin/feed/atom/", "/sitemap-artikel.xml", "/sitemap-news.xml", "/sitemap.xml"])
def test_query_counts_stay_constant(client, content, url, kurzmeldungen, magazin):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the site and content-type caches
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for i in range(10):
        ArticleFactory(primary_category=magazin, categories=[kurzmeldungen], authors=[AuthorFactory(), AuthorFactory()], tags=[f"t{i}", "Energie"])
    client.get(url)
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before) <= 8


def test_category_lastmod_comes_from_live_articles_only(client, content, magazin):
    draft = ArticleFactory(title="Späterer Entwurf", status=Article.Status.DRAFT, primary_category=magazin)
    Article.objects.filter(pk=draft.pk).update(updated_at=timezone.now() + timedelta(days=3))
    document = xml(client, "/sitemap-rubriken.xml")
    for url in document.findall("s:url", NS):
        if url.find("s:loc", NS).text.endswith("/rubrik/magazin/"):
            lastmod = url.find("s:lastmod", NS).text
    assert lastmod[:10] != (timezone.localdate() + timedelta(days=3)).isoformat()
