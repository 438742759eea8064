from django.shortcuts import get_object_or_404, redirect

from subscriptions.access import client_address

from .counters import count_click, visitor_key
from .models import Banner


def click(request, pk):
    """Count a click and go to the banner's own stored address; a banner that is not running leads nowhere."""
    banner = get_object_or_404(Banner.objects.running(), pk=pk)
    count_click(banner, visitor_key(request, client_address(request)))
    return redirect(banner.target_url)
