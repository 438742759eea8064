"""Which banners a reader sees on a page."""

import random

from .models import Banner


class BannerSlots:
    """The banners of one page view, chosen from one query for all places.

    ``reader`` is a callable returning the reader (see subscriptions.access),
    so a page that shows no banner never asks who the reader is.
    """

    def __init__(self, reader):
        self.reader = reader
        self._candidates = None
        self.shown = {}

    def candidates(self):
        if self._candidates is None:
            reader = self.reader()
            self._candidates = [banner for banner in Banner.objects.running() if banner.shown_to(reader)]
        return self._candidates

    def pick(self, placement):
        if placement not in self.shown:
            eligible = [b for b in self.candidates() if b.placement == placement and b.weight > 0]
            self.shown[placement] = random.choices(eligible, weights=[b.weight for b in eligible])[0] if eligible else None
        return self.shown[placement]

    def shown_ids(self):
        return [banner.pk for banner in self.shown.values() if banner is not None]
