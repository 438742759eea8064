"""Machine-readable views for search engines: robots.txt and the Google News sitemap."""

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from .sitemaps import news_articles


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /vorschau/",
        "Disallow: /konto/",
        "Disallow: /suche/",
        "Disallow: /b/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('news_sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def news_sitemap(request):
    context = {
        "articles": news_articles(),
        "domain": get_current_site(request).domain,
        "publication_name": settings.SITE_NAME,
        "language": "de",
    }
    return render(request, "sitemaps/news.xml", context, content_type="application/xml; charset=utf-8")
