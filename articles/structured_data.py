"""schema.org data for articles, built from fields readers may see: never the body."""

import json

from django.utils.safestring import mark_safe

PAYWALLED_SELECTOR = ".paywalled-content"


def news_article(article, request):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.seo_description or article.teaser,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": article.updated_at.isoformat() if article.updated_at else None,
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "author": [
            {"@type": "Person", "name": author.name, "url": request.build_absolute_uri(author.get_absolute_url())}
            for author in article.ordered_authors
        ],
        "isAccessibleForFree": not article.is_gated,
    }
    if article.hero_image:
        data["image"] = [request.build_absolute_uri(article.hero_image.url)]
    if article.is_gated:
        data["hasPart"] = {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": PAYWALLED_SELECTOR}
    return data


def as_script(data):
    """A JSON-LD script element; <, > and & are escaped so no text can end the element."""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
