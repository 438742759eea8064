"""Who may read what: the one entitlement rule of the paywall.

``entitlement(reader, article)`` is the only place that decides whether a
reader gets an article's full text; every output that carries body text asks
it. ``open_article`` is what the article page calls: the same decision, plus
counting a metered read.
"""

import ipaddress
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Access

from .models import Licence, MeteredRead


@dataclass
class Reader:
    """Everything about the person behind a request that access depends on."""

    user: object = None
    subscription: object = None
    licence: object = None
    is_editor: bool = False
    meter_used: int | None = field(default=None, repr=False)

    @property
    def is_registered(self):
        return self.user is not None

    @property
    def is_subscriber(self):
        return self.subscription is not None or self.licence is not None

    @property
    def meter_limit(self):
        return settings.METERED_ARTICLES_PER_MONTH

    def meter_left(self):
        if not self.is_registered or self.meter_limit <= 0:
            return 0
        if self.meter_used is None:
            self.meter_used = MeteredRead.objects.filter(reader=self.user, month=current_month()).count()
        return max(0, self.meter_limit - self.meter_used)


@dataclass(frozen=True)
class Entitlement:
    full: bool
    reason: str  # free, editor, registered, subscriber, already_read, meter, login, subscription
    meter_left: int = 0

    @property
    def via_meter(self):
        return self.reason == "meter"


def current_month():
    return timezone.localdate().replace(day=1)


def client_address(request):
    """The reader's IP address; forwarding headers count only when a trusted proxy sent them."""
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return None
    trusted = [ipaddress.ip_network(net, strict=False) for net in settings.TRUSTED_PROXIES]
    if not any(address in net for net in trusted if net.version == address.version):
        return address
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        try:
            hop_address = ipaddress.ip_address(hop.strip())
        except ValueError:
            return address
        if not any(hop_address in net for net in trusted if net.version == hop_address.version):
            return hop_address
    return address


def licence_for(user, address):
    """A valid institutional licence covering this network or this reader's e-mail domain."""
    licences = list(Licence.objects.valid())
    if address is not None:
        for licence in licences:
            if licence.covers_address(address):
                return licence
    if user is None or "@" not in (user.email or ""):
        return None
    domain = user.email.rsplit("@", 1)[1].lower()
    for licence in licences:
        if domain in licence.domains and claim_seat(licence, user):
            return licence
    return None


def claim_seat(licence, user):
    """A seat for ``user`` on ``licence``, if they have one or one is free; seats are counted under a lock."""
    if licence.seats.filter(pk=user.pk).exists():
        return True
    with transaction.atomic():
        locked = Licence.objects.select_for_update().get(pk=licence.pk)
        if locked.seats.count() >= locked.seat_limit:
            return False
        locked.seats.add(user)
    return True


def reader_for(request):
    """The Reader behind ``request``, worked out once per request."""
    if not hasattr(request, "_reader"):
        user = request.user if request.user.is_authenticated else None
        request._reader = Reader(
            user=user,
            subscription=user.subscriptions.active().select_related("plan").first() if user else None,
            licence=licence_for(user, client_address(request)),
            is_editor=bool(user and user.is_staff and user.has_perm("articles.change_article")),
        )
    return request._reader


def entitlement(reader, article):
    """Whether ``reader`` may read ``article`` in full, and why (not)."""
    access = article.effective_access
    if access == Access.FREE:
        return Entitlement(True, "free")
    if reader.is_editor:
        return Entitlement(True, "editor")
    if access == Access.REGISTERED:
        return Entitlement(True, "registered") if reader.is_registered else Entitlement(False, "login")
    if reader.is_subscriber:
        return Entitlement(True, "subscriber")
    if not reader.is_registered:
        return Entitlement(False, "login")
    if reader.meter_limit > 0:
        if MeteredRead.objects.filter(reader=reader.user, article=article, month=current_month()).exists():
            return Entitlement(True, "already_read", reader.meter_left())
        left = reader.meter_left()
        if left > 0:
            return Entitlement(True, "meter", left)
    return Entitlement(False, "subscription", reader.meter_left())


def open_article(reader, article):
    """The article page's decision: ``entitlement``, and a metered read counted once, even under concurrency."""
    decision = entitlement(reader, article)
    if not decision.via_meter:
        return decision
    month = current_month()
    with transaction.atomic():
        # One lock per reader serialises their concurrent requests, so the quota holds.
        get_user_model().objects.select_for_update().filter(pk=reader.user.pk).exists()
        used = MeteredRead.objects.filter(reader=reader.user, month=month).count()
        if MeteredRead.objects.filter(reader=reader.user, article=article, month=month).exists():
            return Entitlement(True, "already_read", max(0, reader.meter_limit - used))
        if used >= reader.meter_limit:
            return Entitlement(False, "subscription", 0)
        try:
            with transaction.atomic():
                MeteredRead.objects.create(reader=reader.user, article=article, month=month)
        except IntegrityError:
            return Entitlement(True, "already_read", max(0, reader.meter_limit - used))
    reader.meter_used = used + 1
    return Entitlement(True, "meter", reader.meter_limit - used - 1)
