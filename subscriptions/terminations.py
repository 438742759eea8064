"""Terminations declared with "Verträge hier kündigen" (§ 312k BGB): kept, matched, executed, confirmed.

The declaration is stored as it was made before anything else happens, so a
failing match or mail server loses nothing. It is matched by the customer
account's e-mail address (and, among several contracts, by the contract or
customer number given); a match is executed at once through
``services.terminate``. The confirmation e-mail, with the declaration's content
and time, goes out after the commit; what cannot be matched waits for staff.
"""

import logging
from datetime import datetime, time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .models import Subscription, Termination

logger = logging.getLogger(__name__)
SALT = "subscriptions.termination"
# How long the link to a confirmation page works; the e-mail keeps the content for good.
CONFIRMATION_PAGE_DAYS = 90


@transaction.atomic
def declare(termination):
    """Store a new declaration, match and execute it, and send its confirmation once it is committed."""
    termination.declared_at = timezone.now()
    termination.save()
    subscription = match(termination)
    if subscription is not None:
        termination.subscription = subscription
        termination.effective_at = services.terminate(
            subscription, by=None, reason=_("Terminated online (%(kind)s)") % {"kind": termination.get_kind_display()},
            at=effective_date(termination, subscription),
        )
        termination.save(update_fields=["subscription", "effective_at"])
    transaction.on_commit(lambda: confirm(termination))
    return termination


def match(termination):
    """The one running subscription the declaration means, or None when that is not clear."""
    readers = get_user_model().objects.filter(email__iexact=termination.account_email.strip())
    running = list(
        Subscription.objects.filter(reader__in=readers, cancelled_at__isnull=True, ends_at__gt=timezone.now())
        .select_related("plan").order_by("ends_at")
    )
    wanted = termination.customer_number.strip().lower()
    if wanted:
        named = [s for s in running if wanted in {str(s.pk), s.external_id.lower(), s.contract_number.lower()}]
        if named:
            running = named
    if len(running) > 1:
        named = [s for s in running if s.plan.name.lower() in termination.contract.lower()]
        running = named or running
    return running[0] if len(running) == 1 else None


def effective_date(termination, subscription):
    """An ordinary termination ends the current term; an extraordinary one takes effect on the day asked, or now."""
    if termination.kind == Termination.Kind.ORDINARY:
        return None
    if termination.requested_date is None:
        return timezone.now()
    return max(timezone.now(), timezone.make_aware(datetime.combine(termination.requested_date, time.min)))


def token(termination):
    return signing.dumps(termination.pk, salt=SALT)


def from_token(value):
    """The termination behind a confirmation link, or None for a wrong or expired one."""
    try:
        pk = signing.loads(value, salt=SALT, max_age=CONFIRMATION_PAGE_DAYS * 24 * 3600)
    except signing.BadSignature:
        return None
    return Termination.objects.select_related("subscription__plan").filter(pk=pk).first()


def confirm(termination):
    """The confirmation on a durable medium: an e-mail with the declaration's content and time."""
    context = {"termination": termination, "site_name": settings.SITE_NAME}
    try:
        send_mail(
            render_to_string("subscriptions/email/termination_subject.txt", context).strip(),
            render_to_string("subscriptions/email/termination_body.txt", context),
            None,
            [termination.confirmation_email],
        )
    except OSError:
        logger.exception("Termination %s: the confirmation e-mail could not be sent", termination.pk)
