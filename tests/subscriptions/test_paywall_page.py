"""What readers see of a gated article."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import html as lxml_html

from articles.models import Access
from articles.text import html_preview
from subscriptions.models import Subscription
from tests.factories import ArticleFactory
from tests.paywall_fixtures import MARKER

GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"

pytestmark = pytest.mark.django_db


def jsonld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


class TestPreviewCut:
    @pytest.mark.parametrize("n, expected", [
        (0, ""),
        (1, "<p>Eins <b>fett</b></p>"),
        (2, "<p>Eins <b>fett</b></p><ul><li>a</li><li>b</li></ul>"),
        (3, "<p>Eins <b>fett</b></p><ul><li>a</li><li>b</li></ul><p>Drei<br>vier</p>"),
    ])
    def test_whole_elements_only(self, n, expected):
        body = "<p>Eins <b>fett</b></p><ul><li>a</li><li>b</li></ul><p>Drei<br>vier</p><p>Fünf</p>"
        assert html_preview(body, n) == expected

    def test_short_body_is_whole(self):
        assert html_preview("<p>nur einer</p>", 2) == "<p>nur einer</p>"


def test_anonymous_reader_sees_teaser_preview_and_paywall_with_login_and_plans(client, premium_article, plan):
    html = client.get(premium_article.get_absolute_url()).content.decode()
    assert "Der öffentliche Teaser." in html and "Zweiter freier Absatz." in html
    assert MARKER not in html and "Noch mehr." not in html
    paywall = html[html.index('class="paywall"'):]
    assert "Mit einem Abo weiterlesen" in paywall and "Anmelden" in paywall and "Digital-Abo" in paywall
    assert 'href="/abo/"' in paywall


def test_registered_reader_without_quota_gets_plans_and_meter(client, no_meter_left, premium_article, plan):
    client.force_login(no_meter_left)
    html = client.get(premium_article.get_absolute_url()).content.decode()
    assert MARKER not in html
    assert "Sie haben in diesem Monat noch 0 freie Premium-Artikel." in html and "Digital-Abo" in html


def test_registered_only_article_invites_to_register(client, kurzmeldungen):
    article = ArticleFactory(access=Access.REGISTERED, body=f"<p>a</p><p>b</p><p>{MARKER}</p>", primary_category=kurzmeldungen)
    html = client.get(article.get_absolute_url()).content.decode()
    assert MARKER not in html and "Kostenlos registrieren und weiterlesen" in html


def test_subscriber_reads_everything(client, subscriber, premium_article):
    client.force_login(subscriber)
    html = client.get(premium_article.get_absolute_url()).content.decode()
    assert MARKER in html and 'class="paywall"' not in html


def test_a_lapsed_subscription_loses_access_on_the_next_request(client, subscriber, premium_article, settings):
    settings.METERED_ARTICLES_PER_MONTH = 0
    client.force_login(subscriber)
    assert MARKER in client.get(premium_article.get_absolute_url()).content.decode()
    Subscription.objects.filter(reader=subscriber).update(cancelled_at=timezone.now())
    assert MARKER not in client.get(premium_article.get_absolute_url()).content.decode()
    Subscription.objects.filter(reader=subscriber).update(cancelled_at=None, ends_at=timezone.now() - timedelta(seconds=1))
    assert MARKER not in client.get(premium_article.get_absolute_url()).content.decode()


def test_editors_always_see_everything(client, editor, premium_article, settings):
    settings.METERED_ARTICLES_PER_MONTH = 0
    client.force_login(editor)
    assert MARKER in client.get(premium_article.get_absolute_url()).content.decode()


def test_gated_article_has_paywall_structured_data(client, premium_article):
    data = jsonld(client.get(premium_article.get_absolute_url()).content.decode())
    assert data["@type"] == "NewsArticle" and data["isAccessibleForFree"] is False
    assert data["hasPart"] == {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".paywalled-content"}


def test_free_article_is_marked_free(client, live_article):
    data = jsonld(client.get(live_article.get_absolute_url()).content.decode())
    assert data["isAccessibleForFree"] is True and "hasPart" not in data


@pytest.mark.parametrize("user_agent", ["Mozilla/5.0 (X11; Linux x86_64)", GOOGLEBOT])
def test_the_paywalled_part_named_in_the_markup_is_in_what_search_engines_get(client, premium_article, user_agent):
    """No cloaking: a crawler, claimed or real, gets what an anonymous reader gets, and the selector matches it."""
    html = client.get(premium_article.get_absolute_url(), HTTP_USER_AGENT=user_agent).content.decode()
    selector = jsonld(html)["hasPart"]["cssSelector"]
    page = lxml_html.fromstring(html)
    marked = page.xpath(f'//*[contains(concat(" ", normalize-space(@class), " "), " {selector.lstrip(".")} ")]')
    assert len(marked) == 1 and "paywall" in marked[0].text_content().lower() + marked[0].get("class")
    assert MARKER not in html


def test_a_crawler_gets_the_same_article_as_an_anonymous_reader(client, premium_article):
    def article(user_agent):
        page = lxml_html.fromstring(client.get(premium_article.get_absolute_url(), HTTP_USER_AGENT=user_agent).content)
        return lxml_html.tostring(page.xpath("//article")[0])

    assert article(GOOGLEBOT) == article("Mozilla/5.0 (X11; Linux x86_64)")


def test_subscriber_page_marks_the_paywalled_part(client, subscriber, premium_article):
    client.force_login(subscriber)
    assert 'class="article__body paywalled-content"' in client.get(premium_article.get_absolute_url()).content.decode()


def test_gated_pages_are_never_shared_between_readers(client, premium_article, subscriber):
    anonymous = client.get(premium_article.get_absolute_url())
    assert "private" in anonymous["Cache-Control"] and "Cookie" in anonymous["Vary"]
    client.force_login(subscriber)
    personal = client.get(premium_article.get_absolute_url())
    assert "private" in personal["Cache-Control"]


def test_cards_mark_gated_articles(client, premium_article):
    free = ArticleFactory(title="Freie Meldung")
    html = client.get("/").content.decode()
    cards = re.findall(r'<article class="card.*?</article>', html, re.S)
    badge_by_title = {title: 'class="badge"' in card for card in cards for title in (premium_article.title, free.title) if title in card}
    assert badge_by_title == {premium_article.title: True, free.title: False}


def test_plans_page_lists_active_plans(client, plan):
    from subscriptions.models import Plan

    Plan.objects.create(name="Altes Abo", slug="alt", price="1.00", is_active=False)
    html = client.get("/abo/").content.decode()
    assert "Digital-Abo" in html and "9,90 €" in html and "E-Paper" in html and "Altes Abo" not in html
