class BannerImpressionsMiddleware:
    """Counts the banners a page showed, with one update after it was rendered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        slots = getattr(request, "banner_slots", None)
        if slots is not None and response.status_code == 200:
            slots.record_impressions()
        return response
