"""Banner figures without database writes on page views.

Impressions are counted in the cache (Redis in production) under one key per
banner and day, and ``manage.py flush_banner_counts`` adds them to the banners
in aggregate. A Redis outage loses at most the counts not flushed yet; pages
never notice it. A click is counted at most once per reader, banner and day.
"""

import hashlib
import logging
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Banner

logger = logging.getLogger(__name__)

# Keys live this long, so counts survive a flush that runs late; older ones are lost.
KEEP_DAYS = 3


def impressions_key(banner_id, day):
    return f"banner-impressions:{day.isoformat()}:{banner_id}"


def count_impressions(banner_ids, day=None):
    """Add one impression for each banner; never raises, a lost count is better than a lost page."""
    day = day or timezone.localdate()
    for banner_id in banner_ids:
        key = impressions_key(banner_id, day)
        try:
            try:
                cache.incr(key)
            except ValueError:  # the first impression of the day
                if not cache.add(key, 1, timeout=KEEP_DAYS * 86400):
                    cache.incr(key)
        except Exception:  # the cache is down or the key expired meanwhile: a lost count, not a lost page
            logger.warning("Banner impression for %s not counted", banner_id, exc_info=True)


def flush_impressions(today=None):
    """Move the counted impressions into the database; returns how many were flushed.

    Each key is decremented by the amount read, so impressions counted while
    the flush runs stay for the next one.
    """
    today = today or timezone.localdate()
    days = [today - timedelta(days=back) for back in range(KEEP_DAYS)]
    keys = {impressions_key(pk, day): pk for pk in Banner.objects.values_list("pk", flat=True) for day in days}
    totals = {}
    for key, count in cache.get_many(list(keys)).items():
        if not count:
            continue
        try:
            if cache.decr(key, count) is None:  # the cache failed: leave the count for the next flush
                continue
        except ValueError:  # the key expired meanwhile: its count is lost, the others are not
            continue
        totals[keys[key]] = totals.get(keys[key], 0) + count
    with transaction.atomic():
        for banner_id, count in totals.items():
            Banner.objects.filter(pk=banner_id).update(impressions=F("impressions") + count)
    return sum(totals.values())


def visitor_key(request, client_address):
    """A pseudonymous id of the reader for one day: their account, or a hash of address and browser."""
    if request.user.is_authenticated:
        raw = f"user:{request.user.pk}"
    else:
        raw = f"{client_address}|{request.headers.get('User-Agent', '')}"
    return hashlib.sha256(f"{timezone.localdate()}|{raw}".encode()).hexdigest()[:32]


def count_click(banner, visitor):
    """Count a click unless this visitor clicked this banner today; True when it was counted."""
    key = f"banner-click:{timezone.localdate().isoformat()}:{banner.pk}:{visitor}"
    try:
        first = cache.add(key, 1, timeout=86400)
    except Exception:
        logger.warning("Banner click for %s not counted", banner.pk, exc_info=True)
        return False
    if first:
        Banner.objects.filter(pk=banner.pk).update(clicks=F("clicks") + 1)
    return bool(first)
