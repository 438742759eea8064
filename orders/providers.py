"""Who collects the money for an order: one interface, one provider per way of paying.

A provider starts collecting for a placed order, carries out a termination
and a withdrawal. ``Invoice`` bills by invoice from this site; ``Stripe``
charges card and SEPA direct debit and is off until its keys are set.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from subscriptions import services as subscription_services
from subscriptions.models import Subscription

from . import stripe_billing
from .models import Invoice, PaymentMethod

# Days an invoice gives to pay.
PAYMENT_TERM_DAYS = 14


class InvoiceProvider:
    """Payment by invoice: access starts at once, the invoice is due in ``PAYMENT_TERM_DAYS``."""

    methods = [PaymentMethod.INVOICE]

    def is_available(self):
        return True

    def start(self, order, payment_method_id=None):
        """Grant the subscription and bill its first term (``order`` is locked and not started)."""
        order.subscription = subscription_services.grant(
            order.reader, order.plan, by=None, reason=_("Ordered online (%(number)s)") % {"number": order.number},
            source=Subscription.Source.ORDER,
        )
        order.save(update_fields=["subscription"])
        Invoice.objects.create(
            order=order, amount=order.price, period_start=order.subscription.starts_at,
            period_end=order.subscription.ends_at,
            due_at=timezone.now() + timedelta(days=PAYMENT_TERM_DAYS),
        )

    def terminate(self, order, effective_at):
        """Nothing to tell anyone: the invoice run renews no terminated subscription."""

    def withdraw(self, order, at):
        """Open invoices are void; a paid one is refunded by staff, who see the withdrawal in the admin."""
        Invoice.objects.filter(order=order).open().update(cancelled_at=at)


class StripeProvider:
    """Card and SEPA direct debit, billed each term by a Stripe subscription."""

    methods = [PaymentMethod.CARD, PaymentMethod.SEPA_DEBIT]

    def is_available(self):
        return stripe_billing.is_configured()

    def start(self, order, payment_method_id=None):
        """Create the Stripe subscription; access starts when Stripe reports it by webhook."""
        stripe_billing.start(order, payment_method_id)

    def terminate(self, order, effective_at):
        stripe_billing.cancel_at(order, effective_at)

    def withdraw(self, order, at):
        stripe_billing.refund_rest(order)


PROVIDERS = [InvoiceProvider(), StripeProvider()]


def for_method(method):
    return next(provider for provider in PROVIDERS if method in provider.methods)


def available_methods():
    return [method for provider in PROVIDERS if provider.is_available() for method in provider.methods]
