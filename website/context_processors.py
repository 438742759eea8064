from django.utils.functional import SimpleLazyObject

from articles.freshness import cached_lookup
from articles.models import Category
from banners.selection import BannerSlots
from subscriptions.access import reader_for


def navigation(request):
    """Categories for the site menu, queried only when a template uses them."""
    return {"nav_categories": SimpleLazyObject(lambda: cached_lookup("categories", lambda: list(Category.objects.all()), in_process=True))}


def banner_slots(request):
    """Banners for this page view (drawn already where the page cache asked); nothing is queried unless needed."""
    if getattr(request, "banner_slots", None) is None:
        request.banner_slots = BannerSlots(lambda: reader_for(request))
    return {"banner_slots": request.banner_slots}
