"""Card and SEPA direct debit through Stripe: payment details, recurring billing, webhooks.

The reader enters card or IBAN on Stripe's hosted Checkout page (in setup
mode: nothing is charged there); the order button on our summary page
creates the Stripe subscription, which bills each term. Stripe tells us
what happened by webhook; each event only names the subscription, and
``sync`` reads that subscription's current state back from Stripe. So an
event delivered twice, late or out of order changes nothing: the last word
is always Stripe's present state.
"""

import json
import logging
import re
from datetime import UTC, datetime, timedelta
from decimal import ROUND_DOWN, Decimal
from urllib.parse import urlsplit

import stripe
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from subscriptions import services as subscription_services
from subscriptions.models import Subscription

from .models import Order

logger = logging.getLogger(__name__)

# Stripe's answers we act on; every other event is acknowledged and left alone.
SUBSCRIPTION_EVENTS = {
    "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted",
    "invoice.paid", "invoice.payment_succeeded", "invoice.payment_failed", "checkout.session.completed",
}
# Statuses in which Stripe still collects: access runs with the paid term or the grace period.
COLLECTING = {"active", "trialing", "past_due"}
# What Stripe's subscription ids look like; anything else in an event is no subscription of ours.
SUBSCRIPTION_ID = re.compile(r"sub_[A-Za-z0-9_]{1,96}")
# Seconds a webhook's signed timestamp may lie back: an old delivery replayed is refused.
WEBHOOK_TOLERANCE = 300


class ProviderError(Exception):
    """Stripe could not be reached or refused; the reader is told to try again, nothing is lost."""


class PaymentDeclined(ProviderError):
    """Stripe could not collect the first payment with the method the reader entered."""


def is_configured():
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_WEBHOOK_SECRET)


def client():
    addresses = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    # A reader waits for these calls: seconds, not the library's 80.
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY, base_addresses=addresses, max_network_retries=1,
        http_client=stripe.RequestsClient(timeout=(3, 10)),
    )


def allow_forms_to_stripe(response):
    """Let the page's forms lead to Stripe's Checkout and portal (the CSP's form-action also governs redirects)."""
    if is_configured():
        if settings.STRIPE_API_BASE:  # a Stripe double serves its pages from its own address
            origins = ["{0.scheme}://{0.netloc}".format(urlsplit(settings.STRIPE_API_BASE))]
        else:
            origins = ["https://checkout.stripe.com", "https://billing.stripe.com"]
        response._csp_update = {**getattr(response, "_csp_update", {}), "form-action": origins}
    return response


def _call(operation, *args, **kwargs):
    try:
        return operation(*args, **kwargs).to_dict()
    except stripe.StripeError as error:
        logger.warning("Stripe refused %s: %s", getattr(operation, "__name__", operation), error)
        raise ProviderError(str(error)) from error


def publish_plans(plans):
    """Create at Stripe the plans it does not know yet, under our plans' codes; returns the codes created."""
    stripe_client, created = client(), []
    for plan in plans:
        try:
            stripe_client.v1.plans.retrieve(plan.slug)
            continue
        except stripe.InvalidRequestError:
            pass
        _call(stripe_client.v1.plans.create, params={
            "id": plan.slug, "amount": int(plan.price * 100), "currency": "eur",
            "interval": "year" if plan.billing_period == plan.Period.YEAR else "month", "product": {"name": plan.name},
        })
        created.append(plan.slug)
    return created


def customer_for(reader, billing):
    """The reader's Stripe customer: the one of an earlier order, else a new one."""
    known = (
        Order.objects.filter(reader=reader).exclude(provider_customer_id="").values_list("provider_customer_id", flat=True).first()
    )
    if known:
        return known
    customer = _call(
        client().v1.customers.create,
        params={"email": reader.email, "name": billing["name"], "metadata": {"reader": str(reader.pk)}},
    )
    return customer["id"]


def begin_setup(customer_id, method, success_url, cancel_url):
    """A hosted Checkout page (setup mode) where the reader enters card or IBAN; returns its address."""
    session = _call(
        client().v1.checkout.sessions.create,
        params={
            "mode": "setup", "customer": customer_id, "payment_method_types": [method], "currency": "eur",
            "success_url": success_url + "?session_id={CHECKOUT_SESSION_ID}", "cancel_url": cancel_url, "locale": "de",
        },
    )
    return session["url"]


def finish_setup(session_id, customer_id, method_type):
    """The payment method entered on Checkout, as ``(id, what the reader sees of it)``, or None if it was not completed.

    Only a completed setup session of this reader's customer, for the method
    they chose, counts. Raises ProviderError when Stripe cannot answer.
    """
    if len(session_id) > 200 or not session_id.isascii() or not all(ch.isalnum() or ch == "_" for ch in session_id):
        return None
    try:
        session = _call(client().v1.checkout.sessions.retrieve, session_id, params={"expand": ["setup_intent.payment_method"]})
    except ProviderError as error:
        if isinstance(error.__cause__, stripe.InvalidRequestError):
            return None  # no such session
        raise
    intent = session.get("setup_intent") or {}
    method = intent.get("payment_method") if isinstance(intent, dict) else None
    if (
        session.get("customer") != customer_id or session.get("status") != "complete" or session.get("mode") != "setup"
        or not isinstance(method, dict) or method.get("type") != method_type
    ):
        return None
    return method["id"], describe(method)


def describe(method):
    if method.get("type") == "sepa_debit":
        return f"IBAN •••• {method['sepa_debit']['last4']}"
    card = method.get("card") or {}
    return f"{str(card.get('brand', '')).title()} •••• {card.get('last4', '')}".strip()


def start(order, payment_method_id):
    """Create the Stripe subscription for a placed order; repeated with the same payment method, Stripe answers
    with the subscription it made (the request is keyed by order and method), so a lost answer charges nothing twice.

    The Stripe plan must cost what the reader confirmed. A first payment that
    Stripe cannot collect (status ``incomplete``) cancels the subscription and
    raises PaymentDeclined, so the reader chooses another way to pay.
    """
    stripe_client = client()
    _check_plan(stripe_client, order)
    _call(
        stripe_client.v1.customers.update, order.provider_customer_id,
        params={"invoice_settings": {"default_payment_method": payment_method_id}},
    )
    remote = _call(
        stripe_client.v1.subscriptions.create,
        params={
            "customer": order.provider_customer_id, "items": [{"plan": order.plan.slug}],
            "metadata": {"order": str(order.pk)},
        },
        options={"idempotency_key": f"order-{order.pk}-{payment_method_id}"},
    )
    order.provider_subscription_id = remote["id"]
    order.save(update_fields=["provider_subscription_id"])
    if remote.get("status") == "incomplete":
        _call(stripe_client.v1.subscriptions.cancel, remote["id"])
        raise PaymentDeclined(f"first payment of subscription {remote['id']} not collected")
    return remote


def adopt_lost_start(order):
    """Whether Stripe holds a running subscription for ``order`` that we never heard of (its answer was lost).

    It becomes the order's subscription; the reader is not charged a second time.
    """
    if order.payment_method == "invoice" or not order.provider_customer_id or not is_configured():
        return False
    found = _call(client().v1.subscriptions.list, params={"customer": order.provider_customer_id, "status": "all"})
    for remote in found.get("data", []):
        ours = str((remote.get("metadata") or {}).get("order", "")) == str(order.pk)
        if ours and remote.get("status") not in {"canceled", "incomplete", "incomplete_expired"}:
            order.provider_subscription_id = remote["id"]
            order.save(update_fields=["provider_subscription_id"])
            return True
    return False


def _check_plan(stripe_client, order):
    """Refuse to bill a price other than the one on the summary page (Stripe plans keep their price)."""
    remote = _call(stripe_client.v1.plans.retrieve, order.plan.slug)
    interval = "year" if order.billing_period == order.plan.Period.YEAR else "month"
    if remote.get("amount") != int(order.price * 100) or remote.get("interval") != interval or remote.get("currency") != "eur":
        logger.error(
            "Stripe plan %s costs %s %s per %s, the site says %s € per %s: give the plan a new code and run stripe_plans",
            order.plan.slug, remote.get("amount"), remote.get("currency"), remote.get("interval"), order.price, interval,
        )
        raise ProviderError(f"Stripe plan {order.plan.slug} differs from the site's plan")


def _timestamp(value):
    return datetime.fromtimestamp(int(value), tz=UTC)


def _period(remote):
    """The term Stripe bills now, as (start, end): on the subscription, or on its item in newer API versions."""
    items = (remote.get("items") or {}).get("data") or [{}]
    start = remote.get("current_period_start") or items[0].get("current_period_start")
    end = remote.get("current_period_end") or items[0].get("current_period_end")
    return _timestamp(start), _timestamp(end)


class MalformedEvent(ValueError):
    """A correctly signed body that is no Stripe event we can read."""


def _subscription_id(obj):
    """The subscription an event's object belongs to: a subscription, an invoice (old and new API shape) or a Checkout session."""
    if obj.get("object") == "subscription":
        return obj.get("id")
    if obj.get("subscription") is not None:
        return obj["subscription"]
    parent = obj.get("parent")
    details = parent.get("subscription_details") if isinstance(parent, dict) else None
    return details.get("subscription") if isinstance(details, dict) else None


def handle_event(payload, signature):
    """Verify one webhook delivery and bring the subscription it is about up to date; returns the event id."""
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError:
        raise MalformedEvent("not UTF-8")
    stripe.WebhookSignature.verify_header(text, signature, settings.STRIPE_WEBHOOK_SECRET, tolerance=WEBHOOK_TOLERANCE)
    try:
        event = json.loads(text)
        kind, obj = event["type"], event["data"]["object"]
    except (ValueError, TypeError, KeyError, RecursionError):
        raise MalformedEvent("not a Stripe event")
    if not isinstance(obj, dict) or not isinstance(kind, str):
        raise MalformedEvent("not a Stripe event")
    if kind in SUBSCRIPTION_EVENTS:
        subscription_id = _subscription_id(obj)
        if isinstance(subscription_id, str) and SUBSCRIPTION_ID.fullmatch(subscription_id):
            sync(subscription_id)
    return str(event.get("id", ""))[:100]


def sync(subscription_id):
    """Make our subscription what Stripe's is now; returns it, or None when Stripe's is no order of ours.

    The order is locked before Stripe's state is read that is applied, so two
    events handled at once apply the newest state last.
    """
    remote = _remote_subscription(subscription_id)
    if remote is None:
        return None
    with transaction.atomic():
        order = _order_for(remote)
        if order is None:
            return None
        local = _apply(order, _remote_subscription(subscription_id) or remote)
    if order.withdrawn_at is not None and not order.refund_id:
        try:  # a SEPA debit still on its way at the withdrawal, collected since
            refund_rest(order)
        except ProviderError:
            logger.exception("Order %s: the refund for the withdrawal failed; it is tried again with Stripe's next event", order.pk)
    return local


def _remote_subscription(subscription_id):
    try:
        return _call(client().v1.subscriptions.retrieve, subscription_id)
    except ProviderError:
        if Order.objects.filter(provider_subscription_id=subscription_id).exists():
            raise  # ours, but Stripe cannot answer now: fail, so that Stripe delivers the event again
        return None


def _order_for(remote):
    """The order (locked) behind Stripe's subscription: by its id, or by the order number it carries."""
    orders = Order.objects.select_for_update(of=("self",)).select_related("subscription", "plan", "reader")
    order_pk = str((remote.get("metadata") or {}).get("order", ""))
    mine = Q(provider_subscription_id=remote["id"])
    if order_pk.isdigit():
        mine |= Q(pk=int(order_pk), provider_subscription_id="")
    order = orders.filter(mine).first()
    if order is not None and not order.provider_subscription_id:
        order.provider_subscription_id = remote["id"]
        order.save(update_fields=["provider_subscription_id"])
    return order


def _apply(order, remote):
    status, local = remote.get("status"), order.subscription
    reason = _("Stripe: subscription %(status)s") % {"status": status}
    if local is not None and local.cancelled_at is not None:
        return local  # ended for good (withdrawal, staff, Stripe's cancellation): later news does not bring it back
    if status not in COLLECTING:
        if local is not None and status in {"canceled", "incomplete_expired"}:
            subscription_services.cancel(local, by=None, reason=reason)
        elif local is not None and status == "unpaid" and local.ends_at > timezone.now():
            # Stripe gave up collecting but keeps the subscription: access pauses until it is paid after all.
            local = subscription_services.set_end(local, max(timezone.now(), local.starts_at + timedelta(seconds=1)), by=None, reason=reason)
        return local
    now = timezone.now()
    if status == "past_due":
        failed_at = local.payment_failed_at if local is not None and local.payment_failed_at else now
        ends_at = failed_at + timedelta(days=settings.PAYMENT_GRACE_DAYS)
    else:
        failed_at, ends_at = None, _period(remote)[1]
    if local is None:
        local = subscription_services.grant(
            order.reader, order.plan, by=None, reason=reason, starts_at=min(now, _timestamp(remote["start_date"])),
            ends_at=ends_at, source=Subscription.Source.ORDER, external_id=remote["id"],
        )
        order.subscription = local
        order.save(update_fields=["subscription"])
    elif ends_at > local.ends_at:
        local = subscription_services.extend(local, by=None, reason=reason, until=ends_at)
    elif ends_at < local.ends_at:
        local = subscription_services.set_end(local, ends_at, by=None, reason=reason)
    if local.payment_failed_at != failed_at:
        local = subscription_services.set_payment_failure(local, failed_at, by=None, reason=reason)
    if (remote.get("cancel_at_period_end") or remote.get("cancel_at")) and local.terminated_at is None:
        local = subscription_services.terminate(local, by=None, reason=reason)
    return local


def cancel_at(order, effective_at):
    """A termination carried out at Stripe: at the end of the term, or on the day asked for."""
    if not order.provider_subscription_id:
        return
    if effective_at <= timezone.now() + timedelta(minutes=1):
        _call(client().v1.subscriptions.cancel, order.provider_subscription_id)
        return
    params = {"cancel_at_period_end": True}
    if order.subscription is not None and effective_at < order.subscription.ends_at - timedelta(minutes=1):
        params = {"cancel_at": int(effective_at.timestamp())}
    _call(client().v1.subscriptions.update, order.provider_subscription_id, params=params)


def refund_rest(order):
    """End Stripe's subscription now and refund the part of the last payment after ``order.withdrawn_at`` (§ 357a Abs. 2 BGB).

    A payment not collected yet (a SEPA debit takes days) is refunded when
    Stripe reports it paid: ``sync`` calls this again while ``refund_id`` is
    empty. Returns the refund, or None.
    """
    if not order.provider_subscription_id:
        return None
    stripe_client = client()
    remote = _call(stripe_client.v1.subscriptions.retrieve, order.provider_subscription_id, params={"expand": ["latest_invoice"]})
    if remote.get("status") not in {"canceled", "incomplete_expired"}:
        _call(stripe_client.v1.subscriptions.cancel, order.provider_subscription_id)
    invoice = remote.get("latest_invoice") or {}
    payment_intent = _payment_intent(stripe_client, invoice)
    if not payment_intent or not invoice.get("amount_paid"):
        logger.warning("Order %s withdrawn: nothing collected yet to refund; refunded once Stripe reports it paid", order.pk)
        return None
    if earlier := _call(stripe_client.v1.refunds.list, params={"payment_intent": payment_intent}).get("data"):
        Order.objects.filter(pk=order.pk).update(refund_id=earlier[0]["id"])  # refunded already, by us or by staff
        order.refund_id = earlier[0]["id"]
        return earlier[0]
    amount = unused_share(invoice["amount_paid"], *_period(remote), order.withdrawn_at)
    if amount <= 0:
        return None
    refund = _call(
        stripe_client.v1.refunds.create, params={"payment_intent": payment_intent, "amount": amount},
        options={"idempotency_key": f"withdrawal-{order.pk}"},
    )
    order.refund_id = refund["id"]
    Order.objects.filter(pk=order.pk).update(refund_id=refund["id"])
    return refund


def _payment_intent(stripe_client, invoice):
    """The payment behind a paid invoice: on the invoice (API before 2025-03), else among its invoice payments."""
    if isinstance(invoice.get("payment_intent"), str):
        return invoice["payment_intent"]
    if not invoice.get("id"):
        return None
    payments = _call(stripe_client.v1.invoice_payments.list, params={"invoice": invoice["id"], "status": "paid"})
    for payment in payments.get("data", []):
        if intent := (payment.get("payment") or {}).get("payment_intent"):
            return intent
    return None


def unused_share(amount, start, end, at):
    """The part of ``amount`` (in cents) for the time from ``at`` to ``end``, rounded down to the cent."""
    total = (end - start).total_seconds()
    if total <= 0:
        return 0
    unused = min(max((end - at).total_seconds(), 0), total)
    return int((Decimal(amount) * Decimal(unused) / Decimal(total)).to_integral_value(rounding=ROUND_DOWN))


def portal_url(order, return_url):
    """Stripe's customer portal, where the reader changes the payment method and sees Stripe's invoices."""
    session = _call(
        client().v1.billing_portal.sessions.create,
        params={"customer": order.provider_customer_id, "return_url": return_url, "locale": "de"},
    )
    return session["url"]

