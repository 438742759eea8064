"""schema.org data for articles, built from fields readers may see: never the body."""

import json

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import mark_safe

from images.renditions import open_graph_url

PAYWALLED_SELECTOR = ".paywalled-content"


def news_article(article, request):
    data = {
        "@context": "https://schema.org",
        "@type": "AdvertiserContentArticle" if article.is_sponsored else "NewsArticle",
        "headline": article.title,
        "description": article.seo_description or article.teaser,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": (article.revised_at or article.published_at).isoformat() if article.published_at else None,
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "author": [
            {"@type": "Person", "name": author.name, "url": request.build_absolute_uri(author.get_absolute_url())}
            for author in article.ordered_authors
        ],
        "publisher": organization(request),
        "isAccessibleForFree": not article.is_gated,
    }
    if corrections := article.corrections.all():
        data["correction"] = [
            {"@type": "CorrectionComment", "text": correction.text, "datePublished": correction.published_at.isoformat()}
            for correction in corrections
        ]
    if image := article.visible_image:
        data["image"] = [request.build_absolute_uri(open_graph_url(image))]
    if article.is_gated:
        data["hasPart"] = {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": PAYWALLED_SELECTOR}
    return data


def organization(request):
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri(reverse("website:home")),
        "logo": {"@type": "ImageObject", "url": request.build_absolute_uri(static("img/logo.png")), "width": 600, "height": 60},
    }


def home_page(request):
    """Organization and WebSite with a search action, for the home page."""
    site = {
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri(reverse("website:home")),
        "inLanguage": "de",
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": request.build_absolute_uri(reverse("website:search")) + "?q={search_term_string}"},
            "query-input": "required name=search_term_string",
        },
    }
    return {"@context": "https://schema.org", "@graph": [organization(request), site]}


def breadcrumbs(article, request):
    trail = [
        (settings.SITE_NAME, reverse("website:home")),
        (article.primary_category.name, article.primary_category.get_absolute_url()),
        (article.title, article.get_absolute_url()),
    ]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": request.build_absolute_uri(path)}
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


def as_script(data):
    """A JSON-LD script element; <, > and & are escaped so no text can end the element."""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
