"""Reading the site writes nothing: no INSERT, UPDATE or DELETE for a page view."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from banners.models import Banner
from subscriptions.models import MeteredRead
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db
WRITES = ("INSERT", "UPDATE", "DELETE")


def writes_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in queries if query["sql"].lstrip().upper().startswith(WRITES)]


@pytest.fixture
def banners(db):
    for placement in Banner.Placement.values:
        Banner.objects.create(title=f"Banner {placement}", target_url="https://example.org/", placement=placement, after_paragraph=1)


def pages(article, premium_article):
    return [
        reverse("website:home"),
        article.primary_category.get_absolute_url(),
        article.get_absolute_url(),
        premium_article.get_absolute_url(),
        reverse("website:corrections"), reverse("subscriptions:plans"),
        reverse("impressum"), reverse("privacy"), reverse("accessibility"),
    ]


def test_anonymous_readers_write_nothing(client, banners, live_article, premium_article):
    for url in pages(live_article, premium_article):
        assert writes_of(client, url) == [], url


def test_a_reader_from_a_licensed_domain_takes_no_seat_by_browsing(client, banners, live_article, premium_article, licence):
    reader = UserFactory(username="aerztin@klinikum-beispiel.de", email="aerztin@klinikum-beispiel.de")
    client.force_login(reader)
    for url in [reverse("website:home"), live_article.primary_category.get_absolute_url(), live_article.get_absolute_url()]:
        assert writes_of(client, url) == [], url
    assert not licence.seats.exists()
    client.get(premium_article.get_absolute_url())  # a gated article that needs the licence takes the seat
    assert list(licence.seats.all()) == [reader]


def test_the_check_sees_writes(client, live_article):
    """A metered read is a write the reader asked for: the capture must see it."""
    reader = UserFactory(username="leserin@example.org")
    client.force_login(reader)
    premium = ArticleFactory(access="premium", primary_category=live_article.primary_category)
    assert any("subscriptions_meteredread" in sql for sql in writes_of(client, premium.get_absolute_url()))
    assert MeteredRead.objects.filter(reader=reader).exists()
