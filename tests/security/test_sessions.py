"""Finding 1: a logout or a password change ends the session everywhere, whatever Redis does."""

import pytest
from django.test import Client

from tests.test_cache import REDIS_URL, redis_cache, require_redis

pytestmark = pytest.mark.django_db
ACCOUNT = "/konto/"


def logged_in_client(user):
    client = Client()
    client.force_login(user)
    assert client.get(ACCOUNT).status_code == 200
    return client


def with_cookie_of(client):
    thief = Client()
    thief.cookies = client.cookies.__class__(client.cookies)  # a copy of the session cookie, taken before logout
    return thief


def test_logout_during_a_redis_outage_ends_the_session_for_good(settings, registered):
    require_redis()
    settings.CACHES = redis_cache(REDIS_URL)
    client = logged_in_client(registered)
    copy = with_cookie_of(client)
    settings.CACHES = redis_cache("redis://127.0.0.1:1/0")  # Redis unreachable while the reader logs out
    assert client.post("/konto/abmelden/").status_code == 302
    settings.CACHES = redis_cache(REDIS_URL)  # and back again
    response = copy.get(ACCOUNT)
    assert response.status_code == 302 and "/konto/anmelden/" in response["Location"]


def test_a_password_change_ends_the_other_sessions(registered):
    laptop, phone = logged_in_client(registered), logged_in_client(registered)
    response = laptop.post("/konto/passwort/", {
        "old_password": "correct-horse-battery", "new_password1": "ein-ganz-neues-77", "new_password2": "ein-ganz-neues-77",
    })
    assert response.status_code == 302
    assert laptop.get(ACCOUNT).status_code == 200  # the one who changed it stays in
    assert phone.get(ACCOUNT).status_code == 302  # everyone else is out
