"""A reader meets the paywall, signs up, confirms, reads a metered article; a subscriber reads everything."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from subscriptions.models import Plan, Subscription
from tests.factories import ArticleFactory, CategoryFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SECRET = "Nur für Abonnenten: die Zahl 4711."


@pytest.fixture
def premium(settings):
    settings.METERED_ARTICLES_PER_MONTH = 1
    category = CategoryFactory(slug="kurzmeldungen", name="Kurzmeldungen")
    Plan.objects.create(name="Digital-Abo", slug="digital", price="9.90", benefits="Alle Artikel")
    return [
        ArticleFactory(
            title=f"Premium-Analyse {n}", access="premium", primary_category=category,
            body=f"<p>Freier Absatz {n}.</p><p>Noch frei.</p><p>{SECRET} ({n})</p>",
        )
        for n in (1, 2)
    ]


def test_reader_signs_up_and_reads_one_metered_article(browser, live_server, premium, screenshot):
    page = browser.new_context(locale="de-DE").new_page()
    page.goto(live_server.url + premium[0].get_absolute_url())
    expect(page.get_by_role("heading", name="Mit einem Abo weiterlesen")).to_be_visible()
    expect(page.get_by_text(SECRET)).to_have_count(0)
    screenshot("paywall-anonymous", page)

    page.locator(".paywall").get_by_role("link", name="Anmelden").click()
    page.get_by_role("link", name="Kostenlos registrieren").click()
    page.fill("#id_email", "neu@example.org")
    page.fill("#id_password", "ein-gutes-passwort-77")
    page.fill("#id_password_again", "ein-gutes-passwort-77")
    page.get_by_role("button", name="Registrieren").click()
    expect(page.get_by_role("heading", name="Bitte bestätigen Sie Ihre E-Mail-Adresse")).to_be_visible()

    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    expect(page.get_by_role("heading", name="Ihr Konto ist aktiv")).to_be_visible()

    page.goto(live_server.url + premium[0].get_absolute_url())
    expect(page.get_by_text(f"{SECRET} (1)")).to_be_visible()
    expect(page.get_by_text("Noch 0 Premium-Artikel sind in diesem Monat frei.")).to_be_visible()

    page.goto(live_server.url + premium[1].get_absolute_url())
    expect(page.get_by_text(f"{SECRET} (2)")).to_have_count(0)
    expect(page.get_by_text("Sie haben in diesem Monat noch 0 freie Premium-Artikel.")).to_be_visible()
    screenshot("paywall-meter-used", page)


def test_subscriber_reads_everything(browser, live_server, premium):
    user = UserFactory(username="abo@example.org", email="abo@example.org")
    Subscription.objects.create(
        reader=user, plan=Plan.objects.get(), starts_at=timezone.now() - timedelta(days=1), ends_at=timezone.now() + timedelta(days=30)
    )
    page = browser.new_context(locale="de-DE").new_page()
    page.goto(live_server.url + "/konto/anmelden/")
    page.fill("#id_username", "abo@example.org")
    page.fill("#id_password", "correct-horse-battery")
    page.get_by_role("main").get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", name="Mein Konto")).to_be_visible()
    expect(page.get_by_text("Digital-Abo")).to_be_visible()
    for article in premium:
        page.goto(live_server.url + article.get_absolute_url())
        expect(page.get_by_text(SECRET)).to_be_visible()
        expect(page.locator(".paywall")).to_have_count(0)
