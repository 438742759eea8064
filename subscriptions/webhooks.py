"""Events from the external subscription or payment system.

The sender signs ``"<timestamp>.<raw body>"`` with HMAC-SHA256 and the shared
secret and sends ``X-Newsroom-Timestamp`` and ``X-Newsroom-Signature``
(hex digest). Events are JSON objects: ``{"id", "type", "data": {"email",
"plan", "subscription_id", "starts_at", "ends_at"}}`` with the types
``subscription.created``, ``subscription.renewed`` and ``subscription.cancelled``.
"""

import hashlib
import hmac
import json
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from . import services
from .models import Plan, Subscription, WebhookEvent


class WebhookError(Exception):
    """A request the webhook refuses; ``status`` is the HTTP status to answer with."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


def sign(secret, timestamp, body):
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def verify(headers, body, now=None):
    secret = settings.SUBSCRIPTION_WEBHOOK_SECRET
    if not secret:
        raise WebhookError("webhook disabled", status=404)
    timestamp = headers.get("X-Newsroom-Timestamp", "")
    signature = headers.get("X-Newsroom-Signature", "")
    if not timestamp.isdigit() or not signature or not signature.isascii():
        raise WebhookError("missing signature", status=401)
    if not hmac.compare_digest(sign(secret, timestamp, body), signature):
        raise WebhookError("bad signature", status=401)
    if abs((now or time.time()) - int(timestamp)) > settings.SUBSCRIPTION_WEBHOOK_TOLERANCE:
        raise WebhookError("stale timestamp", status=401)


MAX_ID_LENGTH = 100  # WebhookEvent.event_id and Subscription.external_id


def _refuse_constant(name):
    raise ValueError(f"{name} is not JSON the database keeps")


def _identifier(value):
    """An id as the database can keep it: a short string of printable characters."""
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise WebhookError("malformed event")
    text = str(value)
    if not text or len(text) > MAX_ID_LENGTH or not text.isprintable():
        raise WebhookError("malformed event")
    return text


def parse(body):
    """The event's parts, or a WebhookError (400) for anything the database or the handlers could choke on."""
    try:
        text = body.decode("utf-8")
        if "\x00" in text or "\\u0000" in text:  # PostgreSQL keeps no NUL, neither in text nor in JSON
            raise ValueError("NUL")
        event = json.loads(text, parse_constant=_refuse_constant)
        json.dumps(event, ensure_ascii=False).encode("utf-8")  # no lone surrogates (\ud800): the database could not keep them
        data = event["data"]
    except (ValueError, TypeError, KeyError, RecursionError, UnicodeEncodeError):
        raise WebhookError("malformed event")
    if not isinstance(data, dict):
        raise WebhookError("malformed event")
    event_id, kind, external_id = _identifier(event.get("id")), event.get("type"), _identifier(data.get("subscription_id"))
    if kind not in HANDLERS:
        raise WebhookError("malformed event")
    return event, event_id, kind, data, external_id


def _date(data, key):
    try:
        value = parse_datetime(str(data.get(key, "")))
    except ValueError:  # well formed but impossible, e.g. 2026-02-30
        value = None
    if value is None:
        raise WebhookError(f"bad {key}")
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def _created(data, external_id, reason):
    email = str(data.get("email", "")).strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise WebhookError("bad email")
    if len(email) > 150:  # the reader's username is their address
        raise WebhookError("bad email")
    plan = Plan.objects.filter(slug=str(data.get("plan", ""))[:100]).first()
    if plan is None:
        raise WebhookError("unknown plan", status=422)
    starts_at, ends_at = _date(data, "starts_at"), _date(data, "ends_at")
    if ends_at <= starts_at:
        raise WebhookError("end before start")
    services.grant(
        services.reader_for_email(email), plan, starts_at=starts_at, ends_at=ends_at,
        source=Subscription.Source.WEBHOOK, external_id=external_id, by=None, reason=reason,
    )


def _subscription(external_id):
    subscription = Subscription.objects.filter(external_id=external_id).first()
    if subscription is None:
        raise WebhookError("unknown subscription", status=422)
    return subscription


def _renewed(data, external_id, reason):
    ends_at = _date(data, "ends_at")
    subscription = _subscription(external_id)
    if ends_at <= subscription.starts_at:
        raise WebhookError("end before start")
    services.extend(subscription, until=ends_at, by=None, reason=reason)


def _cancelled(data, external_id, reason):
    services.cancel(_subscription(external_id), by=None, reason=reason)


HANDLERS = {"subscription.created": _created, "subscription.renewed": _renewed, "subscription.cancelled": _cancelled}


def handle(headers, body):
    """Verify and apply one event; returns False for an event already processed."""
    verify(headers, body)
    event, event_id, kind, data, external_id = parse(body)
    try:
        with transaction.atomic():
            WebhookEvent.objects.create(event_id=event_id, kind=kind, payload=event)
            HANDLERS[kind](data, external_id, _("payment system, event %(id)s (%(kind)s)") % {"id": event_id, "kind": kind})
    except IntegrityError:
        if WebhookEvent.objects.filter(event_id=event_id).exists():
            return False
        raise WebhookError("conflicting subscription")
    return True
