"""The public pages on which an article can appear, for visibility tests."""

from urllib.parse import urlencode

from django.urls import reverse


def listing_pages_for(article):
    """Every public listing that could carry ``article``: pages, feeds, sitemaps and search."""
    tags = list(article.tags.all())
    pages = [reverse("website:home"), reverse("website:feed_rss"), reverse("website:feed_atom")]
    for category in article.categories.all():
        pages += [category.get_absolute_url(), reverse("website:category_feed_rss", args=[category.slug])]
    for byline in article.bylines.all():
        pages += [byline.author.get_absolute_url(), reverse("website:author_feed_atom", args=[byline.author.slug])]
    for tag in tags:
        pages += [reverse("website:tag", args=[tag.slug]), reverse("website:tag_feed_rss", args=[tag.slug])]
    pages += ["/sitemap-artikel.xml", "/sitemap-news.xml", reverse("website:search") + "?" + urlencode({"q": article.title})]
    return pages


def pages_showing(client, article):
    """Which public pages link to the article (its own page included, when it answers)."""
    path = article.get_absolute_url()
    found = [url for url in listing_pages_for(article) if path in client.get(url).content.decode()]
    if client.get(path).status_code == 200:
        found.append(path)
    return found
