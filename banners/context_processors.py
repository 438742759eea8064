from .selection import BannerSlots


def banner_slots(request):
    """Banners for this page view; nothing is queried unless a template asks for a banner."""
    request.banner_slots = BannerSlots(request)
    return {"banner_slots": request.banner_slots}
