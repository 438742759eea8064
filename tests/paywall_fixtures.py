"""Shared fixtures for paywall tests: a premium article with a marker sentence behind the paywall."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Access
from subscriptions.models import Licence, Plan, Subscription
from tests.factories import ArticleFactory, ImageFactory, UserFactory

MARKER = "Die geheime Marker-Zahl lautet 4711."
# A library picture and a video in the gated part: its file name (in every rendition's address), its
# credit, and the video's id must reach no one who may not read the full text.
GATED_PICTURE_NAME = "geheimbild-4711"
GATED_PICTURE_CREDIT = "Bildagentur Verschlusssache"
GATED_VIDEO = "G3h31mV1d30"
GATED_MEDIA = (GATED_PICTURE_NAME, GATED_PICTURE_CREDIT, GATED_VIDEO)


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
def gated_media(premium_article):
    """The premium article with a figure and an embed after the marker, behind the paywall."""
    picture = ImageFactory(file__filename=f"{GATED_PICTURE_NAME}.jpg", credit=GATED_PICTURE_CREDIT)
    premium_article.body = premium_article.body.replace(
        f"<p>{MARKER}</p>",
        f"<p>{MARKER}</p>"
        f'<figure class="figure"><img src="{picture.file.url}" alt="" data-file="{picture.pk}"><figcaption>Im Archiv</figcaption></figure>'
        f'<div class="embed" data-embed="youtube" data-url="https://youtu.be/{GATED_VIDEO}" data-title="Das Video zur Reform"></div>',
    )
    premium_article.save()
    return premium_article


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
