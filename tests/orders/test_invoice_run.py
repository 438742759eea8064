"""The daily invoice run: renew with the next invoice, remind once when overdue, end access when still unpaid."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from orders import services
from orders.models import Invoice, PaymentMethod
from subscriptions import services as subscription_services
from subscriptions.models import Subscription
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
BILLING = {"name": "Anna Muster", "company": "", "vat_id": "", "street": "Hauptstraße 1", "postcode": "10115",
           "city": "Berlin", "country": "DE"}


@pytest.fixture
def order(plan):
    reader = UserFactory(username="rechnung@example.org", email="rechnung@example.org")
    return services.place(reader, plan, BILLING, PaymentMethod.INVOICE, consented_at=timezone.now(), checkout_key="test")


def test_a_subscription_is_renewed_with_its_next_invoice_a_week_before_it_ends(order, django_capture_on_commit_callbacks):
    first_end = order.subscription.ends_at
    assert services.renew_due(first_end - timedelta(days=8)) == 0  # too early
    with django_capture_on_commit_callbacks(execute=True):
        assert services.renew_due(first_end - timedelta(days=3)) == 1
    order.subscription.refresh_from_db()
    assert order.subscription.ends_at == order.plan.term_end(first_end)
    renewal = Invoice.objects.latest("pk")
    assert (renewal.period_start, renewal.period_end) == (first_end, order.subscription.ends_at)
    assert renewal.number in mail.outbox[-1].subject and "Verträge hier kündigen" in mail.outbox[-1].body
    assert services.renew_due(first_end - timedelta(days=2)) == 0  # once per term


def test_a_terminated_subscription_is_not_renewed(order):
    subscription_services.terminate(order.subscription, by=None, reason="test")
    assert services.renew_due(order.subscription.ends_at - timedelta(days=1)) == 0


def test_an_overdue_invoice_is_reminded_once_and_a_paid_one_never(order):
    invoice = order.invoices.get()
    later = invoice.due_at + timedelta(days=1)
    assert services.remind_overdue(later) == 1 and "Erinnerung" in mail.outbox[-1].subject
    assert services.remind_overdue(later + timedelta(days=1)) == 0
    services.mark_paid(invoice)
    assert services.remind_overdue(later + timedelta(days=2)) == 0


def test_access_ends_when_the_invoice_stays_unpaid(order):
    invoice = order.invoices.get()
    assert services.lapse_unpaid(invoice.due_at + timedelta(days=13)) == 0
    assert services.lapse_unpaid(invoice.due_at + timedelta(days=15)) == 1
    assert not Subscription.objects.active().filter(pk=order.subscription_id).exists()


def test_a_paid_invoice_keeps_access(order):
    invoice = order.invoices.get()
    services.mark_paid(invoice)
    assert services.lapse_unpaid(invoice.due_at + timedelta(days=30)) == 0
    assert Subscription.objects.active().filter(pk=order.subscription_id).exists()


def test_the_daily_command_reports_what_it_did(order):
    out = StringIO()
    call_command("invoice_run", stdout=out)
    assert out.getvalue().strip() == "0 renewed, 0 reminded, 0 lapsed."


def test_the_account_page_shows_payment_renewal_and_invoices(client, order):
    client.force_login(order.reader)
    html = client.get("/konto/").content.decode()
    invoice = order.invoices.get()
    assert "Rechnung" in html and invoice.number in html and "offen, fällig am" in html
    assert f"{timezone.localtime(order.subscription.ends_at):%d.%m.%Y}" in html
    services.mark_paid(invoice)
    assert "bezahlt am" in client.get("/konto/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_order_button_pressed_twice_at_once_places_and_bills_one_order(plan):
    """Two requests with the same order in flight at the same moment: one order, one subscription, one invoice."""
    import threading

    from django.db import connection

    reader = UserFactory(username="doppelt@example.org", email="doppelt@example.org")
    start = threading.Barrier(2)
    placed, errors = [], []

    def press():
        try:
            start.wait()
            placed.append(services.place(reader, plan, BILLING, PaymentMethod.INVOICE, consented_at=timezone.now(), checkout_key="same"))
        except Exception as error:  # reported below, with the thread's traceback lost otherwise
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=press) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert {order.pk for order in placed} == {placed[0].pk}
    assert Subscription.objects.count() == 1 and Invoice.objects.count() == 1 and len(mail.outbox) == 1
