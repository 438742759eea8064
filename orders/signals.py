"""Terminations and withdrawals declared on the site, carried out by the provider that collects for the order."""

import logging

from django.dispatch import receiver

from subscriptions import signals

from . import providers
from .models import Order
from .stripe_billing import ProviderError

logger = logging.getLogger(__name__)


def _order(subscription):
    return getattr(subscription, "order", None)


@receiver(signals.terminated)
def terminate_at_provider(sender, subscription, effective_at, **kwargs):
    if (order := _order(subscription)) is None:
        return
    try:
        providers.for_method(order.payment_method).terminate(order, effective_at)
    except ProviderError:
        logger.exception("Order %s: the provider did not take the termination; staff must end it there", order.pk)


@receiver(signals.withdrawn)
def refund_at_provider(sender, subscription, at, **kwargs):
    if (order := _order(subscription)) is None:
        return
    Order.objects.filter(pk=order.pk, withdrawn_at__isnull=True).update(withdrawn_at=at)
    order.withdrawn_at = order.withdrawn_at or at
    try:
        providers.for_method(order.payment_method).withdraw(order, at)
    except ProviderError:
        logger.exception(
            "Order %s: the provider did not take the withdrawal; it is tried again with Stripe's next event for the "
            "subscription. Check at Stripe that the subscription ended and the refund was made.", order.pk,
        )
