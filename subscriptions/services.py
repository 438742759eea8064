"""Every write to subscriptions and licence seats.

The admin, the CSV importer, the payment webhook and the demo content call
these and nothing else writes a Subscription. Each is atomic and leaves a
history row saying who (``by``, a user or None for the payment system) and
why (``reason``).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Licence, Subscription


def reader_for_email(email):
    """The reader account for ``email``, created inactive and without a password when it is new."""
    email = email.strip().lower()
    user, _created = get_user_model().objects.get_or_create(
        username=email, defaults={"email": email, "is_active": False, "password": make_password(None)}
    )
    return user


REASON_LENGTH = 100  # simple-history's history_change_reason column


def _save(subscription, *, by, reason):
    subscription._history_user = by
    subscription._change_reason = str(reason)[:REASON_LENGTH]
    subscription.save()
    return subscription


@transaction.atomic
def grant(reader, plan, *, by, reason, starts_at=None, ends_at=None, source=Subscription.Source.ADMIN, external_id=""):
    """A new subscription, by default from now for one billing period of ``plan``.

    A subscription with the same ``external_id`` is updated instead, so a
    payment system that sends an event twice never creates two.
    """
    starts_at = starts_at or timezone.now()
    subscription = None
    if external_id:
        subscription = Subscription.objects.select_for_update().filter(external_id=external_id).first()
    subscription = subscription or Subscription(external_id=external_id)
    subscription.reader, subscription.plan, subscription.source = reader, plan, source
    subscription.starts_at = starts_at
    subscription.ends_at = ends_at or plan.term_end(starts_at)
    subscription.cancelled_at = None
    return _save(subscription, by=by, reason=reason)


@transaction.atomic
def extend(subscription, *, by, reason, until=None):
    """Renew: run ``subscription`` until ``until``, by default one more billing period; a cancellation is lifted."""
    subscription = Subscription.objects.select_for_update().select_related("plan").get(pk=subscription.pk)
    subscription.ends_at = until or subscription.plan.term_end(max(subscription.ends_at, timezone.now()))
    subscription.cancelled_at = None
    return _save(subscription, by=by, reason=reason)


@transaction.atomic
def set_end(subscription, ends_at, *, by, reason):
    """Move the end of ``subscription`` (a correction or an imported date); a cancellation stays."""
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if ends_at <= subscription.starts_at:
        raise ValidationError(_("The end must lie after the start."), code="ends_before_start")
    subscription.ends_at = ends_at
    return _save(subscription, by=by, reason=reason)


@transaction.atomic
def set_payment_failure(subscription, failed_at, *, by, reason):
    """Note when the payment provider first could not collect, or clear it (None) once it did."""
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.payment_failed_at != failed_at:
        subscription.payment_failed_at = failed_at
        _save(subscription, by=by, reason=reason)
    return subscription


@transaction.atomic
def cancel(subscription, *, by, reason):
    """End access now; a subscription already cancelled stays as it was."""
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.cancelled_at is None:
        subscription.cancelled_at = timezone.now()
        _save(subscription, by=by, reason=reason)
    return subscription


@transaction.atomic
def terminate(subscription, *, by, reason, at=None):
    """A termination by the reader: as of ``at`` (by default the end of the term), after which it is not renewed.

    Returns when it takes effect. A term running longer than the termination
    ends at the termination; an earlier one keeps its end.
    """
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    subscription.terminated_at = subscription.terminated_at or timezone.now()
    if at is not None and at < subscription.ends_at:
        subscription.ends_at = max(at, subscription.starts_at + timedelta(seconds=1))
    _save(subscription, by=by, reason=reason)
    return subscription.ends_at


def claim_seat(licence, user):
    """A seat for ``user`` on ``licence``, if they have one or one is free; seats are counted under a lock."""
    with transaction.atomic():
        locked = Licence.objects.select_for_update().get(pk=licence.pk)
        if locked.seats.filter(pk=user.pk).exists():
            return True
        if locked.seats.count() >= locked.seat_limit:
            return False
        locked.seats.add(user)
    return True


@transaction.atomic
def release_seats(licence):
    """Free the seats the licence no longer covers: all of them once it has ended, else those outside its domains."""
    locked = Licence.objects.select_for_update().get(pk=licence.pk)
    holders = list(locked.seats.all())
    if Licence.objects.valid().filter(pk=locked.pk).exists():
        holders = [user for user in holders if user.email.rsplit("@", 1)[-1].lower() not in locked.domains]
    locked.seats.remove(*holders)
    return len(holders)


@transaction.atomic
def anonymise_reader(user):
    """Erase a reader's personal data (DSGVO Art. 17) and keep their subscriptions, as accounting must."""
    user.username = f"geloescht-{user.pk}"
    user.email = user.first_name = user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    user.licences.clear()
    return user
