"""Scheduled publishing and expiry need no job: the visibility rule compares with the clock."""

from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from articles.models import Article
from editorial import actions
from tests.factories import ArticleFactory
from tests.public_pages import listing_pages_for, pages_showing

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
SIX_AM = datetime(2030, 3, 4, 6, 0, tzinfo=BERLIN)
EXPIRY = datetime(2030, 3, 11, 18, 0, tzinfo=BERLIN)


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def scheduled(editor, kurzmeldungen, magazin):
    with at(SIX_AM - timedelta(days=1)):
        article = ArticleFactory(
            title="Erscheint um sechs Uhr",
            status=Article.Status.DRAFT,
            published_at=None,
            expires_at=EXPIRY,
            primary_category=kurzmeldungen,
            categories=[magazin],
            tags=["Frühmeldung"],
        )
        actions.publish(article, by=editor, at=SIX_AM)
    return Article.objects.get(pk=article.pk)


def test_invisible_everywhere_one_second_before(client, scheduled):
    with at(SIX_AM - timedelta(seconds=1)):
        assert pages_showing(client, scheduled) == []


def test_visible_everywhere_from_the_publication_time_on(client, scheduled):
    every_page = [*listing_pages_for(scheduled), scheduled.get_absolute_url()]
    for moment in (SIX_AM, SIX_AM + timedelta(seconds=1)):
        with at(moment):
            assert pages_showing(client, scheduled) == every_page


def test_visible_one_second_before_expiry_and_gone_at_expiry(client, scheduled):
    every_page_but_news = [*listing_pages_for(scheduled), scheduled.get_absolute_url()]
    every_page_but_news.remove("/sitemap-news.xml")  # a week old by then: past the 48-hour window
    with at(EXPIRY - timedelta(seconds=1)):
        assert pages_showing(client, scheduled) == every_page_but_news
    for moment in (EXPIRY, EXPIRY + timedelta(seconds=1)):
        with at(moment):
            assert pages_showing(client, scheduled) == []


def test_editors_see_scheduled_time_in_german_local_time(client, editor, scheduled):
    with at(SIX_AM - timedelta(hours=1)):  # logged in at that time, so the session has not expired
        client.force_login(editor)
        html = client.get("/admin/articles/article/", {"state": "scheduled"}).content.decode()
    assert "Geplant für 04.03.2030, 06:00" in html
