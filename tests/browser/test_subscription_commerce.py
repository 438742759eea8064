"""From the paywall to a paid subscription and out again, as a reader clicks it: SEPA, card (Stripe, here localstripe) and invoice."""

import time
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from orders.models import Order
from subscriptions.models import Plan
from tests.factories import ArticleFactory, CategoryFactory

from ..stripe_double import TEST_CARD, TEST_IBAN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SECRET = "Nur für Abonnenten: die Zahl 4711."
EMAIL = "kaeuferin@example.org"
PASSWORD = "ein-gutes-Passwort-2026"


@pytest.fixture
def shop(settings, stripe_double, live_server):
    settings.METERED_ARTICLES_PER_MONTH = 0
    stripe_double.deliver_webhooks_to(live_server.url + "/abo/stripe/webhook/")
    Plan.objects.create(name="Digital-Abo", slug="digital", price="9.90", benefits="Alle Artikel")
    call_command("stripe_plans")
    return ArticleFactory(
        title="Premium-Analyse zur Klinikreform", access="premium", primary_category=CategoryFactory(slug="kurzmeldungen"),
        body=f"<p>Freier Absatz.</p><p>Noch frei.</p><p>{SECRET}</p>",
    )


def read_until(page, url, visible, seconds=20):
    """Reload until the text shows: Stripe's webhook arrives a moment after the order."""
    deadline = time.monotonic() + seconds
    while True:
        page.goto(url)
        if page.get_by_text(visible).count():
            return
        assert time.monotonic() < deadline, f"“{visible}” never appeared on {url}"
        time.sleep(0.5)


@pytest.mark.parametrize("method, label, entry", [
    ("sepa_debit", "SEPA-Lastschrift", TEST_IBAN), ("card", "Kreditkarte", TEST_CARD), ("invoice", "Rechnung", None),
])
def test_order_read_terminate_without_login_and_lose_access_at_term_end(browser, live_server, shop, method, label, entry, screenshot):
    article_url = live_server.url + shop.get_absolute_url()
    reader = browser.new_context(locale="de-DE").new_page()
    reader.goto(article_url)
    expect(reader.get_by_text(SECRET)).to_have_count(0)
    reader.locator(".paywall").get_by_role("link", name="Alle Abo-Angebote").click()
    reader.get_by_role("link", name="Jetzt abonnieren").first.click()

    new_account = reader.locator("form", has=reader.locator("input[name=step][value=new]"))
    new_account.locator("#new_email").fill(EMAIL)
    new_account.locator("#new_password").fill(PASSWORD)
    new_account.get_by_role("button").click()
    reader.fill("#id_name", "Karla Käufer")
    reader.fill("#id_street", "Lindenallee 5")
    reader.fill("#id_postcode", "50667")
    reader.fill("#id_city", "Köln")
    reader.get_by_role("button", name="Weiter").click()
    reader.get_by_label(label, exact=True).check()
    reader.get_by_role("button", name="Weiter").click()
    if entry:  # Stripe's Checkout page (the recorded double in front of localstripe)
        reader.locator("input[name=iban], input[name=card]").fill(entry)
        reader.get_by_role("button", name="Speichern").click()

    expect(reader.get_by_role("heading", name="Prüfen und bestellen")).to_be_visible()
    reader.get_by_label("ausdrücklich", exact=False).check()
    expect(reader.get_by_role("button", name="zahlungspflichtig bestellen", exact=True)).to_have_count(1)
    reader.get_by_role("button", name="zahlungspflichtig bestellen", exact=True).click()
    expect(reader.get_by_role("heading", name="Vielen Dank für Ihre Bestellung")).to_be_visible()
    screenshot(f"order-confirmed-{method}", reader)

    read_until(reader, article_url, SECRET)
    order = Order.objects.select_related("subscription").get(reader__email=EMAIL)
    assert order.payment_method == method and order.subscription.is_active
    term_end = order.subscription.ends_at

    # Terminate in a browser that is not logged in: one click from any page's footer.
    stranger = browser.new_context(locale="de-DE").new_page()
    stranger.goto(live_server.url + "/")
    stranger.get_by_role("contentinfo").get_by_role("link", name="Verträge hier kündigen").click()
    stranger.locator("#id_kind_0").check()
    stranger.fill("#id_name", "Karla Käufer")
    stranger.fill("#id_account_email", EMAIL)
    stranger.fill("#id_contract", "Digital-Abo")
    stranger.fill("#id_confirmation_email", EMAIL)
    mail.outbox.clear()
    stranger.get_by_role("button", name="jetzt kündigen").click()
    expect(stranger.get_by_role("heading", name="Ihre Kündigung ist eingegangen")).to_be_visible()
    expect(stranger.get_by_text(f"Ihr Vertrag endet zum {timezone.localtime(term_end):%d.%m.%Y}.")).to_be_visible()
    screenshot(f"termination-confirmed-{method}", stranger)
    assert [message.to for message in mail.outbox] == [[EMAIL]] and "Kündigung" in mail.outbox[0].subject

    if method != "invoice":
        deadline = time.monotonic() + 10
        while not stripe_double_cancels(order):
            assert time.monotonic() < deadline, "the termination never reached Stripe"
            time.sleep(0.2)

    read_until(reader, article_url, SECRET)  # paid until the end of the term
    with time_machine.travel(term_end + timedelta(days=1)):
        reader.context.clear_cookies()
        reader.goto(live_server.url + "/konto/anmelden/")
        reader.fill("#id_username", EMAIL)
        reader.fill("#id_password", PASSWORD)
        reader.get_by_role("main").get_by_role("button", name="Anmelden").click()
        expect(reader.get_by_role("heading", name="Mein Konto")).to_be_visible()
        reader.goto(article_url)
        expect(reader.get_by_role("heading", name="Mit einem Abo weiterlesen")).to_be_visible()
        expect(reader.get_by_text(SECRET)).to_have_count(0)


def stripe_double_cancels(order):
    from orders import stripe_billing

    remote = stripe_billing.client().v1.subscriptions.retrieve(order.provider_subscription_id).to_dict()
    return remote["cancel_at_period_end"]
