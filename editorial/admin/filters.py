from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article


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
            "corrections": lambda qs: qs.filter(pending_changes__isnull=False),
        }
        return filters[self.value()](queryset) if self.value() in filters else queryset


class MineFilter(admin.SimpleListFilter):
    title = _("my articles")
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
