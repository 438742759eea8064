"""Pages of archive lists without counting the archive.

A reader paging through 100,000 articles needs "newer" and "older", not the
number of the last page; counting every match on each request is what made
category pages slow. One extra row tells whether an older page exists.
"""

import math
from dataclasses import dataclass

MAX_PAGE = 100_000  # keeps OFFSET far from integer overflow, whatever ?page= says


@dataclass
class ArchivePage:
    number: int
    object_list: list
    has_more: bool

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_next(self):
        return self.has_more

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1


def archive_page(queryset, number, per_page):
    """Page ``number`` of ``queryset`` (any text: nonsense means page 1); past the end, the last page."""
    try:
        number = min(max(1, int(number)), MAX_PAGE)
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * per_page
    rows = list(queryset[start:start + per_page + 1])
    if not rows and number > 1:  # the only path that counts: someone asked for a page past the end
        return archive_page(queryset, max(1, math.ceil(queryset.count() / per_page)), per_page)
    return ArchivePage(number, rows[:per_page], len(rows) > per_page)
