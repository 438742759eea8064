from functools import cached_property

from django.core.paginator import Paginator

COUNT_CAP = 10_000


class CappedCountPaginator(Paginator):
    """Counts at most 10,000 matches: enough pages for any editor, and no count over the whole archive."""

    @cached_property
    def count(self):
        return self.object_list.order_by()[:COUNT_CAP].count()
