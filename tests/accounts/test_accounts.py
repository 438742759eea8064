"""Reader accounts: sign-up with confirmation, login, passwords, account page."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from subscriptions.models import MeteredRead, Subscription
from tests.factories import ArticleFactory, UserFactory
from tests.conftest import log_in

pytestmark = pytest.mark.django_db
User = get_user_model()
SIGNUP = "/konto/registrieren/"


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def sign_up(client, email="Neue.Leserin@Example.org", password="ein-gutes-passwort-77"):
    return client.post(SIGNUP, {"email": email, "password": password, "password_again": password})


def test_sign_up_confirm_and_read(client):
    response = sign_up(client)
    assert response.status_code == 302 and response["Location"] == "/konto/registrieren/bestaetigen/"
    user = User.objects.get(username="neue.leserin@example.org")
    assert not user.is_active
    assert not log_in(client, user.username, "ein-gutes-passwort-77")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["neue.leserin@example.org"]
    assert "Bitte bestätigen Sie Ihre Registrierung" in mail.outbox[0].subject

    html = client.get(link_in(mail.outbox[0])).content.decode()
    assert "Ihr Konto ist aktiv" in html
    user.refresh_from_db()
    assert user.is_active
    assert client.get("/konto/").status_code == 200  # logged in by the link


@pytest.mark.parametrize("uid, token", [("MQ", "falsch-123"), ("%%%", "x"), ("OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5", "abc-def")])
def test_bad_confirmation_links_are_refused(client, uid, token):
    UserFactory(is_active=False)
    response = client.get(f"/konto/bestaetigen/{uid}/{token}/")
    assert response.status_code == 400 and "Dieser Link ist nicht gültig" in response.content.decode()


def test_the_same_answer_for_known_addresses(client):
    UserFactory(username="bekannt@example.org", email="bekannt@example.org")
    known = sign_up(client, email="bekannt@example.org")
    unknown = sign_up(client, email="unbekannt@example.org")
    assert known.status_code == unknown.status_code == 302 and known["Location"] == unknown["Location"]
    assert [m.to for m in mail.outbox] == [["bekannt@example.org"], ["unbekannt@example.org"]]
    assert "bereits ein Konto" in mail.outbox[0].body
    assert User.objects.get(username="bekannt@example.org").check_password("correct-horse-battery")


def test_the_latest_sign_up_in_this_browser_sets_the_password_and_links_work_once(client):
    sign_up(client, password="erstes-passwort-111")
    sign_up(client, password="zweites-passwort-222")
    first, second = (link_in(m) for m in mail.outbox)
    assert client.get(first).status_code == 200
    assert User.objects.get().check_password("zweites-passwort-222")
    client.logout()
    assert client.get(second).status_code == 400  # the account was activated and logged in since


@pytest.mark.parametrize(
    "data, message",
    [
        ({"email": "kaputt", "password": "ein-gutes-passwort-77", "password_again": "ein-gutes-passwort-77"}, "gültige E-Mail-Adresse"),
        ({"email": "a@example.org", "password": "ein-gutes-passwort-77", "password_again": "anderes"}, "stimmen nicht überein"),
        ({"email": "a@example.org", "password": "123", "password_again": "123"}, "zu kurz"),
        ({}, "Dieses Feld ist zwingend erforderlich"),
    ],
)
def test_bad_sign_up_input_gets_messages(client, data, message):
    response = client.post(SIGNUP, data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not User.objects.exists()


def test_login_with_email_in_any_case(client, registered):
    response = client.post("/konto/anmelden/", {"username": "LESER@example.org ", "password": "correct-horse-battery"})
    assert response.status_code == 302
    assert client.get("/konto/").status_code == 200


def test_failed_login_says_so(client, registered):
    response = client.post("/konto/anmelden/", {"username": "leser@example.org", "password": "falsch"})
    assert response.status_code == 200 and "E-Mail-Adresse oder Passwort stimmen nicht" in response.content.decode()


def test_logout_needs_post(client, registered):
    client.force_login(registered)
    client.post("/konto/abmelden/")
    assert client.get("/konto/").status_code == 302


def test_password_reset_gives_the_same_answer_for_unknown_addresses(client, registered):
    known = client.post("/konto/passwort-vergessen/", {"email": "leser@example.org"})
    unknown = client.post("/konto/passwort-vergessen/", {"email": "niemand@example.org"})
    assert known.status_code == unknown.status_code == 302 and known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
    link = link_in(mail.outbox[0])
    form_url = client.get(link).url  # Django swaps the token for a session marker
    response = client.post(form_url, {"new_password1": "neues-passwort-555", "new_password2": "neues-passwort-555"})
    assert response.status_code == 302
    registered.refresh_from_db()
    assert registered.check_password("neues-passwort-555")


def test_password_change(client, registered):
    client.force_login(registered)
    response = client.post("/konto/passwort/", {
        "old_password": "correct-horse-battery", "new_password1": "anderes-passwort-9", "new_password2": "anderes-passwort-9",
    })
    assert response.status_code == 302
    registered.refresh_from_db()
    assert registered.check_password("anderes-passwort-9")


def test_account_page_shows_subscription(client, subscriber):
    client.force_login(subscriber)
    html = client.get("/konto/").content.decode()
    ends = timezone.localtime(subscriber.subscriptions.get().ends_at).strftime("%d.%m.%Y")
    assert "Digital-Abo" in html and "aktiv" in html and ends in html


def test_account_page_shows_meter_left(client, registered, settings, kurzmeldungen):
    settings.METERED_ARTICLES_PER_MONTH = 3
    MeteredRead.objects.create(reader=registered, article=ArticleFactory(), month=timezone.localdate().replace(day=1))
    client.force_login(registered)
    html = client.get("/konto/").content.decode()
    assert "Noch 2 freie Premium-Artikel in diesem Monat." in html and "Sie haben kein Abo." in html


def test_account_page_names_a_lapsed_subscription(client, registered, plan):
    Subscription.objects.create(reader=registered, plan=plan, starts_at=timezone.now() - timedelta(days=30), ends_at=timezone.now() - timedelta(days=1))
    client.force_login(registered)
    assert "Ihr Abo „Digital-Abo“ ist abgelaufen." in client.get("/konto/").content.decode()


def test_account_page_needs_login(client):
    response = client.get("/konto/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_imported_subscriber_claims_the_account_by_signing_up(client, plan):
    from subscriptions.importer import import_subscriptions

    import_subscriptions("email,plan,start,end\nabo@example.org,digital,2026-01-01,2099-01-01\n")
    sign_up(client, email="abo@example.org")
    client.get(link_in(mail.outbox[0]))
    assert "Digital-Abo" in client.get("/konto/").content.decode()
