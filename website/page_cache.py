"""Whole pages for readers who share a view, and the HTTP caching headers that go with them.

Every anonymous visitor sees the same page (the same preview and paywall box
on a gated article), unless their network holds an institutional licence. So a
page rendered for one anonymous reader is kept and served to the next, under a
key made of the content generation (articles.freshness), the reader tier (plain
visitor or a licence), the banner audience and the URL. A request that carries
a session or messages cookie is personal and always rendered. A response that
sets a cookie, used a CSRF token, or says ``no-store``/``no-cache`` is never
kept. Pages live at most ``PAGE_CACHE_SECONDS`` (60) and never past the next
expiry time of a live article, so time-based publication still holds.

Browsers, proxies and CDNs may keep a shared page only ``SHARED_CACHE_SECONDS``
(and never past that expiry either): nobody can purge them, so this is how long
a change (an unpublication, an article turned premium) may take to reach the
readers behind them.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from articles.freshness import cached_lookup, generation, one_generation
from articles.models import Article
from banners.selection import BannerSlots
from subscriptions.access import Reader, client_address, licences_for

PERSONAL_COOKIES = {settings.SESSION_COOKIE_NAME, "messages"}
SHARED_CACHE_SECONDS = 10


def is_personal(request):
    return bool(PERSONAL_COOKIES & set(request.COOKIES))


def anonymous_reader(request):
    """The reader behind a request without a session: a visitor, or one on a licensed network."""
    licence, _seat_offer = licences_for(None, client_address(request))
    return Reader(licence=licence)


def page_key(request, reader, slots):
    """Content generation, reader tier, banner audience and drawn banners, and the URL."""
    tier = f"licence-{reader.licence.pk}" if reader.licence else "anonymous"
    audience = "subscribers" if reader.is_subscriber else "anonymous"
    banners = "-".join(str(pk) for pk in slots.variant())
    url = hashlib.sha256(f"{request.scheme}://{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
    return f"page:{generation()}:{tier}:{audience}:{banners}:{url}"


def seconds_until_next_expiry():
    """Seconds until the next live article expires (cached per generation), or None."""
    next_expiry = cached_lookup(
        "next-expiry",
        lambda: Article.objects.live().filter(expires_at__isnull=False).order_by("expires_at")
        .values_list("expires_at", flat=True).first() or False,
        timeout=60,
        in_process=True,
    )
    if not next_expiry:
        return None
    return (next_expiry - timezone.now()).total_seconds()


def page_timeout():
    timeout = settings.PAGE_CACHE_SECONDS
    until_expiry = seconds_until_next_expiry()
    if until_expiry is not None:
        timeout = min(timeout, int(until_expiry))
    return timeout


def can_keep(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
    )


def mark_for_proxies(request, response, reader=None, seconds=None):
    """Shared anonymous pages may sit in a CDN briefly; anything personal, licensed or gated stays private.

    ``seconds`` is how long the page may still be shown (never past the next
    expiry of a live article); proxies keep it that long at most, and at most
    ``SHARED_CACHE_SECONDS``. No ``stale-while-revalidate``: a stale page could
    show an article past its expiry.
    """
    if "no-store" in response.get("Cache-Control", ""):
        return
    patch_vary_headers(response, ["Cookie"])
    shared = reader is not None and reader.licence is None
    private = not shared or "private" in response.get("Cache-Control", "")
    seconds = min(int(seconds or 0), SHARED_CACHE_SECONDS)
    if private or response.status_code != 200 or seconds <= 0:
        patch_cache_control(response, private=True)
    else:
        patch_cache_control(response, public=True, max_age=seconds, s_maxage=seconds)


class AnonymousPageCacheMiddleware:
    """Serves shared pages from the cache (Redis); a cache outage only means rendering every page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_generation():
            return self.respond(request)

    def respond(self, request):
        if request.method != "GET" or not settings.PAGE_CACHE_SECONDS or request.path.startswith("/admin/"):
            return self.get_response(request)
        if is_personal(request):
            response = self.get_response(request)
            mark_for_proxies(request, response)
            return response
        reader = anonymous_reader(request)
        request.banner_slots = BannerSlots(lambda: reader)
        key = page_key(request, reader, request.banner_slots)
        response = cache.get(key)
        if response is not None:
            # What is left of the page's life, as the proxies' lifetime (nginx does not read Age).
            mark_for_proxies(request, response, reader, getattr(response, "kept_until", 0) - time.time())
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        timeout = page_timeout()
        mark_for_proxies(request, response, reader, timeout)
        if can_keep(request, response) and timeout > 0:
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            response.banner_ids = request.banner_slots.shown_ids()
            response.kept_until = time.time() + timeout
            cache.set(key, response, timeout)
            response["X-Page-Cache"] = "miss"
        return response
