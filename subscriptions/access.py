"""Who may read what: the one entitlement rule of the paywall.

``entitlement(reader, article)`` is the only place that decides whether a
reader gets an article's full text; every output that carries body text asks
it, and it writes nothing. ``open_article`` is what the article page calls:
the same decision, plus the two writes a read may cause: taking a seat on an
institutional licence and counting a metered read.
"""

import ipaddress
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, models, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.freshness import cached_lookup
from articles.models import Access

from .models import Licence, MeteredRead
from .services import claim_seat


class Reason(models.TextChoices):
    """Why a reader gets an article's full text, or what they need to get it."""

    FREE = "free", _("free article")
    EDITOR = "editor", _("editorial staff")
    REGISTERED = "registered", _("registered reader")
    SUBSCRIBER = "subscriber", _("subscriber")
    LICENCE_SEAT = "licence_seat", _("free seat on the organisation's licence")
    ALREADY_READ = "already_read", _("already read this month through the meter")
    METER = "meter", _("free monthly quota")
    LOGIN = "login", _("needs to log in")
    SUBSCRIPTION = "subscription", _("needs a subscription")


@dataclass
class Reader:
    """Everything about the person behind a request that access depends on."""

    user: object = None
    subscription: object = None
    licence: object = None
    # A licence for the reader's e-mail domain with a seat free for them; taken on the first gated read.
    seat_offer: object = None
    is_editor: bool = False
    metered: set | None = field(default=None, repr=False)  # ids of the articles read on this month's meter

    @property
    def is_registered(self):
        return self.user is not None

    @property
    def is_subscriber(self):
        return self.subscription is not None or self.licence is not None

    @property
    def meter_limit(self):
        return settings.METERED_ARTICLES_PER_MONTH

    def metered_this_month(self):
        """The articles this reader opened on the meter this month, asked once per request."""
        if self.metered is None:
            self.metered = set(
                MeteredRead.objects.filter(reader=self.user, month=current_month()).values_list("article_id", flat=True)
            )
        return self.metered

    def meter_left(self):
        if not self.is_registered or self.meter_limit <= 0:
            return 0
        return max(0, self.meter_limit - len(self.metered_this_month()))


@dataclass(frozen=True)
class Entitlement:
    full: bool
    reason: Reason
    meter_left: int = 0

    @property
    def via_meter(self):
        """This read is being counted against the monthly quota now."""
        return self.reason == Reason.METER

    @property
    def from_meter(self):
        """The reader reads this article on their monthly quota (now or earlier this month)."""
        return self.reason in {Reason.METER, Reason.ALREADY_READ}

    @property
    def needs_login(self):
        return self.reason == Reason.LOGIN


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


def licences_for(user, address):
    """(licence the reader uses now, licence with a free seat for their e-mail domain); reads only."""
    now = timezone.now()
    coming = cached_lookup("licences", Licence.objects.current_and_coming, in_process=True)
    licences = [licence for licence in coming if licence.is_valid(now)]
    if address is not None:
        for licence in licences:
            if licence.covers_address(address):
                return licence, None
    if user is None or "@" not in (user.email or ""):
        return None, None
    domain = user.email.rsplit("@", 1)[1].lower()
    matching = [licence for licence in licences if domain in licence.domains]
    if not matching:
        return None, None
    held = set(user.licences.filter(pk__in=[licence.pk for licence in matching]).values_list("pk", flat=True))
    for licence in matching:
        if licence.pk in held:
            return licence, None
    offers = Licence.objects.filter(pk__in=[licence.pk for licence in matching]).annotate(used=Count("seats"))
    return None, next((licence for licence in offers if licence.used < licence.seat_limit), None)


def reader_for(request):
    """The Reader behind ``request``, worked out once per request."""
    if not hasattr(request, "_reader"):
        user = request.user if request.user.is_authenticated else None
        licence, seat_offer = licences_for(user, client_address(request))
        request._reader = Reader(
            user=user,
            subscription=user.subscriptions.active().select_related("plan").first() if user else None,
            licence=licence,
            seat_offer=seat_offer,
            is_editor=bool(user and user.is_staff and user.has_perm("articles.change_article")),
        )
    return request._reader


def entitlement(reader, article):
    """Whether ``reader`` may read ``article`` in full, and why (not). Writes nothing."""
    access = article.effective_access
    if access == Access.FREE:
        return Entitlement(True, Reason.FREE)
    if reader.is_editor:
        return Entitlement(True, Reason.EDITOR)
    if access == Access.REGISTERED:
        return Entitlement(True, Reason.REGISTERED) if reader.is_registered else Entitlement(False, Reason.LOGIN)
    if reader.is_subscriber:
        return Entitlement(True, Reason.SUBSCRIBER)
    if reader.seat_offer is not None:
        return Entitlement(True, Reason.LICENCE_SEAT)
    if not reader.is_registered:
        return Entitlement(False, Reason.LOGIN)
    if reader.meter_limit > 0:
        if article.pk in reader.metered_this_month():
            return Entitlement(True, Reason.ALREADY_READ, reader.meter_left())
        left = reader.meter_left()
        if left > 0:
            return Entitlement(True, Reason.METER, left)
    return Entitlement(False, Reason.SUBSCRIPTION, reader.meter_left())


def open_article(reader, article):
    """The article page's decision: ``entitlement``, taking a licence seat or counting a metered read where it says so."""
    decision = entitlement(reader, article)
    if decision.reason == Reason.LICENCE_SEAT:
        offer, reader.seat_offer = reader.seat_offer, None
        if claim_seat(offer, reader.user):
            reader.licence = offer
            return Entitlement(True, Reason.SUBSCRIBER)
        decision = entitlement(reader, article)
    if not decision.via_meter:
        return decision
    return _count_metered_read(reader, article)


def _count_metered_read(reader, article):
    """A metered read counted once, even under concurrency."""
    month = current_month()
    with transaction.atomic():
        # One lock per reader serialises their concurrent requests, so the quota holds.
        get_user_model().objects.select_for_update().filter(pk=reader.user.pk).exists()
        used = MeteredRead.objects.filter(reader=reader.user, month=month).count()
        if MeteredRead.objects.filter(reader=reader.user, article=article, month=month).exists():
            return Entitlement(True, Reason.ALREADY_READ, max(0, reader.meter_limit - used))
        if used >= reader.meter_limit:
            return Entitlement(False, Reason.SUBSCRIPTION, 0)
        try:
            with transaction.atomic():
                MeteredRead.objects.create(reader=reader.user, article=article, month=month)
        except IntegrityError:
            return Entitlement(True, Reason.ALREADY_READ, max(0, reader.meter_limit - used))
    reader.metered = {*reader.metered_this_month(), article.pk}
    return Entitlement(True, Reason.METER, reader.meter_limit - used - 1)
