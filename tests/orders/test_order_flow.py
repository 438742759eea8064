"""From the paywall to an active subscription: plan, account, billing details, payment, "zahlungspflichtig bestellen"."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from orders.models import Invoice, Order
from subscriptions.models import Subscription
from tests.paywall_fixtures import MARKER

pytestmark = pytest.mark.django_db
BILLING = {"name": "Anna Muster", "company": "", "vat_id": "", "street": "Hauptstraße 1", "postcode": "10115",
           "city": "Berlin", "country": "DE"}


def step(plan, name=""):
    return f"/abo/bestellen/{plan.slug}/{name}"


def order_up_to_payment(client, plan, email="neu@example.org"):
    """A new reader's account made inside the order, and the billing details entered."""
    client.post(step(plan), {"step": "new", "email": email, "password": "ein-gutes-Passwort-2026"})
    client.post(step(plan, "angaben/"), BILLING)


def order_up_to_summary(client, plan):
    order_up_to_payment(client, plan)
    client.post(step(plan, "zahlung/"), {"method": "invoice"})


def test_every_plan_and_the_paywall_lead_to_the_order(client, plan, premium_article):
    for path in ("/abo/", premium_article.get_absolute_url()):
        page = lxml_html.fromstring(client.get(path).content)
        assert step(plan) in page.xpath("//a/@href"), path


def test_a_visitor_orders_by_invoice_and_reads_at_once(client, plan, premium_article, django_capture_on_commit_callbacks):
    assert MARKER not in client.get(premium_article.get_absolute_url()).content.decode()
    order_up_to_summary(client, plan)
    page = client.get(step(plan, "pruefen/"))
    tree = lxml_html.fromstring(page.content)
    assert [" ".join(b.text_content().split()) for b in tree.xpath("//main//form//button")] == ["zahlungspflichtig bestellen"]
    html = page.content.decode()
    for text in ("9,90 €", "verlängert", "kündigen", "innerhalb von 14 Tagen", "Hauptstraße 1"):
        assert text in html, text
    assert {"/agb/", "/widerrufsbelehrung/", "/datenschutz/"} <= set(tree.xpath("//main//a/@href"))

    refused = client.post(step(plan, "pruefen/"), {})
    assert refused.status_code == 200 and "Ohne diese Zustimmung" in refused.content.decode() and not Order.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(step(plan, "pruefen/"), {"early_start": "on"}, follow=True)
    order = Order.objects.get()
    assert "Vielen Dank für Ihre Bestellung" in done.content.decode() and order.number in done.content.decode()
    assert order.subscription.is_active and order.subscription.source == Subscription.Source.ORDER
    assert order.early_start_consent_at is not None
    invoice = Invoice.objects.get()
    assert invoice.amount == Decimal("9.90") and invoice.paid_at is None
    assert timedelta(days=13) < invoice.due_at - timezone.now() <= timedelta(days=14)
    message = mail.outbox[-1]
    assert message.to == ["neu@example.org"] and order.number in message.body and invoice.number in message.body
    assert MARKER in client.get(premium_article.get_absolute_url()).content.decode()


def test_pressing_the_order_button_twice_places_one_order(client, plan):
    order_up_to_summary(client, plan)
    summary = step(plan, "pruefen/")
    session = client.session
    state = dict(session["order"])
    first = client.post(summary, {"early_start": "on"})
    session = client.session
    session["order"] = state  # the second press arrives with the state the first one saw
    session.save()
    second = client.post(summary, {"early_start": "on"})
    assert first["Location"] == second["Location"] and Order.objects.count() == 1 and Invoice.objects.count() == 1


def test_the_summary_says_when_a_subscription_runs_already(client, plan, subscriber):
    client.force_login(subscriber)
    client.post(step(plan, "angaben/"), BILLING)
    client.post(step(plan, "zahlung/"), {"method": "invoice"})
    assert "Sie haben schon das Abo" in client.get(step(plan, "pruefen/")).content.decode()


def test_a_reader_with_an_account_logs_in_inside_the_order(client, plan, registered):
    registered.set_password("ein-gutes-Passwort-2026")
    registered.save()
    response = client.post(step(plan), {"step": "login", "username": registered.email, "password": "ein-gutes-Passwort-2026"})
    assert response.status_code == 302 and response["Location"] == step(plan, "angaben/")


def test_an_imported_account_without_password_is_told_how_to_activate_it(client, plan):
    from subscriptions.services import reader_for_email

    reader_for_email("importiert@example.org")  # as the CSV import and the webhook make them: inactive, no password
    response = client.post(step(plan), {"step": "new", "email": "importiert@example.org", "password": "ein-gutes-Passwort-2026"})
    page = lxml_html.fromstring(response.content)
    assert "Wenn es noch kein Passwort hat" in page.text_content() and "/konto/registrieren/" in page.xpath("//main//a/@href")
    assert 'value="importiert@example.org"' in response.content.decode()


def test_a_mistake_in_the_billing_details_keeps_what_was_typed(client, plan):
    client.post(step(plan), {"step": "new", "email": "neu@example.org", "password": "ein-gutes-Passwort-2026"})
    response = client.post(step(plan, "angaben/"), {**BILLING, "street": "", "vat_id": "kein Ding"})
    html = response.content.decode()
    assert response.status_code == 200 and 'value="Anna Muster"' in html and 'value="Berlin"' in html
    assert "USt-IdNr" in html and "Dieses Feld ist zwingend erforderlich" in html


def test_going_back_shows_the_details_entered(client, plan):
    order_up_to_summary(client, plan)
    assert 'value="Hauptstraße 1"' in client.get(step(plan, "angaben/")).content.decode()


def test_the_summary_cannot_be_skipped_to(client, plan):
    client.post(step(plan), {"step": "new", "email": "neu@example.org", "password": "ein-gutes-Passwort-2026"})
    response = client.post(step(plan, "pruefen/"), {"early_start": "on"})
    assert response.status_code == 302 and response["Location"] == step(plan, "angaben/") and not Order.objects.exists()


def test_an_existing_address_cannot_be_signed_up_again(client, plan, registered):
    response = client.post(step(plan), {"step": "new", "email": registered.email, "password": "ein-gutes-Passwort-2026"})
    assert response.status_code == 200 and "bitte melden Sie sich" in response.content.decode()


def test_an_order_confirmation_is_only_for_its_reader(client, plan, registered, django_capture_on_commit_callbacks):
    order_up_to_summary(client, plan)
    response = client.post(step(plan, "pruefen/"), {"early_start": "on"})
    confirmation = response["Location"]
    assert client.get(confirmation).status_code == 200
    client.force_login(registered)
    assert client.get(confirmation).status_code == 404
    assert client.get("/abo/bestellt/falsch/").status_code == 404


def test_unknown_and_inactive_plans_are_not_found(client, plan):
    assert client.get("/abo/bestellen/gibt-es-nicht/").status_code == 404
    plan.is_active = False
    plan.save()
    assert client.get(step(plan)).status_code == 404


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(st.sampled_from(list(BILLING)), st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200)))
def test_no_billing_input_makes_the_page_fail(client, plan, registered, data):
    client.force_login(registered)
    assert client.post(step(plan, "angaben/"), data).status_code in (200, 302)


def test_staff_mark_invoices_paid_and_export_them(client, admin_client, plan):
    order_up_to_summary(client, plan)
    client.post(step(plan, "pruefen/"), {"early_start": "on"})
    Order.objects.update(name="=HYPERLINK(1)")
    invoice = Invoice.objects.get()
    changelist = reverse("admin:orders_invoice_changelist")
    assert invoice.number in admin_client.get(changelist, {"payment": "open"}).content.decode()
    exported = admin_client.post(changelist, {"action": "export_csv", "_selected_action": [invoice.pk]})
    rows = list(csv.reader(io.StringIO(exported.content.decode()), delimiter=";"))
    assert rows[0][0] == "Rechnungsnummer" and rows[1][0] == invoice.number and rows[1][3] == "'=HYPERLINK(1)"
    admin_client.post(changelist, {"action": "mark_paid", "_selected_action": [invoice.pk]})
    invoice.refresh_from_db()
    assert invoice.paid_at is not None
    assert invoice.number not in admin_client.get(changelist, {"payment": "open"}).content.decode()


def test_postcodes_follow_the_country_and_the_summary_names_it(client, plan):
    client.post(step(plan), {"step": "new", "email": "neu@example.org", "password": "ein-gutes-Passwort-2026"})
    refused = client.post(step(plan, "angaben/"), {**BILLING, "postcode": "abcde"})
    assert "5 Ziffern" in refused.content.decode()
    client.post(step(plan, "angaben/"), {**BILLING, "postcode": "1010", "city": "Wien", "country": "AT"})
    client.post(step(plan, "zahlung/"), {"method": "invoice"})
    assert "Österreich" in client.get(step(plan, "pruefen/")).content.decode()


def test_the_two_account_forms_have_fields_of_their_own(client, plan):
    page = lxml_html.fromstring(client.get(step(plan)).content)
    ids = page.xpath("//main//input/@id")
    assert len(ids) == len(set(ids)) and {"login_username", "login_password", "new_email", "new_password"} <= set(ids)
    assert set(page.xpath("//main//label/@for")) <= set(ids)
