"""Banner impressions and clicks: counted without a database write per page view, flushed in aggregate."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from banners.counters import count_impressions, flush_impressions
from banners.models import Banner
from tests.test_cache import REDIS_URL, redis_cache, require_redis

pytestmark = pytest.mark.django_db


def banner(title, **fields):
    return Banner.objects.create(title=title, target_url=f"https://example.org/{title}", **fields)


def flush():
    out = StringIO()
    call_command("flush_banner_counts", stdout=out)
    return out.getvalue()


def impressions(*items):
    return [Banner.objects.get(pk=item.pk).impressions for item in items]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_page_views_count_in_the_cache_and_the_flush_adds_them_up(client, live_article):
    header, inside = banner("Kopf", placement="header"), banner("Drin", placement="in_article")
    for _ in range(3):
        assert client.get(live_article.get_absolute_url()).status_code == 200
    assert impressions(header, inside) == [0, 0]  # nothing written while readers browse
    assert "6 banner impressions flushed" in flush()
    assert impressions(header, inside) == [3, 3]
    assert "0 banner impressions flushed" in flush()  # flushed counts are not added twice
    assert impressions(header, inside) == [3, 3]


def test_impressions_counted_during_a_flush_wait_for_the_next_one():
    item = banner("Kopf")
    count_impressions([item.pk, item.pk])
    first = flush_impressions()
    count_impressions([item.pk])
    assert (first, flush_impressions()) == (2, 1)
    assert impressions(item) == [3]


def test_counts_of_the_last_days_are_flushed_too():
    item = banner("Kopf")
    today = timezone.localdate()
    count_impressions([item.pk], day=today - timedelta(days=1))
    count_impressions([item.pk], day=today)
    assert flush_impressions(today) == 2


def test_with_redis_the_counts_survive_between_processes(client, settings, live_article):
    require_redis()
    settings.CACHES = redis_cache(REDIS_URL)
    cache.clear()
    item = banner("Kopf", placement="header")
    client.get(live_article.get_absolute_url())
    client.get(reverse("website:home"))
    assert flush_impressions() == 2 and impressions(item) == [2]


def test_a_redis_outage_loses_unflushed_counts_but_no_page(client, settings, live_article):
    item = banner("Kopf", placement="header")
    settings.CACHES = redis_cache("redis://127.0.0.1:1/0")  # nothing listens on port 1
    assert client.get(live_article.get_absolute_url()).status_code == 200
    assert client.get(reverse("banners:click", args=[item.pk])).status_code == 302
    assert "0 banner impressions flushed" in flush()
    assert impressions(item) == [0]


class TestClicks:
    def click(self, client, item, **headers):
        return client.get(reverse("banners:click", args=[item.pk]), **headers)

    def clicks(self, item):
        return Banner.objects.get(pk=item.pk).clicks

    def test_goes_only_to_the_stored_address(self, client):
        item = banner("Kurse")
        response = client.get(
            reverse("banners:click", args=[item.pk]), {"next": "https://evil.example/", "url": "//evil.example"}
        )
        assert response.status_code == 302 and response["Location"] == "https://example.org/Kurse"

    def test_counted_once_per_reader_and_day(self, client, reader):
        item = banner("Kurse")
        for _ in range(3):
            assert self.click(client, item, HTTP_USER_AGENT="Firefox").status_code == 302
        assert self.clicks(item) == 1
        self.click(client, item, HTTP_USER_AGENT="Chromium")  # another reader behind the same address
        client.force_login(reader)
        self.click(client, item)
        self.click(client, item)
        assert self.clicks(item) == 3

    @pytest.mark.parametrize(
        "fields",
        [
            {"is_active": False},
            {"ends_at": timezone.now() - timedelta(minutes=1)},
            {"starts_at": timezone.now() + timedelta(hours=1)},
        ],
        ids=["inactive", "ended", "not started"],
    )
    def test_a_banner_that_is_not_running_leads_nowhere(self, client, fields):
        item = banner("Vorbei", **fields)
        assert self.click(client, item).status_code == 404
        assert self.clicks(item) == 0

    @pytest.mark.parametrize("path", ["/b/999999/", "/b/0/", "/b/abc/", "/b/-1/"])
    def test_unknown_banners_are_404(self, client, path):
        assert client.get(path).status_code == 404
