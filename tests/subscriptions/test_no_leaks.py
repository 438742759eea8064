"""The acceptance test of the paywall: premium text leaves the server only for entitled readers.

The crawl finds the site's URLs itself (URL patterns, sitemaps, links on pages),
so endpoints added later are covered without editing this test.
"""

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils import timezone

from banners.models import Banner
from editorial.models import ShareLink
from subscriptions.models import MeteredRead
from tests.crawl import discover
from tests.factories import ArticleFactory
from tests.paywall_fixtures import GATED_MEDIA, MARKER, gated_media  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db

GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
SECRETS = (MARKER, *GATED_MEDIA)  # gated text, and the gated picture's and video's traces


def secrets_in(text):
    return [secret for secret in SECRETS if secret in text]


@pytest.fixture
def site(premium_article, gated_media, registered, plan, settings, kurzmeldungen, magazin, editor):
    """The premium article (a picture and a video behind its paywall too) among free ones, a banner,
    and a registered reader with no meter left."""
    settings.METERED_ARTICLES_PER_MONTH = 1
    premium_article.categories.add(magazin)
    premium_article.seo_description = ""
    premium_article.save()
    ArticleFactory(title="Freie Nachricht", tags=["Klinikreform"], primary_category=magazin)
    MeteredRead.objects.create(reader=registered, article=ArticleFactory(access="premium"), month=timezone.localdate().replace(day=1))
    Banner.objects.create(title="Kurse", target_url="https://kurse.example.org/")
    link = ShareLink.objects.create(article=ArticleFactory(title="Entwurf", status="draft", published_at=None), created_by=editor)
    author = premium_article.ordered_authors[0]
    return {
        "pk": [premium_article.pk],
        "slug": [premium_article.slug, "kurzmeldungen", "magazin", author.slug, "klinikreform"],
        "token": [link.token, "x"],
        "uidb64": ["x"],
        "path": ["x"],
    }


def audiences(registered):
    anonymous = Client()
    member = Client()
    member.force_login(registered)
    return {
        "anonymous": anonymous,
        "registered without meter": member,
        "Googlebot": Client(HTTP_USER_AGENT=GOOGLEBOT),
        "from Google": Client(HTTP_REFERER="https://www.google.com/"),
    }


@pytest.mark.parametrize("page_cache_seconds", [0, 60], ids=["page cache off", "page cache on"])
def test_marker_reaches_no_one_who_is_not_entitled(site, registered, subscriber, licence, premium_article, settings, page_cache_seconds):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    if page_cache_seconds:  # entitled readers go first, so their full-text pages would be in the cache to leak
        entitled = Client()
        entitled.force_login(subscriber)
        for client in (entitled, Client(REMOTE_ADDR="198.51.100.23")):  # a subscriber, a licensed network
            assert secrets_in(client.get(premium_article.get_absolute_url()).content.decode()) == list(SECRETS)
            discover(client, site, limit=60)
    for audience, client in audiences(registered).items():
        searches = [f"/suche/?{urlencode({'q': words})}" for words in ("geheime Marker-Zahl", "4711", "lautet", "Klinikreform")]
        pages = discover(client, site, extra=searches)
        pages.update(discover(client, {**site, "slug": ["gibt-es-nicht"], "pk": [999999]}, limit=60))
        assert premium_article.get_absolute_url() in pages, audience
        assert pages[premium_article.get_absolute_url()][0] == 200
        assert premium_article.title in pages["/suche/?q=Klinikreform"][2]  # found, yet no gated text shown
        assert len(pages) > 20, audience
        leaks = {url: secrets_in(text) for url, (_, _, text) in pages.items() if secrets_in(text)}
        assert leaks == {}, f"{audience} saw gated text, pictures or embeds: {leaks}"
        errors = [url for url, (status, _, _) in pages.items() if status >= 500]
        assert errors == [], errors


def test_subscriber_sees_the_marker(site, subscriber, premium_article):
    client = Client()
    client.force_login(subscriber)
    html = client.get(premium_article.get_absolute_url()).content.decode()
    assert secrets_in(html) == list(SECRETS)
    assert f"Bild: {GATED_MEDIA[1]}" in html and f"youtube-nocookie.com/embed/{GATED_MEDIA[2]}" in html


def test_cached_pages_never_reach_the_wrong_audience(site, subscriber, premium_article):
    url = premium_article.get_absolute_url()
    member, anonymous = Client(), Client()
    member.force_login(subscriber)
    for first, second, second_sees in ((member, anonymous, False), (anonymous, member, True)):
        first.get(url)
        response = second.get(url)
        assert secrets_in(response.content.decode()) == (list(SECRETS) if second_sees else [])
        assert "private" in response["Cache-Control"] and "Cookie" in response["Vary"]
