from django.contrib import admin
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import ArticleInReview, Revision


@admin.register(ArticleInReview)
class ArticleInReviewAdmin(admin.ModelAdmin):
    """Oldest first: what waits for an editor, with who sent it and when."""

    list_display = ["title_link", "kind", "submitted_by", "submitted_at"]
    list_display_links = None

    def get_queryset(self, request):
        last_submit = Revision.objects.filter(
            article=OuterRef("pk"), action__in=[Revision.Action.SUBMIT, Revision.Action.PROPOSE]
        ).order_by("-at")
        return (
            ArticleInReview.objects.awaiting_review()
            .annotate(
                has_corrections=ArticleInReview.objects.open_corrections(),
                submitted_at=Subquery(last_submit.values("at")[:1]),
                submitted_by_name=Subquery(last_submit.annotate(name=Coalesce(
                    NullIf(Trim(Concat("by__first_name", Value(" "), "by__last_name")), Value("")), "by__username",
                )).values("name")[:1]),
            )
        )

    def get_ordering(self, request):
        return ["submitted_at", "pk"]

    @admin.display(description=_("article"))
    def title_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:articles_article_change", args=[obj.pk]), obj.title)

    @admin.display(description=_("waiting for"))
    def kind(self, obj):
        return _("corrections") if obj.has_corrections else _("review")

    @admin.display(description=_("sent by"))
    def submitted_by(self, obj):
        return obj.submitted_by_name or "–"

    @admin.display(description=_("sent at"), ordering="submitted_at")
    def submitted_at(self, obj):
        return obj.submitted_at

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
