"""Metered access: N premium articles per calendar month for registered readers."""

import threading
from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from subscriptions.models import MeteredRead
from tests.factories import ArticleFactory
from tests.paywall_fixtures import MARKER

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def meter(settings):
    settings.METERED_ARTICLES_PER_MONTH = 2
    return 2


def premium(n, kurzmeldungen):
    return [
        ArticleFactory(title=f"Premium {i}", access="premium", body=f"<p>a</p><p>b</p><p>{MARKER} {i}</p>", primary_category=kurzmeldungen)
        for i in range(n)
    ]


def test_each_article_counts_once_and_the_page_says_what_is_left(client, registered, meter, kurzmeldungen):
    first, second, third = premium(3, kurzmeldungen)
    client.force_login(registered)
    html = client.get(first.get_absolute_url()).content.decode()
    assert MARKER in html and "Noch 1 Premium-Artikel ist in diesem Monat frei." in html
    assert MARKER in client.get(first.get_absolute_url()).content.decode()  # re-reading is free
    assert MeteredRead.objects.count() == 1
    assert MARKER in client.get(second.get_absolute_url()).content.decode()
    html = client.get(third.get_absolute_url()).content.decode()
    assert MARKER not in html and "Sie haben in diesem Monat noch 0 freie Premium-Artikel." in html
    assert MARKER in client.get(first.get_absolute_url()).content.decode()  # already read this month


def test_the_meter_starts_again_next_month(client, registered, meter, kurzmeldungen):
    articles = premium(3, kurzmeldungen)
    with mock.patch("django.utils.timezone.now", return_value=datetime(2030, 1, 31, 23, 30, tzinfo=BERLIN)):
        client.force_login(registered)  # at that time, so the session is still valid in the story
        for article in articles[:2]:
            client.get(article.get_absolute_url())
        assert MARKER not in client.get(articles[2].get_absolute_url()).content.decode()
    with mock.patch("django.utils.timezone.now", return_value=datetime(2030, 2, 1, 0, 5, tzinfo=BERLIN)):
        assert f"{MARKER} 2" in client.get(articles[2].get_absolute_url()).content.decode()
        assert f"{MARKER} 0" in client.get(articles[0].get_absolute_url()).content.decode()
    assert MeteredRead.objects.filter(month="2030-02-01").count() == 2


def test_zero_turns_metering_off(client, registered, settings, kurzmeldungen):
    settings.METERED_ARTICLES_PER_MONTH = 0
    article = premium(1, kurzmeldungen)[0]
    client.force_login(registered)
    assert MARKER not in client.get(article.get_absolute_url()).content.decode()
    assert not MeteredRead.objects.exists()


def test_anonymous_readers_are_not_metered(client, meter, kurzmeldungen):
    article = premium(1, kurzmeldungen)[0]
    assert MARKER not in client.get(article.get_absolute_url()).content.decode()
    assert not MeteredRead.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_never_count_twice_or_exceed_the_quota(registered, meter, kurzmeldungen):
    articles = premium(4, kurzmeldungen)
    urls = [articles[0].get_absolute_url()] * 4 + [a.get_absolute_url() for a in articles]
    barrier = threading.Barrier(len(urls))
    results = []

    def read(url):
        client = Client()
        client.force_login(registered)
        barrier.wait()
        results.append((url, MARKER in client.get(url).content.decode()))
        connection.close()

    threads = [threading.Thread(target=read, args=(url,)) for url in urls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert MeteredRead.objects.filter(reader=registered).count() == 2
    read_ids = set(MeteredRead.objects.values_list("article_id", flat=True))
    granted = {url for url, full in results if full}
    assert granted == {a.get_absolute_url() for a in articles if a.pk in read_ids}


@pytest.mark.django_db(transaction=True)
def test_an_article_charged_once_is_granted_to_every_concurrent_request(registered, meter, kurzmeldungen):
    """Finding 12: under threaded workers, requests for an article just charged must not be refused."""
    article = premium(1, kurzmeldungen)[0]
    MeteredRead.objects.create(reader=registered, article=premium(1, kurzmeldungen)[0], month=timezone.localdate().replace(day=1))
    url = article.get_absolute_url()  # one read of the quota (2) left: this article takes it
    barrier = threading.Barrier(20)
    results = []

    def read():
        client = Client()
        client.force_login(registered)
        barrier.wait()
        results.append(MARKER in client.get(url).content.decode())
        connection.close()

    threads = [threading.Thread(target=read) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [True] * 20
    assert MeteredRead.objects.filter(reader=registered, article=article).count() == 1
