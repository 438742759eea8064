"""RSS 2.0 and Atom feeds for the site, each category, tag and author.

Items carry the teaser only, never body text, so gated articles leak nothing;
it is escaped, since readers render descriptions as HTML.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.models import Article, Author, Category

FEED_SIZE = 30


class ArticleFeed(Feed):
    description = _("News, background and analysis for the trade.")

    def title(self, obj=None):
        return f"{settings.SITE_NAME} – {obj}" if obj else settings.SITE_NAME

    def link(self, obj=None):
        return obj.get_absolute_url() if obj is not None else reverse("website:home")

    def articles(self, obj):
        return Article.objects.live()

    def items(self, obj=None):
        return self.articles(obj).for_cards().prefetch_related("categories")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        """Feed readers take the description (RSS) and summary (Atom) as HTML; the teaser is plain text."""
        return escape(item.teaser)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.ordered_authors) or None

    def item_categories(self, item):
        return [category.name for category in item.all_categories]


class CategoryFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def articles(self, obj):
        return Article.objects.live().filter(categories=obj)


class TagFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def link(self, obj=None):
        return reverse("website:tag", args=[obj.slug])

    def articles(self, obj):
        return Article.objects.live().filter(tags=obj)


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def articles(self, obj):
        return Article.objects.live().filter(authors=obj)


def atom(feed_class):
    """The Atom variant of an RSS feed class."""
    return type(f"Atom{feed_class.__name__}", (feed_class,), {"feed_type": Atom1Feed, "subtitle": feed_class.description})
