"""Sitemaps for search engines, and the Google News sitemap of the last 48 hours."""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Author, Category, TaggedArticle

NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000


class ArticleSitemap(Sitemap):
    changefreq = "daily"
    limit = 1000  # sections small enough to answer fast; an archive of 100,000 has 100 of them

    def items(self):
        return Article.objects.live().only("pk", "slug", "updated_at").order_by("-published_at", "-pk")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        """One indexed lookup instead of Django's default, which loads every article."""
        return Article.objects.live().order_by("-updated_at").values_list("updated_at", flat=True).first()


class CategorySitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        """Categories with the publication time of their newest live article: when their page last changed."""
        newest = Article.objects.live().filter(categories=OuterRef("pk")).order_by("-published_at")
        return Category.objects.annotate(latest=Subquery(newest.values("published_at")[:1])).order_by("position", "name")

    def lastmod(self, item):
        return item.latest


class TagSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        live_tagged = TaggedArticle.objects.filter(tag=OuterRef("pk"), content_object__in=Article.objects.live())
        return Tag.objects.filter(Exists(live_tagged)).order_by("name")

    def location(self, item):
        return reverse("website:tag", args=[item.slug])


class AuthorSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Author.objects.filter(Exists(Article.objects.live().filter(authors=OuterRef("pk")))).order_by("name")


class StaticSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["website:home", "website:corrections", "subscriptions:plans", "impressum", "privacy", "accessibility"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "artikel": ArticleSitemap,
    "rubriken": CategorySitemap,
    "schlagwoerter": TagSitemap,
    "autoren": AuthorSitemap,
    "seiten": StaticSitemap,
}


def news_articles():
    """Live articles published in the last 48 hours, newest first, at most 1,000 (Google News).

    Advertisements are no news: Google News takes no paid content, so they stay in the ordinary sitemap only.
    """
    return (
        Article.objects.live()
        .filter(published_at__gte=timezone.now() - NEWS_WINDOW, is_sponsored=False)
        .only("pk", "slug", "title", "published_at")
        .order_by("-published_at")[:NEWS_LIMIT]
    )
