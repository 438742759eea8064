import pytest
from django.contrib.auth.models import Group

from articles.models import Category

from .factories import ArticleFactory, AuthorFactory, UserFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no page or lookup from another test's data."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Keep uploads from tests out of the project's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def kurzmeldungen(db):
    """Created by a data migration; recreated here after a transactional test flushed it."""
    return Category.objects.get_or_create(slug="kurzmeldungen", defaults={"name": "Kurzmeldungen", "position": 10})[0]


@pytest.fixture
def magazin(db):
    return Category.objects.get_or_create(slug="magazin", defaults={"name": "Magazin", "position": 20})[0]


@pytest.fixture
def live_article(db, kurzmeldungen, magazin):
    return ArticleFactory(primary_category=kurzmeldungen, categories=[magazin], tags=["Rechenzentren", "Energie"])


def log_in(client, username, password):
    """``client.login`` with the request django-axes needs to check for a lockout."""
    from django.test import RequestFactory

    return client.login(request=RequestFactory().post("/konto/anmelden/"), username=username, password=password)


def staff_with_role(username, role):
    user = UserFactory(username=username, is_staff=True, first_name=username.capitalize())
    user.groups.set([Group.objects.get(name=role)])
    return user


@pytest.fixture
def reporter(db):
    """Autor/in with an author profile, so bylines make articles theirs."""
    user = staff_with_role("autorin", "Autor/in")
    AuthorFactory(name="Anna Autorin", user=user)
    return user


@pytest.fixture
def other_reporter(db):
    user = staff_with_role("kollege", "Autor/in")
    AuthorFactory(name="Karl Kollege", user=user)
    return user


@pytest.fixture
def editor(db):
    return staff_with_role("redakteur", "Redakteur/in")


@pytest.fixture
def chief(db):
    return staff_with_role("chefin", "Chefredaktion")


@pytest.fixture
def staff_user(editor):
    return editor


@pytest.fixture
def reader(db):
    return UserFactory(username="leserin")


from tests.paywall_fixtures import (  # noqa: E402,F401  (fixtures for the whole suite)
    licence,
    no_meter_left,
    plan,
    premium_article,
    registered,
    subscriber,
)


@pytest.fixture
def one_rate_window(monkeypatch):
    """Rate limits count in windows aligned to the clock; a test that fills one must not cross into the next."""
    import time

    import django_ratelimit.core

    end = int(time.time()) + 3600
    monkeypatch.setattr(django_ratelimit.core, "_get_window", lambda value, period: end)


@pytest.fixture(scope="session")
def stripe_server():
    """localstripe with the Checkout and portal pages in front of it (tests/stripe_double.py), one per run."""
    from .stripe_double import StripeDouble

    double = StripeDouble()
    yield double
    double.stop()


@pytest.fixture
def stripe_double(stripe_server, settings):
    """Stripe switched on and pointed at a localstripe with nothing in it."""
    from .stripe_double import SECRET_KEY, WEBHOOK_SECRET

    stripe_server.reset()
    settings.STRIPE_SECRET_KEY, settings.STRIPE_WEBHOOK_SECRET = SECRET_KEY, WEBHOOK_SECRET
    settings.STRIPE_API_BASE = stripe_server.url
    return stripe_server
