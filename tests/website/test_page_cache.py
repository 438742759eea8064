"""The page cache and HTTP caching: shared pages for anonymous readers, never a personal page for anyone else."""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from banners.models import Banner
from editorial import actions
from tests.factories import ArticleFactory
from tests.paywall_fixtures import MARKER
from tests.test_cache import redis_cache
from website.page_cache import page_timeout

pytestmark = pytest.mark.django_db
HOME = "/"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60


def get(client, url, **headers):
    response = client.get(url, **headers)
    return response, response.content.decode()


def test_a_second_anonymous_visitor_is_served_from_the_cache_without_queries(live_article):
    url = live_article.get_absolute_url()
    first, _ = get(Client(), url)
    with CaptureQueriesContext(connection) as queries:
        second, html = get(Client(), url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert len(queries) == 0 and live_article.title in html


@pytest.mark.parametrize("order", ["entitled first", "anonymous first"])
def test_anonymous_visitors_never_get_an_entitled_readers_page(order, premium_article, subscriber, registered, licence):
    url = premium_article.get_absolute_url()
    member, reader, licensed, anonymous = Client(), Client(), Client(REMOTE_ADDR="198.51.100.23"), Client()
    member.force_login(subscriber)
    reader.force_login(registered)
    entitled = [member, reader, licensed]
    sequence = entitled + [anonymous] if order == "entitled first" else [anonymous] + entitled
    seen = {id(client): get(client, url)[1] for client in sequence}
    assert MARKER not in seen[id(anonymous)]
    assert all(MARKER in seen[id(client)] for client in (member, licensed))  # subscribers and licensed networks read on
    assert MARKER in get(Client(REMOTE_ADDR="198.51.100.99"), url)[1]  # the licence's shared page, from the cache
    assert MARKER not in get(Client(), url)[1]


def test_logged_in_readers_always_get_their_own_page(client, registered, live_article):
    get(Client(), HOME)
    client.force_login(registered)
    response, html = get(client, HOME)
    assert "X-Page-Cache" not in response and "private" in response["Cache-Control"]
    assert "Mein Konto" in html and "Anmelden<" not in html  # their own header, not the visitor's


def test_responses_that_set_a_cookie_or_use_a_csrf_token_are_never_kept():
    for _ in range(2):
        response, _html = get(Client(), reverse("accounts:login"))
        assert response.get("X-Page-Cache") is None


@pytest.mark.parametrize("change", ["edit", "unpublish", "publish", "banner"])
def test_changes_are_fresh_on_the_next_request(change, editor, live_article, kurzmeldungen):
    draft = ArticleFactory(title="Bald online", status="draft", published_at=None, primary_category=kurzmeldungen)
    get(Client(), HOME)
    if change == "edit":
        actions.edit(live_article, {"title": "Neue Überschrift"}, by=editor)
        expected, gone = "Neue Überschrift", live_article.title
    elif change == "unpublish":
        actions.unpublish(live_article, by=editor)
        expected, gone = None, live_article.title
    elif change == "publish":
        actions.publish(draft, by=editor)
        expected, gone = "Bald online", None
    else:
        Banner.objects.create(title="Frisch gebucht", target_url="https://example.org/")
        expected, gone = "Frisch gebucht", None
    response, html = get(Client(), HOME)
    assert response["X-Page-Cache"] == "miss"
    assert expected is None or expected in html
    assert gone is None or gone not in html


def test_a_page_is_kept_no_longer_than_until_the_next_expiry(live_article):
    assert page_timeout() == 60
    ArticleFactory(title="Läuft bald ab", expires_at=timezone.now() + timedelta(seconds=30))
    assert 28 <= page_timeout() <= 30


def test_an_expired_article_is_gone_from_cached_pages_at_its_expiry():
    expiring = ArticleFactory(title="Gleich weg", expires_at=timezone.now() + timedelta(seconds=1.5))
    assert expiring.title in get(Client(), HOME)[1]
    time.sleep(1.6)
    assert expiring.title not in get(Client(), HOME)[1]


def test_redis_down_means_rendered_pages(settings, live_article):
    settings.CACHES = redis_cache("redis://127.0.0.1:1/0")  # nothing listens on port 1
    for url in (HOME, live_article.get_absolute_url()):
        assert Client().get(url).status_code == 200


def test_banners_still_rotate_and_count_on_cached_pages(settings):
    from django.core.management import call_command

    Banner.objects.create(title="Oft", target_url="https://example.org/", weight=3)
    Banner.objects.create(title="Selten", target_url="https://example.org/", weight=1)
    pages = [get(Client(), HOME)[1] for _ in range(40)]
    assert {"Oft" in page for page in pages} == {True, False}  # both variants are served
    call_command("flush_banner_counts", stdout=open("/dev/null", "w"))
    assert sum(Banner.objects.values_list("impressions", flat=True)) == 40


class TestHttpCaching:
    def test_anonymous_free_pages_are_public_for_proxies(self, live_article):
        response, _ = get(Client(), live_article.get_absolute_url())
        cache_control = response["Cache-Control"]
        assert "public" in cache_control and "s-maxage=10" in cache_control and "max-age=10" in cache_control
        assert "stale-while-revalidate" not in cache_control  # a stale page could outlive an expiry or a change
        assert "Cookie" in response["Vary"]

    def test_gated_personal_and_licensed_pages_stay_private(self, premium_article, registered, licence):
        member = Client()
        member.force_login(registered)
        for client in (Client(), member, Client(REMOTE_ADDR="198.51.100.23")):
            response, _ = get(client, premium_article.get_absolute_url())
            assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]

    @pytest.mark.parametrize("url", [HOME, "/feed/rss/", "/sitemap.xml", "/sitemap-artikel.xml", "/sitemap-news.xml"])
    def test_conditional_requests_answer_304(self, url, live_article):
        response = Client().get(url)
        assert response.status_code == 200 and response.has_header("ETag")
        again = Client().get(url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304 and again.content == b""

    def test_feeds_answer_if_modified_since(self, live_article):
        response = Client().get("/feed/rss/")
        assert response.has_header("Last-Modified")
        assert Client().get("/feed/rss/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304


def test_pages_are_kept_per_host(settings, live_article):
    settings.ALLOWED_HOSTS = ["news.example.org", "localhost"]
    Client(HTTP_HOST="localhost").get("/")
    html = Client(HTTP_HOST="news.example.org").get("/").content.decode()
    assert 'href="http://news.example.org/"' in html and "localhost" not in html


def shared_lifetime(response):
    return int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])


def test_proxies_keep_a_page_no_longer_than_until_the_next_expiry(live_article):
    ArticleFactory(title="Läuft ab", expires_at=timezone.now() + timedelta(seconds=5))
    response = Client().get(HOME)
    assert 0 < shared_lifetime(response) <= 5 and "stale-while-revalidate" not in response["Cache-Control"]
    time.sleep(2.1)
    hit = Client().get(HOME)
    assert hit["X-Page-Cache"] == "hit"
    assert 0 < shared_lifetime(hit) <= 3  # what is left, not the whole lifetime again (nginx ignores Age)
