"""Terminations (§ 312k BGB) and withdrawals (§ 356a BGB) declared without a login: kept, matched, executed, confirmed.

A declaration is stored as it was made before anything else happens, so a
failing match or mail server loses nothing. It is matched by the customer
account's e-mail address (and, among several contracts, by the contract or
customer number given); a match is executed at once through
``subscriptions.services``. The confirmation e-mail, with the declaration's
content and time, goes out after the commit; what cannot be matched waits for
staff in the admin.
"""

import logging
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services, signals
from .models import Subscription, Termination, Withdrawal

logger = logging.getLogger(__name__)
# How long the link to a confirmation page works; the e-mail keeps the content for good.
CONFIRMATION_PAGE_DAYS = 90
# The statutory withdrawal period of a contract concluded online (§ 355 Abs. 2 BGB).
WITHDRAWAL_DAYS = 14


@transaction.atomic
def declare_termination(termination):
    """Store a termination, match it and end the contract as asked: ordinary at the end of the term, else on the day."""
    subscription = _store_and_match(termination)
    if subscription is not None:
        termination.effective_at = services.terminate(
            subscription, by=None, reason=_("Terminated online (%(kind)s)") % {"kind": termination.get_kind_display()},
            at=_termination_date(termination),
        )
        termination.save(update_fields=["subscription", "effective_at"])
        transaction.on_commit(
            lambda: signals.terminated.send(Termination, subscription=subscription, effective_at=termination.effective_at)
        )
    transaction.on_commit(lambda: confirm(termination))
    return termination


@transaction.atomic
def declare_withdrawal(withdrawal):
    """Store a withdrawal, match it and, within the withdrawal period, end the contract now and have it refunded."""
    subscription = _store_and_match(withdrawal)
    if subscription is not None:
        withdrawal.in_time = can_withdraw(subscription, at=withdrawal.declared_at)
        if withdrawal.in_time:
            services.cancel(subscription, by=None, reason=_("Withdrawn online"))
            withdrawal.effective_at = withdrawal.declared_at
            transaction.on_commit(
                lambda: signals.withdrawn.send(Withdrawal, subscription=subscription, at=withdrawal.effective_at)
            )
        withdrawal.save(update_fields=["subscription", "in_time", "effective_at"])
    transaction.on_commit(lambda: confirm(withdrawal))
    return withdrawal


def can_withdraw(subscription, at=None):
    """Whether the withdrawal period of ``subscription`` still runs (it starts when the contract starts)."""
    return (at or timezone.now()) <= withdrawal_deadline(subscription)


def withdrawal_deadline(subscription):
    return subscription.starts_at + timedelta(days=WITHDRAWAL_DAYS)


def _store_and_match(declaration):
    declaration.declared_at = timezone.now()
    declaration.save()
    declaration.subscription = match(declaration)
    return declaration.subscription


def match(declaration):
    """The one running subscription the declaration means, or None when that is not clear."""
    readers = get_user_model().objects.filter(email__iexact=declaration.account_email.strip())
    running = list(
        Subscription.objects.filter(reader__in=readers, cancelled_at__isnull=True, ends_at__gt=timezone.now())
        .select_related("plan").order_by("ends_at")
    )
    wanted = declaration.customer_number.strip().lower()
    if wanted:
        named = [s for s in running if wanted in {str(s.pk), s.external_id.lower(), s.contract_number.lower()}]
        if named:
            running = named
    if len(running) > 1:
        named = [s for s in running if s.plan.name.lower() in declaration.contract.lower()]
        running = named or running
    if len(running) != 1 or not _same_person(declaration.name, running[0]):
        return None
    return running[0]


def _same_person(name, subscription):
    """Whether ``name`` is the customer's, where we know it (from the order or the account); a stranger who only
    knows the e-mail address does not end someone else's contract: staff look at it instead."""
    order = getattr(subscription, "order", None)  # orders.Order, a floor above: reached through the relation only
    known = {
        " ".join(candidate.casefold().split())
        for candidate in (getattr(order, "name", ""), subscription.reader.get_full_name())
        if candidate and candidate.strip()
    }
    return not known or " ".join(name.casefold().split()) in known


def _termination_date(termination):
    """An ordinary termination ends the current term (None); an extraordinary one takes effect on the day asked, or now."""
    if termination.kind == Termination.Kind.ORDINARY:
        return None
    if termination.requested_date is None:
        return timezone.now()
    return max(timezone.now(), timezone.make_aware(datetime.combine(termination.requested_date, time.min)))


def _salt(model):
    return f"subscriptions.{model._meta.model_name}"


def token(declaration):
    return signing.dumps(declaration.pk, salt=_salt(type(declaration)))


def from_token(model, value):
    """The declaration behind a confirmation link, or None for a wrong or expired one."""
    try:
        pk = signing.loads(value, salt=_salt(model), max_age=CONFIRMATION_PAGE_DAYS * 24 * 3600)
    except signing.BadSignature:
        return None
    return model.objects.select_related("subscription__plan").filter(pk=pk).first()


def confirm(declaration):
    """The confirmation on a durable medium: an e-mail with the declaration's content and time."""
    name = declaration._meta.model_name
    context = {"declaration": declaration, "site_name": settings.SITE_NAME}
    recipients = [declaration.confirmation_email]
    if declaration.subscription is not None and declaration.subscription.reader.email.lower() != declaration.confirmation_email.lower():
        recipients.append(declaration.subscription.reader.email)  # the customer hears of it, whoever declared it
    try:
        send_mail(
            render_to_string(f"subscriptions/email/{name}_subject.txt", context).strip(),
            render_to_string(f"subscriptions/email/{name}_body.txt", context),
            None,
            recipients,
        )
    except OSError:
        logger.exception("%s %s: the confirmation e-mail could not be sent", name, declaration.pk)

