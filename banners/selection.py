"""Which banners a reader sees on a page, and counting what was shown."""

import random

from django.db.models import F

from subscriptions.access import reader_for

from .models import Banner


class BannerSlots:
    """The banners of one page view: one query for all places, one update for all impressions."""

    def __init__(self, request):
        self.request = request
        self._candidates = None
        self.shown = {}

    def candidates(self):
        if self._candidates is None:
            reader = reader_for(self.request)
            self._candidates = [banner for banner in Banner.objects.running() if banner.shown_to(reader)]
        return self._candidates

    def pick(self, placement):
        if placement not in self.shown:
            eligible = [b for b in self.candidates() if b.placement == placement and b.weight > 0]
            self.shown[placement] = random.choices(eligible, weights=[b.weight for b in eligible])[0] if eligible else None
        return self.shown[placement]

    def record_impressions(self):
        ids = [banner.pk for banner in self.shown.values() if banner is not None]
        if ids:
            Banner.objects.filter(pk__in=ids).update(impressions=F("impressions") + 1)
