"""The public pages on which an article can appear, for visibility tests."""

from django.urls import reverse


def listing_pages_for(article):
    pages = [reverse("articles:home")]
    pages += [category.get_absolute_url() for category in article.categories.all()]
    pages += [byline.author.get_absolute_url() for byline in article.bylines.all()]
    pages += [reverse("articles:tag", args=[tag.slug]) for tag in article.tags.all()]
    return pages


def pages_showing(client, article):
    """Which public pages show the article's headline (its own page included)."""
    found = [url for url in listing_pages_for(article) if article.title in client.get(url).content.decode()]
    if client.get(article.get_absolute_url()).status_code == 200:
        found.append(article.get_absolute_url())
    return found
