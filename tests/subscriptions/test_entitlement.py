"""The one entitlement rule: access level × kind of reader."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import timezone

from articles.models import Access
from subscriptions.access import Reason, client_address, entitlement, open_article, reader_for
from subscriptions.models import MeteredRead, Subscription
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


def reader(user=None, ip="203.0.113.9", **headers):
    request = RequestFactory().get("/", REMOTE_ADDR=ip, **headers)
    request.user = user or AnonymousUser()
    return reader_for(request)


@pytest.fixture
def articles(kurzmeldungen):
    return {level: ArticleFactory(access=level, primary_category=kurzmeldungen) for level in Access.values}


@pytest.fixture
def kinds(registered, subscriber, plan, editor, settings, licence):
    settings.METERED_ARTICLES_PER_MONTH = 2
    used_up = UserFactory(username="aufgebraucht@example.org", email="aufgebraucht@example.org")
    for article in ArticleFactory.create_batch(2):
        MeteredRead.objects.create(reader=used_up, article=article, month=timezone.localdate().replace(day=1))

    def subscription_user(name, **times):
        user = UserFactory(username=f"{name}@example.org", email=f"{name}@example.org")
        Subscription.objects.create(reader=user, plan=plan, **times)
        return user

    now = timezone.now()
    return {
        "anonymous": reader(),
        "registered, meter left": reader(registered),
        "registered, meter used up": reader(used_up),
        "subscriber": reader(subscriber),
        "expired subscription": reader(subscription_user("abgelaufen", starts_at=now - timedelta(days=40), ends_at=now - timedelta(seconds=1))),
        "cancelled subscription": reader(subscription_user("gekuendigt", starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=30), cancelled_at=now)),
        "future subscription": reader(subscription_user("spaeter", starts_at=now + timedelta(days=1), ends_at=now + timedelta(days=30))),
        "licence by IP": reader(ip="198.51.100.23"),
        "licence by IPv6": reader(ip="2001:db8::5"),
        "licence by e-mail domain": reader(UserFactory(username="arzt@klinikum-beispiel.de", email="arzt@klinikum-beispiel.de")),
        "staff editor": reader(editor),
    }


EXPECTED = {
    # kind:                           free   registered premium
    "anonymous": (True, False, False),
    "registered, meter left": (True, True, True),
    "registered, meter used up": (True, True, False),
    "subscriber": (True, True, True),
    "expired subscription": (True, True, True),  # still registered: meter left
    "cancelled subscription": (True, True, True),
    "future subscription": (True, True, True),
    "licence by IP": (True, False, True),
    "licence by IPv6": (True, False, True),
    "licence by e-mail domain": (True, True, True),
    "staff editor": (True, True, True),
}


def test_access_matrix(articles, kinds):
    table = {
        kind: tuple(entitlement(kinds[kind], articles[level]).full for level in Access.values) for kind in EXPECTED
    }
    assert table == EXPECTED


def test_lapsed_subscriptions_read_premium_only_through_the_meter(articles, kinds):
    for kind in ("expired subscription", "cancelled subscription", "future subscription"):
        assert entitlement(kinds[kind], articles[Access.PREMIUM]).reason == "meter"
        assert not kinds[kind].is_subscriber


def test_reasons_tell_the_page_what_to_offer(articles, kinds):
    assert entitlement(kinds["anonymous"], articles[Access.PREMIUM]).reason == "login"
    assert entitlement(kinds["anonymous"], articles[Access.REGISTERED]).reason == "login"
    assert entitlement(kinds["registered, meter used up"], articles[Access.PREMIUM]).reason == "subscription"
    assert entitlement(kinds["subscriber"], articles[Access.PREMIUM]).reason == "subscriber"


def test_category_default_applies_when_the_article_sets_none(kurzmeldungen, registered):
    kurzmeldungen.default_access = Access.PREMIUM
    kurzmeldungen.save()
    article = ArticleFactory(access="", primary_category=kurzmeldungen)
    assert article.effective_access == Access.PREMIUM
    assert not entitlement(reader(), article).full
    article.access = Access.FREE
    assert entitlement(reader(), article).full


def test_domain_licence_seats_are_taken_on_the_first_gated_read_and_limited(licence, premium_article, settings):
    settings.METERED_ARTICLES_PER_MONTH = 0
    first = UserFactory(username="a@klinikum-beispiel.de", email="a@klinikum-beispiel.de")
    second = UserFactory(username="b@klinikum-beispiel.de", email="b@klinikum-beispiel.de")
    assert reader(first).licence is None and not licence.seats.exists()  # looking is not taking
    assert open_article(reader(first), premium_article).full
    assert list(licence.seats.all()) == [first]
    assert reader(first).licence == licence  # keeps the seat
    assert entitlement(reader(second), premium_article).reason == Reason.SUBSCRIPTION  # seat_limit 1
    assert not open_article(reader(second), premium_article).full
    assert list(licence.seats.all()) == [first]


def test_expired_licence_grants_nothing(licence, premium_article):
    licence.ends_at = timezone.now() - timedelta(seconds=1)
    licence.save()
    assert not entitlement(reader(ip="198.51.100.23"), premium_article).full


class TestClientAddress:
    def request(self, remote, forwarded=None):
        headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
        return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)

    def test_forwarded_header_is_ignored_without_a_trusted_proxy(self, settings):
        settings.TRUSTED_PROXIES = []
        assert str(client_address(self.request("203.0.113.9", "198.51.100.23"))) == "203.0.113.9"

    def test_forwarded_header_is_used_behind_a_trusted_proxy(self, settings):
        settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
        assert str(client_address(self.request("10.0.0.2", "198.51.100.23, 10.0.0.7"))) == "198.51.100.23"

    def test_spoofed_first_hop_is_not_believed(self, settings):
        settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
        request = self.request("10.0.0.2", "198.51.100.23, 203.0.113.50")
        assert str(client_address(request)) == "203.0.113.50"

    @pytest.mark.parametrize("forwarded", ["nonsense", "", "999.1.1.1", "::::"])
    def test_garbage_headers_fall_back_to_the_connection(self, settings, forwarded):
        settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
        assert str(client_address(self.request("10.0.0.2", forwarded))) == "10.0.0.2"

    def test_spoofed_header_from_outside_gets_no_licence(self, settings, licence, premium_article):
        settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
        outsider = reader(ip="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.23")
        assert not entitlement(outsider, premium_article).full
