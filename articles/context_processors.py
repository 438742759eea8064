from django.utils.functional import SimpleLazyObject

from .models import Category


def navigation(request):
    """Categories for the site menu, queried only when a template uses them."""
    return {"nav_categories": SimpleLazyObject(lambda: list(Category.objects.all()))}
