"""Shared fixtures for paywall tests: a premium article with a marker sentence behind the paywall."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Access
from subscriptions.models import Licence, Plan, Subscription
from tests.factories import ArticleFactory, UserFactory

MARKER = "Die geheime Marker-Zahl lautet 4711."


@pytest.fixture
def plan(db):
    return Plan.objects.create(name="Digital-Abo", slug="digital", price="9.90", benefits="Alle Artikel\nE-Paper")


@pytest.fixture
def premium_article(db, kurzmeldungen):
    return ArticleFactory(
        title="Premium-Analyse zur Klinikreform",
        teaser="Der öffentliche Teaser.",
        body=f"<p>Erster freier Absatz.</p><p>Zweiter freier Absatz.</p><p>{MARKER}</p><p>Noch mehr.</p>",
        access=Access.PREMIUM,
        preview_paragraphs=2,
        primary_category=kurzmeldungen,
        tags=["Klinikreform"],
    )


@pytest.fixture
def registered(db):
    return UserFactory(username="leser@example.org", email="leser@example.org")


@pytest.fixture
def subscriber(db, plan):
    user = UserFactory(username="abonnentin@example.org", email="abonnentin@example.org")
    Subscription.objects.create(
        reader=user, plan=plan, starts_at=timezone.now() - timedelta(days=10), ends_at=timezone.now() + timedelta(days=20)
    )
    return user


@pytest.fixture
def licence(db):
    return Licence.objects.create(
        organisation="Klinikum Beispielstadt",
        ip_ranges="198.51.100.0/24\n2001:db8::/32",
        email_domains="klinikum-beispiel.de",
        seat_limit=1,
        starts_at=timezone.now() - timedelta(days=1),
        ends_at=timezone.now() + timedelta(days=365),
    )


@pytest.fixture
def no_meter_left(registered, settings):
    settings.METERED_ARTICLES_PER_MONTH = 0
    return registered
