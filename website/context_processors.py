from django.utils.functional import SimpleLazyObject

from articles.models import Category
from banners.selection import BannerSlots
from subscriptions.access import reader_for


def navigation(request):
    """Categories for the site menu, queried only when a template uses them."""
    return {"nav_categories": SimpleLazyObject(lambda: list(Category.objects.all()))}


def banner_slots(request):
    """Banners for this page view; nothing is queried unless a template asks for a banner."""
    request.banner_slots = BannerSlots(lambda: reader_for(request))
    return {"banner_slots": request.banner_slots}
