from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.models import Article, Author, Byline, Category, TaggedArticle

from ..models import ReviewQuerySet


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("Draft")),
            ("review", _("In review")),
            ("returned", _("Returned for changes")),
            ("scheduled", _("Scheduled")),
            ("live", _("Online")),
            ("expired", _("Expired")),
            ("unpublished", _("Unpublished")),
            ("corrections", _("Corrections proposed")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        Status = Article.Status
        filters = {
            "draft": lambda qs: qs.filter(status=Status.DRAFT),
            "review": lambda qs: qs.filter(status=Status.IN_REVIEW),
            "returned": lambda qs: qs.filter(status=Status.RETURNED),
            "scheduled": lambda qs: qs.scheduled(now),
            "live": lambda qs: qs.live(),
            "expired": lambda qs: qs.filter(status=Status.PUBLISHED, expires_at__lte=now),
            "unpublished": lambda qs: qs.filter(status=Status.UNPUBLISHED),
            "corrections": lambda qs: qs.filter(ReviewQuerySet.open_corrections()),
        }
        return filters[self.value()](queryset) if self.value() in filters else queryset


class MineFilter(admin.SimpleListFilter):
    title = _("responsibility")  # the admin shows "By responsibility"
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", _("My articles"))]

    def queryset(self, request, queryset):
        return queryset.owned_by(request.user) if self.value() == "1" else queryset


class VGWortFilter(admin.SimpleListFilter):
    """Published texts long enough for VG Wort (1,800 characters) that still lack a counting pixel."""

    title = _("VG Wort")
    parameter_name = "vgwort"
    MIN_CHARACTERS = 1800

    def lookups(self, request, model_admin):
        return [("missing", _("Counting pixel missing (1,800+ characters)"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.live().filter(character_count__gte=self.MIN_CHARACTERS, vgwort_pixel_url="")
        return queryset


class RelationFilter(admin.SimpleListFilter):
    """Filter by a many-to-many relation with EXISTS, so the changelist needs no DISTINCT over whole rows."""

    through_field = None  # the through model's field that points at the related object

    def related(self):
        raise NotImplementedError

    def lookups(self, request, model_admin):
        return [(str(item.pk), str(item)) for item in self.related()]

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        link = self.through.objects.filter(**{self.article_field: OuterRef("pk"), self.through_field: self.value()})
        return queryset.filter(Exists(link))


class CategoryFilter(RelationFilter):
    title = _("category")
    parameter_name = "category"
    through, article_field, through_field = Article.categories.through, "article_id", "category_id"

    def related(self):
        return Category.objects.all()


class AuthorFilter(RelationFilter):
    title = _("author")
    parameter_name = "author"
    through, article_field, through_field = Byline, "article_id", "author_id"

    def related(self):
        return Author.objects.all()


class TagFilter(RelationFilter):
    """The tags of the newest articles: a sidebar of every tag in the archive would be hundreds long."""

    title = _("tag")
    parameter_name = "tag"
    through, article_field, through_field = TaggedArticle, "content_object_id", "tag_id"
    RECENT_ARTICLES = 200

    def related(self):
        recent = Article.objects.order_by("-pk").values("pk")[: self.RECENT_ARTICLES]
        return Tag.objects.filter(Exists(TaggedArticle.objects.filter(tag=OuterRef("pk"), content_object__in=recent))).order_by("name")
