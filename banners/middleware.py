from .counters import count_impressions


class BannerImpressionsMiddleware:
    """Counts the banners a page showed, in the cache, never in the database.

    A page served from the page cache carries the ids of its banners
    (``response.banner_ids``), so its impressions count as well.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 200:
            return response
        shown = getattr(response, "banner_ids", None)
        if shown is None:
            slots = getattr(request, "banner_slots", None)
            shown = slots.shown_ids() if slots is not None else []
        count_impressions(shown)
        return response
