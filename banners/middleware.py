from .counters import count_impressions


class BannerImpressionsMiddleware:
    """Counts the banners a page showed, once it rendered; in the cache, never in the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        slots = getattr(request, "banner_slots", None)
        if slots is not None and response.status_code == 200:
            count_impressions(slots.shown_ids())
        return response
