"""RSS 2.0 and Atom feeds for the site, each category, tag and author.

Items carry the teaser only, never body text, so gated articles leak nothing;
it is escaped, since readers render descriptions as HTML. An article updated
after publication says so in its description, with its correction notes, and
carries the update time (Atom's <updated>), so feed readers show the change.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils import formats
from django.utils.html import escape
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from taggit.models import Tag

from articles.models import Article, Author, Category
from articles.tags import tag_for_old_slug

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
        return self.articles(obj).for_cards().prefetch_related("categories", "corrections")[:FEED_SIZE]

    def item_title(self, item):
        if item.is_sponsored:
            return _("Advertisement: %(title)s") % {"title": item.title}
        return item.title

    def item_description(self, item):
        """Feed readers take the description (RSS) and summary (Atom) as HTML; the teaser is plain text."""
        parts = [escape(item.teaser)]
        if item.is_sponsored:
            label = pgettext("label on paid content", "Advertisement · presented by %(sponsor)s")
            parts.insert(0, escape(label % {"sponsor": item.sponsor}))
        if item.revised_at:
            updated = _("Updated on %(date)s.") % {"date": formats.date_format(localtime(item.revised_at), "d.m.Y, H:i")}
            parts.append(escape(updated))
        parts += [escape(_("Correction: %(text)s") % {"text": correction.text}) for correction in item.corrections.all()]
        return "<br><br>".join(parts)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.revised_at or item.published_at

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.ordered_authors) or None

    def item_categories(self, item):
        return [category.name for category in item.all_categories] + ([pgettext("label on paid content", "Advertisement")] if item.is_sponsored else [])


class CategoryFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def articles(self, obj):
        return Article.objects.live().filter(categories=obj)


class TagFeed(ArticleFeed):
    def get_object(self, request, slug):
        tag = tag_for_old_slug(slug) if not slug.isascii() else Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404
        return tag

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
