from django.db.models import F
from django.shortcuts import get_object_or_404, redirect

from .models import Banner


def click(request, pk):
    """Count a click and go to the banner's own stored address, never anywhere else."""
    banner = get_object_or_404(Banner, pk=pk)
    Banner.objects.filter(pk=pk).update(clicks=F("clicks") + 1)
    return redirect(banner.target_url)
