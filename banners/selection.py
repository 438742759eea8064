"""Which banners a reader sees on a page."""

import random

from django.utils import timezone

from articles.freshness import cached_lookup

from .models import Banner


class BannerSlots:
    """The banners of one page view, chosen from one query for all places.

    ``reader`` is a callable returning the reader (see subscriptions.access),
    so a page that shows no banner never asks who the reader is.
    """

    def __init__(self, reader):
        self.reader = reader
        self._candidates = None
        self.chosen, self.shown = {}, {}

    def candidates(self):
        if self._candidates is None:
            reader, now = self.reader(), timezone.now()
            coming = cached_lookup("banners", Banner.objects.current_and_coming, in_process=True)
            running = [banner for banner in coming if banner.is_running(now)]
            self._candidates = [banner for banner in running if banner.shown_to(reader)]
        return self._candidates

    def choose(self, placement):
        """The banner for ``placement`` on this page view, drawn once by weight."""
        if placement not in self.chosen:
            eligible = [b for b in self.candidates() if b.placement == placement and b.weight > 0]
            self.chosen[placement] = random.choices(eligible, weights=[b.weight for b in eligible])[0] if eligible else None
        return self.chosen[placement]

    def pick(self, placement):
        """The banner a template shows for ``placement``; shown banners count as impressions."""
        self.shown[placement] = self.choose(placement)
        return self.shown[placement]

    def variant(self):
        """The banners drawn for every placement: a cached page is kept per variant, so banners still rotate."""
        return tuple(getattr(self.choose(placement), "pk", None) for placement in Banner.Placement.values)

    def shown_ids(self):
        return [banner.pk for banner in self.shown.values() if banner is not None]
