from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.models import Byline, Correction

from .. import actions
from ..models import EditorialNote, ShareLink


class BylineInline(admin.TabularInline):
    model = Byline
    autocomplete_fields = ["author"]
    extra = 0
    min_num = 1
    verbose_name = _("author")
    verbose_name_plural = _("authors (in the order shown on the page)")

    def has_add_permission(self, request, obj=None):
        return obj is None or actions.can_edit(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return obj is None or actions.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is None or actions.can_edit(request.user, obj)


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


class CorrectionInline(admin.StackedInline):
    """Correction notes under a published article: added by editors, never changed or deleted (readers relied on them)."""

    model = Correction
    fields = ["text", "published_at", "created_by"]
    readonly_fields = ["published_at", "created_by"]
    extra = 0
    verbose_name = _("correction note")
    verbose_name_plural = _("correction notes (shown to readers at the end of the article)")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return obj is not None and actions.was_published(obj) and actions.can_publish(request.user)

    def has_view_permission(self, request, obj=None):
        return obj is not None and actions.was_published(obj) and super().has_view_permission(request, obj)


class ShareLinkForm(forms.ModelForm):
    revoke = forms.BooleanField(label=_("revoke now"), required=False)

    class Meta:
        model = ShareLink
        fields = ["expires_at"]

    def has_changed(self):
        """A link row the editor added is wanted even with the suggested expiry left as it is."""
        return self.instance.pk is None or super().has_changed()

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
