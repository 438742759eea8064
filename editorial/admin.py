from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef, Subquery
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Article

from . import actions
from .history import compare
from .models import ArticleInReview, EditorialNote, ShareLink, Transition

ACTION_LABELS = {
    "submit": _("Submit for review"),
    "return": _("Return to author"),
    "publish": _("Publish / schedule"),
    "unpublish": _("Unpublish"),
    "approve": _("Accept corrections"),
    "reject": _("Reject corrections"),
}


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


class EditorialNoteInline(admin.TabularInline):
    """Internal notes; staff can add notes but never change or delete someone else's."""

    model = EditorialNote
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    extra = 0

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return obj is not None and request.user.has_perm("editorial.add_editorialnote")


class ShareLinkForm(forms.ModelForm):
    revoke = forms.BooleanField(label=_("revoke now"), required=False)

    class Meta:
        model = ShareLink
        fields = ["expires_at"]

    def save(self, commit=True):
        if self.cleaned_data.get("revoke") and self.instance.revoked_at is None:
            self.instance.revoked_at = timezone.now()
        return super().save(commit)


class ShareLinkInline(admin.TabularInline):
    """Links for external reviewers without an account (editors only)."""

    model = ShareLink
    form = ShareLinkForm
    fields = ["link", "expires_at", "revoked_at", "revoke", "created_by"]
    readonly_fields = ["link", "revoked_at", "created_by"]
    extra = 0

    @admin.display(description=_("link"))
    def link(self, obj):
        if not obj.pk:
            return _("Appears after saving")
        if not obj.is_valid:
            return _("no longer valid")
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', obj.get_absolute_url(), _("Open preview"))

    def has_view_permission(self, request, obj=None):
        return actions.can_publish(request.user)

    def has_add_permission(self, request, obj=None):
        return obj is not None and actions.can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        return actions.can_publish(request.user)

    def has_delete_permission(self, request, obj=None):
        return False


class WorkflowAdminMixin:
    """The editorial workflow on the article admin: who may edit what, transitions, history."""

    always_readonly = ["state", "first_published_at", "updated_at", "reading_minutes"]
    publisher_fields = ["published_at", "expires_at"]

    # Permissions ------------------------------------------------------------

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return actions.can_edit(request.user, obj) or actions.can_propose_changes(request.user, obj)

    def has_publish_permission(self, request):
        return actions.can_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(self.always_readonly)
        if not actions.can_publish(request.user):
            readonly += self.publisher_fields
        if obj is not None and not actions.can_edit(request.user, obj):
            editable = Article.CORRECTABLE_FIELDS if actions.can_propose_changes(request.user, obj) else []
            readonly += [
                field for field in self.get_form_field_names(request, obj) if field not in editable + ["version"]
            ]
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        readonly = self.get_readonly_fields(request, obj)
        return {field: sources for field, sources in super().get_prepopulated_fields(request, obj).items() if field not in readonly}

    def get_form_field_names(self, request, obj):
        return [field for _, options in self.fieldsets for field in options["fields"] if field not in self.always_readonly]

    # Saving -----------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if change and not actions.can_edit(request.user, obj):
            changes = {name: form.cleaned_data[name] for name in Article.CORRECTABLE_FIELDS if name in form.changed_data}
            if changes:
                actions.propose_changes(obj, changes, by=request.user)
                messages.info(request, _("Your corrections wait for an editor; the published text stays online until then."))
            return
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            instance = inline_form.instance
            if isinstance(instance, EditorialNote) and instance.pk is None:
                instance.author = request.user
            if isinstance(instance, ShareLink) and instance.pk is None:
                instance.created_by = request.user
        super().save_formset(request, form, formset, change)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """A workflow button the user may not press refuses the whole request: nothing is saved."""
        step = request.POST.get("_workflow") if request.method == "POST" else None
        article = self.get_object(request, unquote(object_id)) if step and object_id else None
        if step and (step not in ACTION_LABELS or article is None):
            messages.error(request, _("Unknown workflow step."))
            return HttpResponseRedirect(request.path)
        if article is not None and step not in actions.available_actions(request.user, article):
            messages.error(request, _("You are not allowed to do this."))
            return HttpResponseRedirect(request.path)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def response_add(self, request, obj, post_url_continue=None):
        return self.run_workflow_step(request, obj) or super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        return self.run_workflow_step(request, obj) or super().response_change(request, obj)

    def run_workflow_step(self, request, obj):
        """Perform the transition whose button was pressed, after the form was saved."""
        step = request.POST.get("_workflow")
        if not step:
            return None
        comment = request.POST.get("workflow_comment", "")
        steps = {
            "submit": lambda: actions.submit(obj, by=request.user),
            "return": lambda: actions.return_for_changes(obj, by=request.user, comment=comment),
            "publish": lambda: actions.publish(obj, by=request.user),
            "unpublish": lambda: actions.unpublish(obj, by=request.user, comment=comment),
            "approve": lambda: actions.approve_changes(obj, by=request.user),
            "reject": lambda: actions.reject_changes(obj, by=request.user, comment=comment),
        }
        try:
            transition = steps[step]()
        except PermissionDenied:
            messages.error(request, _("You are not allowed to do this."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Done: %(action)s.") % {"action": transition.get_action_display()})
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))

    # Bulk actions -------------------------------------------------------------

    @admin.action(description=_("Publish selected articles"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self.bulk(request, queryset, actions.publish)

    @admin.action(description=_("Unpublish selected articles"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self.bulk(request, queryset, actions.unpublish)

    def bulk(self, request, queryset, action):
        done = 0
        for article in queryset:
            try:
                action(article, by=request.user)
                done += 1
            except (ValidationError, PermissionDenied) as error:
                reasons = error.messages if isinstance(error, ValidationError) else [str(error)]
                messages.warning(request, f"„{article.title}“: {' '.join(reasons)}")
        if done:
            messages.success(request, ngettext("%(count)d article changed.", "%(count)d articles changed.", done) % {"count": done})

    # Change form context -------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        if article is not None:
            extra_context = {
                **(extra_context or {}),
                "workflow_actions": [(name, ACTION_LABELS[name]) for name in actions.available_actions(request.user, article)],
                "transitions": article.transitions.select_related("by")[:50],
                "pending_article": article if article.pending_changes is not None else None,
                "preview_url": reverse("editorial:preview", args=[article.pk]),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    # History ----------------------------------------------------------------

    def get_urls(self):
        return [
            path("<int:pk>/versions/", self.admin_site.admin_view(self.versions_view), name="articles_article_versions"),
            path(
                "<int:pk>/versions/<int:history_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="articles_article_restore",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        return redirect("admin:articles_article_versions", pk=object_id)

    def versions_view(self, request, pk):
        article = get_object_or_404(Article, pk=pk)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        versions = list(article.history.select_related("history_user").order_by("-history_date"))
        by_id = {version.history_id: version for version in versions}
        selected = [by_id.get(_int(request.GET.get(key))) for key in ("a", "b")]
        rows = None
        if all(selected):
            older, newer = sorted(selected, key=lambda version: version.history_date)
            rows = compare(older, newer)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Versions of “%(title)s”") % {"title": article.title},
            "article": article,
            "versions": versions,
            "selected": selected,
            "rows": rows,
            "can_restore": actions.can_edit(request.user, article),
        }
        return TemplateResponse(request, "admin/articles/article/versions.html", context)

    def restore_view(self, request, pk, history_id):
        article = get_object_or_404(Article, pk=pk)
        record = get_object_or_404(article.history.all(), history_id=history_id)
        if request.method != "POST":
            return redirect("admin:articles_article_versions", pk=pk)
        try:
            actions.restore_version(article, record, by=request.user)
        except PermissionDenied:
            messages.error(request, _("You are not allowed to do this."))
        else:
            messages.success(request, _("The old version is the current one again."))
        return redirect("admin:articles_article_change", pk)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@admin.register(ArticleInReview)
class ArticleInReviewAdmin(admin.ModelAdmin):
    """Oldest first: what waits for an editor, with who sent it and when."""

    list_display = ["title_link", "kind", "submitted_by", "submitted_at"]
    list_display_links = None

    def get_queryset(self, request):
        last_submit = Transition.objects.filter(
            article=OuterRef("pk"), action__in=[Transition.Action.SUBMIT, Transition.Action.PROPOSE]
        ).order_by("-at")
        return (
            ArticleInReview.objects.awaiting_review()
            .annotate(
                submitted_at=Subquery(last_submit.values("at")[:1]),
                submitted_by_name=Subquery(last_submit.values("by__username")[:1]),
            )
        )

    def get_ordering(self, request):
        return ["submitted_at", "pk"]

    @admin.display(description=_("article"))
    def title_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:articles_article_change", args=[obj.pk]), obj.title)

    @admin.display(description=_("waiting for"))
    def kind(self, obj):
        return _("corrections") if obj.pending_changes is not None else _("review")

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

