"""Findings 4 and 5: sign-up reveals nothing by its timing, and nobody can pre-set the password of someone else's account."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from tests.accounts.test_accounts import link_in, sign_up
from tests.conftest import log_in
from tests.factories import UserFactory

from .hashers import CountingHasher

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_known_and_unknown_addresses_cost_the_same_hashing(client, settings):
    settings.PASSWORD_HASHERS = ["tests.security.hashers.CountingHasher"]
    UserFactory(username="bekannt@example.org", email="bekannt@example.org")
    costs = {}
    for email in ("bekannt@example.org", "unbekannt@example.org", "unbekannt@example.org"):
        CountingHasher.calls = 0
        sign_up(Client(), email=email)
        costs.setdefault(email, []).append(CountingHasher.calls)
    assert costs == {"bekannt@example.org": [1], "unbekannt@example.org": [1, 1]}


def test_an_attackers_sign_up_never_sets_the_password_of_an_imported_account(plan):
    from subscriptions.importer import import_subscriptions

    import_subscriptions("email,plan,start,end\nopfer@example.org,digital,2026-01-01,2099-01-01\n")
    attacker, victim = Client(), Client()
    sign_up(attacker, email="opfer@example.org", password="passwort-des-angreifers-1")
    link = link_in(mail.outbox[-1])  # lands in the victim's mailbox, unsolicited
    response = victim.get(link)
    assert "Wählen Sie Ihr Passwort" in response.content.decode()
    assert not User.objects.get(username="opfer@example.org").is_active
    assert not log_in(attacker, "opfer@example.org", "passwort-des-angreifers-1")
    response = victim.post(link, {"new_password1": "passwort-der-inhaberin-2", "new_password2": "passwort-der-inhaberin-2"})
    assert "Ihr Konto ist aktiv" in response.content.decode()
    owner = User.objects.get(username="opfer@example.org")
    assert owner.is_active and owner.check_password("passwort-der-inhaberin-2")
    assert not owner.check_password("passwort-des-angreifers-1")
    assert victim.get("/konto/").status_code == 200


def test_a_weak_password_on_the_confirmation_page_is_a_message(plan):
    sign_up(Client(), email="neu@example.org")
    response = Client().post(link_in(mail.outbox[-1]), {"new_password1": "123", "new_password2": "123"})
    assert response.status_code == 200 and "zu kurz" in response.content.decode()
    assert not User.objects.get(username="neu@example.org").is_active
