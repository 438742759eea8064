"""Who else has an article open: a heartbeat from each open form, shown to the others. Nobody is locked out.

A form reports every ``HEARTBEAT_SECONDS``; a person counts as present until
``GONE_AFTER_SECONDS`` without a report (a closed tab, a lost connection).
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from .models import EditingSession
from .people import display_name

HEARTBEAT_SECONDS = 20
GONE_AFTER_SECONDS = 60


def here(article, user):
    """Note that ``user`` has the article open (a new session starts after a pause longer than the heartbeat's)."""
    now = timezone.now()
    session, created = EditingSession.objects.get_or_create(article=article, user=user)
    if not created and session.seen_at < now - timedelta(seconds=GONE_AFTER_SECONDS):
        session.started_at = now
    session.seen_at = now
    session.save(update_fields=["started_at", "seen_at"])


def gone(article, user):
    EditingSession.objects.filter(article=article, user=user).delete()


def others(article, user):
    """Sentences about the other people who have the article open, e.g. "Miriam Hartmann bearbeitet … seit 10:42"."""
    cutoff = timezone.now() - timedelta(seconds=GONE_AFTER_SECONDS)
    sessions = (
        EditingSession.objects.filter(article=article, seen_at__gte=cutoff).exclude(user=user)
        .select_related("user").order_by("started_at")
    )
    return [
        _("%(name)s is editing this article since %(time)s.") % {
            "name": display_name(session.user),
            "time": time_format(timezone.localtime(session.started_at), "H:i"),
        }
        for session in sessions
    ]
