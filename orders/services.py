"""Orders: placing one with its provider, and the invoice run for those paid by invoice."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from subscriptions import services as subscription_services

from . import providers, stripe_billing
from .models import Invoice, Order, PaymentMethod

logger = logging.getLogger(__name__)
# A subscription paid by invoice is renewed, with its next invoice, this many days before its term ends.
RENEWAL_DAYS_AHEAD = 7
# Days after the due date before access lapses for an unpaid invoice (a reminder goes out on the first).
LAPSE_DAYS_AFTER_DUE = 14


def place(reader, plan, billing, method, *, consented_at, checkout_key, payment=None):
    """The order as the reader confirmed it, handed to the provider that collects for ``method``.

    ``checkout_key`` names one pass through the order flow: pressing the
    button again (or twice at once) returns the order already placed. An
    order its provider has not started yet (Stripe failed or declined) takes
    what the reader confirmed this time, unless Stripe did start it and only
    its answer was lost: then that subscription stands and nothing more is
    charged. ``payment`` is what Stripe's Checkout gave: ``customer``,
    ``method_id`` and ``details``. Raises ``ProviderError`` when the provider
    cannot be reached; the next press tries again. The contract goes out by
    e-mail once, when the order has started.
    """
    if method not in providers.available_methods():
        raise ValidationError(_("This payment method is not available."), code="unavailable_method")
    payment = payment or {}
    confirmed = {
        "plan": plan, "price": plan.price, "billing_period": plan.billing_period, "payment_method": method,
        "early_start_consent_at": consented_at, "payment_details": payment.get("details", ""),
        "provider_customer_id": payment.get("customer", ""), **billing,
    }
    try:
        order, _created = Order.objects.get_or_create(checkout_key=checkout_key, reader=reader, defaults=confirmed)
    except IntegrityError:  # the same key placed by a request running at the same time
        order = Order.objects.get(checkout_key=checkout_key, reader=reader)
    with transaction.atomic():  # one start per order, however often and at once the button is pressed
        order = Order.objects.select_for_update().select_related("plan", "reader").get(pk=order.pk)
        if not order.has_started and not stripe_billing.adopt_lost_start(order):
            for field, value in confirmed.items():
                setattr(order, field, value)
            order.save()
            providers.for_method(order.payment_method).start(order, payment.get("method_id"))
        send_confirmation = order.has_started and order.confirmation_sent_at is None
        if send_confirmation:
            order.confirmation_sent_at = timezone.now()
            order.save(update_fields=["confirmation_sent_at"])
    if send_confirmation:
        confirm(order)
    return order


def confirm(order):
    """The contract on a durable medium: what was ordered, for how much, how long, and how to pay."""
    _mail("confirmation", order, order.invoices.first())


def _mail(template, order, invoice=None):
    """One of orders/email/<template>_{subject,body}.txt to the reader; a mail outage is logged, never raised."""
    context = {"order": order, "invoice": invoice, "site_name": settings.SITE_NAME}
    try:
        send_mail(
            render_to_string(f"orders/email/{template}_subject.txt", context).strip(),
            render_to_string(f"orders/email/{template}_body.txt", context),
            None,
            [order.reader.email],
        )
    except OSError:
        logger.exception("Order %s: the %s e-mail could not be sent", order.pk, template)


def renew_due(now=None):
    """Renew by one term each subscription paid by invoice that ends soon and was not terminated; bill the new term."""
    now = now or timezone.now()
    due = Order.objects.filter(
        payment_method=PaymentMethod.INVOICE, subscription__cancelled_at__isnull=True,
        subscription__terminated_at__isnull=True, subscription__ends_at__lte=now + timedelta(days=RENEWAL_DAYS_AHEAD),
        subscription__ends_at__gt=now,
    ).select_related("subscription", "plan", "reader")
    renewed = 0
    for order in due:
        with transaction.atomic():
            previous_end = order.subscription.ends_at
            subscription = subscription_services.extend(
                order.subscription, by=None, reason=_("Renewed (%(number)s)") % {"number": order.number},
            )
            invoice = Invoice.objects.create(
                order=order, amount=order.price, period_start=previous_end, period_end=subscription.ends_at,
                due_at=now + timedelta(days=providers.PAYMENT_TERM_DAYS),
            )
            transaction.on_commit(lambda invoice=invoice: _mail("renewal", invoice.order, invoice))
        renewed += 1
    return renewed


def remind_overdue(now=None):
    """One reminder for each invoice past its due date."""
    now = now or timezone.now()
    overdue = list(Invoice.objects.overdue(now).filter(reminded_at__isnull=True).select_related("order__reader"))
    for invoice in overdue:
        Invoice.objects.filter(pk=invoice.pk).update(reminded_at=now)
        _mail("reminder", invoice.order, invoice)
    return len(overdue)


def lapse_unpaid(now=None):
    """End access for subscriptions whose invoice is still unpaid ``LAPSE_DAYS_AFTER_DUE`` after its due date."""
    now = now or timezone.now()
    unpaid = Invoice.objects.overdue(now - timedelta(days=LAPSE_DAYS_AFTER_DUE)).filter(
        order__subscription__cancelled_at__isnull=True,
    ).select_related("order__subscription")
    lapsed = {invoice.order.subscription_id: invoice for invoice in unpaid}
    for invoice in lapsed.values():
        subscription_services.cancel(
            invoice.order.subscription, by=None, reason=_("Invoice %(number)s unpaid") % {"number": invoice.number},
        )
    return len(lapsed)


@transaction.atomic
def mark_paid(invoice, *, at=None):
    """Staff saw the money arrive."""
    Invoice.objects.filter(pk=invoice.pk, paid_at__isnull=True).update(paid_at=at or timezone.now())
