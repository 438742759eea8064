"""Card and SEPA direct debit through Stripe, against localstripe (tests/stripe_double.py), not against mocks of our code."""

import itertools
import json
import random
import time
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from orders.models import Order
from subscriptions import declarations
from subscriptions.models import Subscription, Termination, Withdrawal
from tests.paywall_fixtures import MARKER

from ..stripe_double import DECLINED_CARD, TEST_CARD
from .test_order_flow import BILLING, order_up_to_payment, step

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_meter(settings):
    """Only a subscription opens premium articles here, not the registered reader's free monthly quota."""
    settings.METERED_ARTICLES_PER_MONTH = 0


@pytest.fixture
def stripe_plan(stripe_double, plan):
    from django.core.management import call_command

    call_command("stripe_plans")
    return plan


def wait_for(check, seconds=10):
    """localstripe collects a SEPA debit half a second after the subscription starts, as Stripe does later."""
    deadline = time.monotonic() + seconds
    while not (result := check()):
        assert time.monotonic() < deadline, "localstripe did not get there"
        time.sleep(0.1)
    return result


def order_with_stripe(client, plan, double, method="sepa_debit", **entered):
    """The whole order flow, Checkout included; returns the order as placed."""
    order_up_to_payment(client, plan, "leserin@example.org")
    to_checkout = client.post(step(plan, "zahlung/"), {"method": method})
    assert to_checkout.status_code == 302 and to_checkout["Location"].startswith(double.url + "/checkout/")
    back = double.complete_checkout(to_checkout["Location"].rsplit("/", 1)[-1], **entered)
    summary = client.get(back)
    assert summary.status_code == 200
    tree = lxml_html.fromstring(summary.content)
    assert [" ".join(b.text_content().split()) for b in tree.xpath("//main//form//button")] == ["zahlungspflichtig bestellen"]
    done = client.post(step(plan, "pruefen/"), {"early_start": "on"})
    assert done.status_code == 302, summary.content.decode()
    return Order.objects.get(reader__email="leserin@example.org"), summary.content.decode()


def remote_subscription(double, order):
    return double.call("GET", f"/v1/subscriptions/{order.provider_subscription_id}", {"expand": ["latest_invoice"]})


def deliver(client, double, kind, obj):
    body, signature = double.signed(double.event(kind, obj))
    return client.post("/abo/stripe/webhook/", body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature)


def events_of(double, order):
    """The events Stripe sends for a new subscription, each with the object as Stripe holds it now."""
    remote = remote_subscription(double, order)
    invoice = remote.pop("latest_invoice")
    remote["latest_invoice"] = invoice["id"]
    return [("customer.subscription.created", remote), ("invoice.paid", invoice), ("invoice.payment_succeeded", invoice)]


def test_without_keys_stripe_is_off_and_the_order_page_says_so(client, plan, settings):
    settings.STRIPE_SECRET_KEY = ""
    order_up_to_payment(client, plan, "leser@example.org")
    page = client.get(step(plan, "zahlung/")).content.decode()
    assert "Derzeit nicht verfügbar: Kreditkarte, SEPA-Lastschrift." in page
    refused = client.post(step(plan, "zahlung/"), {"method": "sepa_debit"})
    assert refused.status_code == 200 and "sepa_debit ist keine gültige Auswahl" in refused.content.decode()
    assert client.post("/abo/stripe/webhook/", b"{}", content_type="application/json").status_code == 404


def test_sepa_order_starts_access_when_stripe_reports_the_subscription(client, stripe_plan, stripe_double, premium_article):
    order, summary = order_with_stripe(client, stripe_plan, stripe_double)
    assert "SEPA-Lastschrift (IBAN •••• 3000)" in summary
    assert order.payment_method == "sepa_debit" and order.provider_subscription_id.startswith("sub_")
    assert order.subscription is None and MARKER not in client.get(premium_article.get_absolute_url()).content.decode()
    assert "zahlungspflichtig" not in mail.outbox[0].body and "IBAN •••• 3000" in mail.outbox[0].body

    wait_for(lambda: remote_subscription(stripe_double, order)["status"] == "active")
    for kind, obj in events_of(stripe_double, order):
        assert deliver(client, stripe_double, kind, obj).status_code == 200
    order.refresh_from_db()
    remote = remote_subscription(stripe_double, order)
    assert order.subscription.is_active and order.subscription.external_id == remote["id"]
    assert order.subscription.ends_at.timestamp() == remote["current_period_end"]
    assert MARKER in client.get(premium_article.get_absolute_url()).content.decode()
    account = client.get("/konto/").content.decode()
    assert "IBAN •••• 3000" in account and "Zahlungsart ändern, Rechnungen ansehen" in account


def test_card_order_and_the_customer_portal(client, stripe_plan, stripe_double):
    order, summary = order_with_stripe(client, stripe_plan, stripe_double, method="card")
    assert "Kreditkarte (Visa •••• 4242)" in summary
    portal = client.post("/konto/zahlungsart/")
    assert portal.status_code == 302 and portal["Location"].startswith(stripe_double.url + "/portal/")


def test_webhooks_delivered_twice_and_shuffled_end_in_the_same_state(client, stripe_plan, stripe_double):
    order, _summary = order_with_stripe(client, stripe_plan, stripe_double, method="card")
    stripe_double.call("POST", f"/v1/subscriptions/{order.provider_subscription_id}", {"cancel_at_period_end": "true"})
    events = events_of(stripe_double, order)
    deliveries = events * 2
    outcomes = set()
    for seed in range(4):
        random.Random(seed).shuffle(deliveries)
        for kind, obj in deliveries:
            assert deliver(client, stripe_double, kind, obj).status_code == 200
        subscription = Subscription.objects.get()
        outcomes.add((subscription.ends_at, subscription.terminated_at is not None, subscription.cancelled_at))
    assert Subscription.objects.count() == 1
    remote = remote_subscription(stripe_double, order)
    assert outcomes == {(Subscription.objects.get().ends_at, True, None)}
    assert Subscription.objects.get().ends_at.timestamp() == remote["current_period_end"]


def decline_renewal(double, order):
    """The card expires and Stripe's next invoice is declined; returns that invoice's id."""
    customer = order.provider_customer_id
    declined = double.call("POST", "/v1/payment_methods", {
        "type": "card", "card": {"number": DECLINED_CARD, "exp_month": 12, "exp_year": 2030, "cvc": "123"},
    })
    double.call("POST", f"/v1/payment_methods/{declined['id']}/attach", {"customer": customer})
    double.call("POST", f"/v1/customers/{customer}", {"invoice_settings": {"default_payment_method": declined["id"]}})
    # localstripe bills a running subscription again only when it changes: a change to yearly billing stands in for the renewal.
    double.call("POST", "/v1/plans", {"id": "renewal", "amount": 9900, "currency": "eur", "interval": "year", "product": {"name": "Verlängerung"}})
    item = remote_subscription(double, order)["items"]["data"][0]["id"]
    double.call("POST", f"/v1/subscriptions/{order.provider_subscription_id}", {"items": [{"id": item, "plan": "renewal"}]})
    return remote_subscription(double, order)["latest_invoice"]["id"]


def pay_with_a_good_card(double, order, invoice_id):
    customer = order.provider_customer_id
    good = double.call("POST", "/v1/payment_methods", {
        "type": "card", "card": {"number": TEST_CARD, "exp_month": 12, "exp_year": 2030, "cvc": "123"},
    })
    double.call("POST", f"/v1/payment_methods/{good['id']}/attach", {"customer": customer})
    double.call("POST", f"/v1/customers/{customer}", {"invoice_settings": {"default_payment_method": good["id"]}})
    double.call("POST", f"/v1/invoices/{invoice_id}/pay")
    return double.call("GET", f"/v1/invoices/{invoice_id}")


def test_a_failed_renewal_keeps_access_through_the_grace_period_then_lapses(client, stripe_plan, stripe_double, premium_article, settings):
    settings.PAYMENT_GRACE_DAYS = 7
    order, _summary = order_with_stripe(client, stripe_plan, stripe_double, method="card")
    for kind, obj in events_of(stripe_double, order):
        deliver(client, stripe_double, kind, obj)
    renewal = decline_renewal(stripe_double, order)
    assert remote_subscription(stripe_double, order)["status"] == "past_due"

    failed = stripe_double.call("GET", f"/v1/invoices/{renewal}")
    assert deliver(client, stripe_double, "invoice.payment_failed", failed).status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.payment_failed_at is not None and subscription.is_active
    assert abs(subscription.ends_at - (timezone.now() + timedelta(days=7))) < timedelta(minutes=1)
    article = client.get(premium_article.get_absolute_url()).content.decode()
    assert MARKER in article and "Ihre letzte Zahlung konnten wir nicht einziehen" in article
    assert "Zahlung ausstehend" in client.get("/konto/").content.decode()
    # The same failure reported again does not move the grace period.
    deliver(client, stripe_double, "invoice.payment_failed", failed)
    assert Subscription.objects.get().ends_at == subscription.ends_at

    with time_machine.travel(timezone.now() + timedelta(days=8)):
        client.force_login(order.reader)
        assert MARKER not in client.get(premium_article.get_absolute_url()).content.decode()

    # The reader updates the card; Stripe collects, access is back for the term.
    deliver(client, stripe_double, "invoice.paid", pay_with_a_good_card(stripe_double, order, renewal))
    subscription.refresh_from_db()
    assert subscription.payment_failed_at is None
    assert subscription.ends_at.timestamp() == remote_subscription(stripe_double, order)["current_period_end"]


def test_stripe_ending_the_subscription_ends_access(client, stripe_plan, stripe_double):
    order, _summary = order_with_stripe(client, stripe_plan, stripe_double, method="card")
    for kind, obj in events_of(stripe_double, order):
        deliver(client, stripe_double, kind, obj)
    deleted = stripe_double.call("DELETE", f"/v1/subscriptions/{order.provider_subscription_id}")
    deliver(client, stripe_double, "customer.subscription.deleted", deleted)
    subscription = Subscription.objects.get()
    assert not subscription.is_active, (subscription.ends_at, timezone.now(), Termination.objects.values())


def test_termination_cancels_at_stripe_at_the_end_of_the_term(client, stripe_plan, stripe_double, django_capture_on_commit_callbacks):
    order, _summary = order_with_stripe(client, stripe_plan, stripe_double, method="card")
    for kind, obj in events_of(stripe_double, order):
        deliver(client, stripe_double, kind, obj)
    subscription = Subscription.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        declarations.declare_termination(Termination(
            name="Anna Muster", account_email="leserin@example.org", contract=stripe_plan.name,
            confirmation_email="leserin@example.org",
        ))
    assert remote_subscription(stripe_double, order)["cancel_at_period_end"] is True
    subscription.refresh_from_db()
    assert subscription.is_active and subscription.terminated_at is not None


def test_withdrawal_in_time_refunds_the_unused_part_at_stripe(client, stripe_plan, stripe_double, django_capture_on_commit_callbacks):
    order, _summary = order_with_stripe(client, stripe_plan, stripe_double, method="card")
    for kind, obj in events_of(stripe_double, order):
        deliver(client, stripe_double, kind, obj)
    with django_capture_on_commit_callbacks(execute=True):
        withdrawal = declarations.declare_withdrawal(Withdrawal(
            name="Anna Muster", account_email="leserin@example.org", contract=stripe_plan.name,
            confirmation_email="leserin@example.org",
        ))
    assert withdrawal.in_time and not Subscription.objects.get().is_active
    assert remote_subscription(stripe_double, order)["status"] == "canceled"
    invoice = remote_subscription(stripe_double, order)["latest_invoice"]
    refunds = stripe_double.call("GET", "/v1/refunds", {"payment_intent": invoice["payment_intent"]})["data"]
    # Withdrawn on the first day: nearly all of the 9,90 € comes back, what was used is kept (§ 357a Abs. 2 BGB).
    assert [refund["status"] for refund in refunds] == ["succeeded"] and 980 <= refunds[0]["amount"] <= 990


def test_provider_down_keeps_what_the_reader_entered(client, plan, stripe_double, settings):
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    order_up_to_payment(client, plan, "leser@example.org")
    page = client.post(step(plan, "zahlung/"), {"method": "card"})
    assert page.status_code == 200 and "Zahlungsdienst hat nicht geantwortet" in page.content.decode()
    assert client.session["order"]["billing"]["street"] == BILLING["street"]


def test_webhook_refuses_unsigned_and_forged_events(client, stripe_double):
    event = stripe_double.event("customer.subscription.deleted", {"object": "subscription", "id": "sub_x"})
    body, signature = stripe_double.signed(event)
    assert client.post("/abo/stripe/webhook/", body, content_type="application/json").status_code == 400
    forged = signature.replace("v1=", "v1=0")
    assert client.post("/abo/stripe/webhook/", body, content_type="application/json", HTTP_STRIPE_SIGNATURE=forged).status_code == 400
    # Signed, but about a subscription that is no order of ours: acknowledged, nothing changes.
    assert client.post("/abo/stripe/webhook/", body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature).status_code == 200


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3),
    max_leaves=10,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from(["invoice.paid", "invoice.payment_failed", "customer.subscription.updated", "checkout.session.completed"])
    | st.text(max_size=30),
    obj=json_values | st.fixed_dictionaries({
        "object": st.sampled_from(["subscription", "invoice"]), "id": st.text(max_size=30).map("sub_".__add__),
        "subscription": st.text(max_size=30).map("sub_".__add__) | json_values,
    }),
    raw=st.binary(max_size=200),
)
def test_no_webhook_body_makes_a_500(client, stripe_double, kind, obj, raw):
    for body in (raw, json.dumps({"id": "evt_1", "type": kind, "data": {"object": obj}}).encode()):
        response = client.post(
            "/abo/stripe/webhook/", body, content_type="application/json", HTTP_STRIPE_SIGNATURE=stripe_double.signature(body)
        )
        assert response.status_code in (200, 400), response.content


def test_a_cured_failure_leaves_no_grace_period_in_any_order_of_delivery(client, stripe_plan, stripe_double):
    """Stripe does not promise the order of events: the failure may arrive after the payment that cured it."""
    order, _summary = order_with_stripe(client, stripe_plan, stripe_double, method="card")
    renewal = decline_renewal(stripe_double, order)
    failed = stripe_double.call("GET", f"/v1/invoices/{renewal}")
    deliver(client, stripe_double, "invoice.payment_failed", failed)
    assert Subscription.objects.get().payment_failed_at is not None  # past due: the failure counts
    paid = pay_with_a_good_card(stripe_double, order, renewal)
    events = [("invoice.payment_failed", failed), ("invoice.paid", paid), *events_of(stripe_double, order)[:1]]
    for ordering in itertools.permutations(events * 2, 4):
        for kind, obj in ordering:
            assert deliver(client, stripe_double, kind, obj).status_code == 200
        subscription = Subscription.objects.get()
        assert subscription.payment_failed_at is None and subscription.is_active
        assert subscription.ends_at.timestamp() == remote_subscription(stripe_double, order)["current_period_end"]


def test_checkout_sessions_not_completed_or_of_someone_else_are_refused(client, stripe_plan, stripe_double):
    order_up_to_payment(client, stripe_plan, "leser@example.org")
    mine = client.post(step(stripe_plan, "zahlung/"), {"method": "sepa_debit"})["Location"].rsplit("/", 1)[-1]
    other_customer = stripe_double.call("POST", "/v1/customers", {"email": "fremd@example.org"})["id"]
    stripe_double.sessions["cs_test_other"] = {**stripe_double.sessions[mine], "id": "cs_test_other", "customer": other_customer}
    stripe_double.complete_checkout("cs_test_other")
    for session_id in (mine, "cs_test_other", "../../v1/customers", "x" * 500, "ü"):
        response = client.get(step(stripe_plan, "pruefen/"), {"session_id": session_id})
        assert response.status_code == 302 and response["Location"] == step(stripe_plan, "zahlung/"), session_id
    assert not Order.objects.exists()


def test_extraordinary_termination_ends_the_stripe_subscription_now(client, stripe_plan, stripe_double, django_capture_on_commit_callbacks):
    order, _summary = order_with_stripe(client, stripe_plan, stripe_double, method="card")
    for kind, obj in events_of(stripe_double, order):
        deliver(client, stripe_double, kind, obj)
    with django_capture_on_commit_callbacks(execute=True):
        declarations.declare_termination(Termination(
            name="Anna Muster", account_email="leserin@example.org", contract=stripe_plan.name,
            confirmation_email="leserin@example.org", kind=Termination.Kind.EXTRAORDINARY, reason="Umzug ins Ausland",
        ))
    remote = remote_subscription(stripe_double, order)
    assert remote["status"] == "canceled"
    assert Subscription.objects.get().ends_at <= timezone.now() + timedelta(seconds=1)  # the term began this second
    deliver(client, stripe_double, "customer.subscription.deleted", remote)
    assert not Subscription.objects.get().is_active


def test_a_declined_first_payment_sends_the_reader_back_to_choose_again(client, stripe_plan, stripe_double):
    order_up_to_payment(client, stripe_plan, "leserin@example.org")
    to_checkout = client.post(step(stripe_plan, "zahlung/"), {"method": "card"})
    back = stripe_double.complete_checkout(to_checkout["Location"].rsplit("/", 1)[-1], card=DECLINED_CARD)
    client.get(back)
    refused = client.post(step(stripe_plan, "pruefen/"), {"early_start": "on"}, follow=True)
    assert refused.redirect_chain[-1][0] == step(stripe_plan, "zahlung/")
    assert "Die Zahlung wurde abgelehnt" in refused.content.decode()
    assert not Subscription.objects.exists() and not mail.outbox
    remote = stripe_double.call("GET", "/v1/subscriptions", {"status": "all"})["data"]
    assert [subscription["status"] for subscription in remote] == ["canceled"]


def test_a_price_changed_here_but_not_at_stripe_is_not_billed(client, stripe_plan, stripe_double):
    stripe_plan.price = "12.90"
    stripe_plan.save()
    order_up_to_payment(client, stripe_plan, "leserin@example.org")
    to_checkout = client.post(step(stripe_plan, "zahlung/"), {"method": "card"})
    client.get(stripe_double.complete_checkout(to_checkout["Location"].rsplit("/", 1)[-1]))
    page = client.post(step(stripe_plan, "pruefen/"), {"early_start": "on"})
    assert page.status_code == 200 and "Zahlungsdienst hat nicht geantwortet" in page.content.decode()
    assert stripe_double.call("GET", "/v1/subscriptions", {"status": "all"})["data"] == []


def test_a_subscription_ended_here_stays_ended_whatever_stripe_reports_later(client, stripe_plan, stripe_double):
    from subscriptions import services

    order, _summary = order_with_stripe(client, stripe_plan, stripe_double, method="card")
    events = events_of(stripe_double, order)
    deliver(client, stripe_double, *events[0])
    services.cancel(Subscription.objects.get(), by=None, reason="staff")
    for kind, obj in events:
        deliver(client, stripe_double, kind, obj)
    assert not Subscription.objects.get().is_active


def test_a_webhook_replayed_later_is_refused(client, stripe_double):
    body = json.dumps(stripe_double.event("invoice.paid", {"object": "invoice", "subscription": "sub_x"})).encode()
    with time_machine.travel(timezone.now() - timedelta(minutes=10)):
        old_signature = stripe_double.signature(body)
    response = client.post("/abo/stripe/webhook/", body, content_type="application/json", HTTP_STRIPE_SIGNATURE=old_signature)
    assert response.status_code == 400


def test_a_sepa_debit_still_in_flight_at_the_withdrawal_is_refunded_once_collected(client, stripe_plan, stripe_double):
    from subscriptions import services

    order, _summary = order_with_stripe(client, stripe_plan, stripe_double, method="sepa_debit")
    wait_for(lambda: remote_subscription(stripe_double, order)["latest_invoice"]["status"] == "paid")
    events = events_of(stripe_double, order)
    deliver(client, stripe_double, *events[0])
    # The withdrawal came while the debit was still on its way: ended here, nothing to refund yet.
    Order.objects.filter(pk=order.pk).update(withdrawn_at=timezone.now())
    services.cancel(Subscription.objects.get(), by=None, reason="withdrawn")
    for kind, obj in events * 2:  # Stripe reports the debit collected (and reports it again)
        assert deliver(client, stripe_double, kind, obj).status_code == 200
    order.refresh_from_db()
    intent = remote_subscription(stripe_double, order)["latest_invoice"]["payment_intent"]
    refunds = stripe_double.call("GET", "/v1/refunds", {"payment_intent": intent})["data"]
    assert [refund["id"] for refund in refunds] == [order.refund_id] and 980 <= refunds[0]["amount"] <= 990
    assert remote_subscription(stripe_double, order)["status"] == "canceled" and not Subscription.objects.get().is_active


def test_the_shapes_of_newer_stripe_api_versions_are_read():
    """Stripe moved the term onto subscription items and the subscription onto the invoice's parent (2025-03)."""
    from orders import stripe_billing

    invoice = {"object": "invoice", "parent": {"type": "subscription_details", "subscription_details": {"subscription": "sub_1"}}}
    assert stripe_billing._subscription_id(invoice) == "sub_1"
    assert stripe_billing._subscription_id({"object": "invoice", "parent": "x"}) is None
    subscription = {"items": {"data": [{"current_period_start": 1790000000, "current_period_end": 1792592000}]}}
    start, end = stripe_billing._period(subscription)
    assert (end - start).days == 30 and end.timestamp() == 1792592000
    assert stripe_billing.unused_share(990, start, end, start + (end - start) / 2) == 495


def test_a_lost_answer_from_stripe_charges_nothing_twice_when_the_reader_then_picks_invoice(client, stripe_plan, stripe_double, monkeypatch):
    from orders import stripe_billing

    order_up_to_payment(client, stripe_plan, "leserin@example.org")
    to_checkout = client.post(step(stripe_plan, "zahlung/"), {"method": "card"})
    client.get(stripe_double.complete_checkout(to_checkout["Location"].rsplit("/", 1)[-1]))
    real_start = stripe_billing.start

    def created_but_answer_lost(order, payment_method_id):
        real_start(order, payment_method_id)
        raise stripe_billing.ProviderError("read timed out")

    monkeypatch.setattr(stripe_billing, "start", created_but_answer_lost)
    page = client.post(step(stripe_plan, "pruefen/"), {"early_start": "on"})
    assert "Zahlungsdienst hat nicht geantwortet" in page.content.decode() and not mail.outbox
    monkeypatch.setattr(stripe_billing, "start", real_start)

    client.post(step(stripe_plan, "zahlung/"), {"method": "invoice"})
    done = client.post(step(stripe_plan, "pruefen/"), {"early_start": "on"})
    assert done.status_code == 302
    order = Order.objects.get()
    remote = stripe_double.call("GET", "/v1/subscriptions", {"status": "all"})["data"]
    assert [subscription["id"] for subscription in remote] == [order.provider_subscription_id]
    assert order.payment_method == "card" and not order.invoices.exists() and len(mail.outbox) == 1


def test_stripe_pausing_an_unpaid_subscription_pauses_access_until_it_is_paid(client, stripe_plan, stripe_double):
    from orders import stripe_billing

    order, _summary = order_with_stripe(client, stripe_plan, stripe_double, method="card")
    remote = remote_subscription(stripe_double, order)
    remote.pop("latest_invoice")
    stripe_billing._apply(order, remote)
    order.refresh_from_db()
    assert order.subscription.is_active
    Subscription.objects.filter(pk=order.subscription.pk).update(starts_at=timezone.now() - timedelta(days=40))  # a later term
    order.subscription.refresh_from_db()
    stripe_billing._apply(order, {**remote, "status": "unpaid"})
    order.subscription.refresh_from_db()
    assert not order.subscription.is_active and order.subscription.cancelled_at is None
    stripe_billing._apply(order, remote)  # paid after all
    order.subscription.refresh_from_db()
    assert order.subscription.is_active and order.subscription.ends_at.timestamp() == remote["current_period_end"]


def test_a_withdrawal_refunded_by_staff_at_stripe_is_not_refunded_again(client, stripe_plan, stripe_double, django_capture_on_commit_callbacks):
    order, _summary = order_with_stripe(client, stripe_plan, stripe_double, method="card")
    deliver(client, stripe_double, *events_of(stripe_double, order)[0])
    intent = remote_subscription(stripe_double, order)["latest_invoice"]["payment_intent"]
    by_staff = stripe_double.call("POST", "/v1/refunds", {"payment_intent": intent, "amount": 990})
    with django_capture_on_commit_callbacks(execute=True):
        declarations.declare_withdrawal(Withdrawal(
            name="Anna Muster", account_email="leserin@example.org", contract=stripe_plan.name,
            confirmation_email="leserin@example.org",
        ))
    order.refresh_from_db()
    refunds = stripe_double.call("GET", "/v1/refunds", {"payment_intent": intent})["data"]
    assert [refund["id"] for refund in refunds] == [by_staff["id"]] == [order.refund_id]


def test_the_payment_of_an_invoice_is_found_in_the_api_shape_since_2025():
    """Stripe's newer invoices name their payments only through the invoice payments list."""
    from types import SimpleNamespace

    from orders import stripe_billing

    class Listing:
        def __init__(self, data):
            self.data = data

        def to_dict(self):
            return self.data

    payments = {"data": [{"payment": {"type": "payment_intent", "payment_intent": "pi_new"}, "status": "paid"}]}
    asked = []
    stripe_client = SimpleNamespace(v1=SimpleNamespace(invoice_payments=SimpleNamespace(
        list=lambda params: asked.append(params) or Listing(payments),
    )))
    assert stripe_billing._payment_intent(stripe_client, {"id": "in_1", "amount_paid": 990}) == "pi_new"
    assert asked == [{"invoice": "in_1", "status": "paid"}]
    assert stripe_billing._payment_intent(stripe_client, {"id": "in_2", "payment_intent": "pi_old"}) == "pi_old"
