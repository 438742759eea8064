"""Finding 2: logins lock after repeated failures (django-axes); sign-up, password reset and the webhook are rate-limited."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

from tests.factories import UserFactory
from tests.subscriptions.test_webhook import SECRET, event, post

pytestmark = pytest.mark.django_db
SITE_LOGIN, ADMIN_LOGIN = "/konto/anmelden/", "/admin/login/"
PASSWORD = "correct-horse-battery"


def attempt(client, url, username, password):
    return client.post(url, {"username": username, "password": password})


@pytest.fixture
def reader(db):
    return UserFactory(username="leser@example.org", email="leser@example.org")


@pytest.mark.parametrize("url", [SITE_LOGIN, ADMIN_LOGIN])
def test_the_right_password_no_longer_works_after_five_failures(url, reader, editor):
    user = reader if url == SITE_LOGIN else editor
    client = Client()
    statuses = [attempt(client, url, user.username, "falsch").status_code for _ in range(5)]
    assert statuses == [200] * 4 + [429]  # the fifth failure locks
    response = attempt(client, url, user.username, PASSWORD)
    assert response.status_code == 429
    assert "zu viele fehlgeschlagene Anmeldeversuche" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_account_is_locked_from_every_address_and_an_address_for_every_account(reader):
    for _ in range(5):
        attempt(Client(REMOTE_ADDR="198.51.100.1"), SITE_LOGIN, reader.username, "falsch")
    assert attempt(Client(REMOTE_ADDR="203.0.113.7"), SITE_LOGIN, reader.username, PASSWORD).status_code == 429
    other = UserFactory(username="andere@example.org")
    assert attempt(Client(REMOTE_ADDR="198.51.100.1"), SITE_LOGIN, other.username, PASSWORD).status_code == 429
    assert attempt(Client(REMOTE_ADDR="203.0.113.8"), SITE_LOGIN, other.username, PASSWORD).status_code == 302


def test_spelling_the_address_differently_counts_the_same(reader):
    for spelling in ("Leser@Example.org", " leser@example.org", "LESER@EXAMPLE.ORG", "leser@example.org", "Leser@example.ORG"):
        attempt(Client(REMOTE_ADDR="198.51.100.2"), SITE_LOGIN, spelling, "falsch")
    assert attempt(Client(REMOTE_ADDR="203.0.113.9"), SITE_LOGIN, reader.username, PASSWORD).status_code == 429


def test_behind_a_trusted_proxy_the_readers_address_counts(settings, reader):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    other = UserFactory(username="zweite@example.org")
    for _ in range(5):
        Client(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="198.51.100.3").post(SITE_LOGIN, {"username": other.username, "password": "x"})
    assert AccessAttempt.objects.get().ip_address == "198.51.100.3"
    neighbour = Client(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="198.51.100.4")  # same proxy, another reader
    assert attempt(neighbour, SITE_LOGIN, reader.username, PASSWORD).status_code == 302


def test_the_editor_in_chief_lifts_a_lockout_in_the_admin(client, chief, reader):
    for _ in range(5):
        attempt(Client(), SITE_LOGIN, reader.username, "falsch")
    client.force_login(chief)
    assert client.get("/admin/axes/accessattempt/").status_code == 200
    attempts = list(AccessAttempt.objects.values_list("pk", flat=True))
    client.post("/admin/axes/accessattempt/", {"action": "delete_selected", "_selected_action": attempts, "post": "yes"})
    assert not AccessAttempt.objects.exists()
    assert attempt(Client(), SITE_LOGIN, reader.username, PASSWORD).status_code == 302


def test_sign_up_is_rate_limited_per_address(one_rate_window):
    client = Client(REMOTE_ADDR="198.51.100.10")
    data = {"password": "ein-gutes-passwort-77", "password_again": "ein-gutes-passwort-77"}
    statuses = [client.post("/konto/registrieren/", {**data, "email": f"n{i}@example.org"}).status_code for i in range(11)]
    assert statuses[:10] == [302] * 10 and statuses[10] == 429
    assert Client(REMOTE_ADDR="198.51.100.11").post("/konto/registrieren/", {**data, "email": "x@example.org"}).status_code == 302


def test_password_reset_is_rate_limited(reader, one_rate_window):
    client = Client(REMOTE_ADDR="198.51.100.12")
    statuses = [client.post("/konto/passwort-vergessen/", {"email": reader.email}).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [429]
    response = client.post("/konto/passwort-vergessen/", {"email": reader.email})
    assert "Zu viele Versuche" in response.content.decode() and response["Retry-After"]


def test_the_webhook_is_rate_limited(client, settings, plan, one_rate_window):
    settings.SUBSCRIPTION_WEBHOOK_SECRET = SECRET
    statuses = [post(client, event(event_id=f"evt_{i}", subscription_id=f"sub_{i}")).status_code for i in range(121)]
    assert statuses[:120] == [200] * 120 and statuses[120] == 429


def test_without_redis_nobody_is_refused(settings):
    from tests.test_cache import redis_cache

    settings.CACHES = redis_cache("redis://127.0.0.1:1/0")
    data = {"password": "ein-gutes-passwort-77", "password_again": "ein-gutes-passwort-77", "email": "ohne@example.org"}
    assert Client().post("/konto/registrieren/", data).status_code == 302
