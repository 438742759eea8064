from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Author
from subscriptions.services import anonymise_reader

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffAccountAdmin(UserAdmin):
    """The editor-in-chief manages staff accounts and roles; only superusers grant superuser rights."""

    actions = ["anonymise_selected"]

    @admin.action(description=_("Erase personal data (GDPR), keep subscription records"), permissions=["change"])
    def anonymise_selected(self, request, queryset):
        readers = [user for user in queryset if not user.is_staff and not user.is_superuser]
        for user in readers:
            anonymise_reader(user)
        messages.success(request, ngettext("%(count)d reader anonymised.", "%(count)d readers anonymised.", len(readers)) % {"count": len(readers)})

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.is_staff:
            Author.profile_for(obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["is_superuser", "user_permissions"]
        return readonly

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)
