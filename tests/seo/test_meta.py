"""Structured data, meta tags, canonical links, sharing and VG Wort on the pages."""

import json
import re

import pytest

from editorial.admin.filters import VGWortFilter
from tests.factories import ArticleFactory, AuthorFactory, ImageFactory
from tests.paywall_fixtures import MARKER

pytestmark = pytest.mark.django_db


def json_ld(html):
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def meta(html, key):
    match = re.search(rf'<meta (?:name|property)="{re.escape(key)}" content="([^"]*)"', html)
    return match.group(1) if match else None


@pytest.fixture
def article(kurzmeldungen):
    author = AuthorFactory(name="Jonas Becker", slug="jonas-becker")
    return ArticleFactory(
        title="Rechenzentren & Kliniken", teaser="Der Strombedarf steigt.", primary_category=kurzmeldungen,
        authors=[author], image=ImageFactory(),
    )


def test_news_article_json_ld_for_a_free_article(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    news, crumbs = json_ld(html)
    assert news["@type"] == "NewsArticle" and news["headline"] == "Rechenzentren & Kliniken"
    assert news["description"] == "Der Strombedarf steigt."
    assert news["image"][0].startswith("http://testserver/media/renditions/") and news["image"][0].endswith(".jpg")
    assert news["datePublished"] == article.published_at.isoformat()
    assert news["dateModified"] == article.published_at.isoformat()  # not revised since: the publication time
    assert news["author"] == [{"@type": "Person", "name": "Jonas Becker", "url": "http://testserver/autor/jonas-becker/"}]
    assert news["publisher"]["@type"] == "Organization" and news["publisher"]["logo"]["url"].endswith("/static/img/logo.png")
    assert news["isAccessibleForFree"] is True
    assert [item["name"] for item in crumbs["itemListElement"]] == ["Newsroom", "Kurzmeldungen", "Rechenzentren & Kliniken"]


def test_news_article_json_ld_for_a_gated_article_never_carries_body(client, premium_article):
    html = client.get(premium_article.get_absolute_url()).content.decode()
    news = json_ld(html)[0]
    assert news["isAccessibleForFree"] is False
    assert news["hasPart"]["cssSelector"] == ".paywalled-content"
    assert "articleBody" not in news and MARKER not in json.dumps(news)


def test_json_ld_cannot_be_broken_out_of(client, kurzmeldungen):
    bad = ArticleFactory(title="</script><script>alert(1)</script>", primary_category=kurzmeldungen)
    html = client.get(bad.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert json_ld(html)[0]["headline"] == "</script><script>alert(1)</script>"


def test_home_page_has_organization_and_website_with_search(client, live_article):
    graph = json_ld(client.get("/").content.decode())[0]["@graph"]
    kinds = {node["@type"]: node for node in graph}
    assert set(kinds) == {"Organization", "WebSite"}
    assert kinds["WebSite"]["potentialAction"]["target"]["urlTemplate"] == "http://testserver/suche/?q={search_term_string}"


def test_open_graph_twitter_and_description(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert meta(html, "og:title") == "Rechenzentren &amp; Kliniken"
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:url") == f"http://testserver{article.get_absolute_url()}"
    assert meta(html, "og:image") == json_ld(html)[0]["image"][0]  # the 1200×630 rendition
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "description") == "Der Strombedarf steigt."


def test_seo_fields_win_over_headline_and_teaser(client, article):
    article.seo_title, article.seo_description = "SEO-Titel", "SEO-Beschreibung"
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert meta(html, "description") == "SEO-Beschreibung" and meta(html, "og:title") == "SEO-Titel"


def test_meta_description_of_a_gated_article_never_uses_body(client, premium_article):
    html = client.get(premium_article.get_absolute_url()).content.decode()
    assert meta(html, "description") == "Der öffentliche Teaser."
    assert MARKER not in "".join(re.findall(r"<meta[^>]+>", html))


@pytest.mark.parametrize("url", ["/", "/rubrik/kurzmeldungen/", "/abo/", "/impressum/", "/schlagwort/energie/"])
def test_every_page_has_a_canonical_link(client, live_article, url):
    html = client.get(url).content.decode()
    assert html.count('rel="canonical"') == 1
    assert f'<link rel="canonical" href="http://testserver{url}">' in html


def test_canonical_link_of_an_article_ignores_query_strings(client, article):
    html = client.get(article.get_absolute_url() + "?utm_source=newsletter").content.decode()
    assert f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in html


def test_private_and_duplicate_pages_are_noindex(client, editor):
    own_draft = ArticleFactory(status="draft", published_at=None)
    assert 'content="noindex, follow"' in client.get("/suche/?q=x").content.decode()
    client.force_login(editor)
    assert 'content="noindex, nofollow"' in client.get(f"/vorschau/{own_draft.pk}/").content.decode()


def test_share_bar_uses_canonical_url_and_offers_copy_link(client, article):
    html = client.get(article.get_absolute_url() + "?ref=x").content.decode()
    share = html[html.index('class="share-bar"'):]
    assert f'data-copy-url="http://testserver{article.get_absolute_url()}"' in share
    assert "Link kopieren" in share and "Rechenzentren+%26+Kliniken" in share
    assert re.search(r'<script src="/static/js/share.js" defer></script>', html)


class TestVGWort:
    PIXEL = "https://vg01.met.vgwort.de/na/abc123"

    def test_pixel_is_rendered_once_and_not_lazy_on_the_full_page(self, client, article):
        article.vgwort_pixel_url = self.PIXEL
        article.save()
        html = client.get(article.get_absolute_url()).content.decode()
        assert html.count(self.PIXEL) == 1
        tag = re.search(rf'<img[^>]+src="{re.escape(self.PIXEL)}"[^>]*>', html).group(0)
        assert "lazy" not in tag
        assert self.PIXEL not in client.get("/").content.decode()

    def test_pixel_is_not_on_previews(self, client, editor):
        own_draft = ArticleFactory(status="draft", published_at=None, vgwort_pixel_url=self.PIXEL)
        client.force_login(editor)
        assert self.PIXEL not in client.get(f"/vorschau/{own_draft.pk}/").content.decode()

    def test_admin_filter_lists_long_published_texts_without_pixel(self, client, editor, kurzmeldungen):
        long_body = "<p>" + "Wort " * 400 + "</p>"
        missing = ArticleFactory(title="Lang ohne Marke", body=long_body, primary_category=kurzmeldungen)
        ArticleFactory(title="Lang mit Marke", body=long_body, vgwort_pixel_url=self.PIXEL, primary_category=kurzmeldungen)
        ArticleFactory(title="Kurz ohne Marke", primary_category=kurzmeldungen)
        ArticleFactory(title="Lang als Entwurf", body=long_body, status="draft", primary_category=kurzmeldungen)
        assert missing.character_count >= VGWortFilter.MIN_CHARACTERS
        client.force_login(editor)
        html = client.get("/admin/articles/article/", {"vgwort": "missing"}).content.decode()
        assert "Lang ohne Marke" in html
        for other in ("Lang mit Marke", "Kurz ohne Marke", "Lang als Entwurf"):
            assert other not in html


def test_character_count_ignores_markup():
    from articles.text import character_count

    assert character_count("<p>Ab <b>cd</b></p>\n<p>e&amp;f</p>") == len("Ab cd e&f")
