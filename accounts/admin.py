import re

from django.apps import apps
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from articles.models import Author
from subscriptions.services import anonymise_reader

User = get_user_model()
admin.site.unregister(User)
admin.site.unregister(Group)

# Django names the permissions it makes for every model in English ("Can add category"), and
# django-simple-history names its models so ("historical subscription"); the admin lists them in German.
DEFAULT_PERMISSION = re.compile(r"Can (?P<action>add|change|delete|view) .+")
DEFAULT_ACTIONS = {
    "add": pgettext_lazy("permission", "add"),
    "change": pgettext_lazy("permission", "change"),
    "delete": pgettext_lazy("permission", "delete"),
    "view": pgettext_lazy("permission", "view"),
}


def permission_label(permission):
    """“Artikel | Rubrik | hinzufügen”, where Django says “Artikel | Rubrik | Can add category”."""
    content_type = permission.content_type
    model = content_type.model_class()
    if model is None:  # the model is gone; its permissions stay until remove_stale_contenttypes
        try:
            app_name = apps.get_app_config(content_type.app_label).verbose_name
        except LookupError:  # the app is gone too
            app_name = content_type.app_label
        model_name = gettext("%(model)s (removed)") % {"model": content_type.model}
    elif original := getattr(model, "instance_type", None):  # a history model of django-simple-history
        app_name = model._meta.app_config.verbose_name
        model_name = gettext("%(model)s (earlier versions)") % {"model": original._meta.verbose_name}
    else:
        app_name, model_name = model._meta.app_config.verbose_name, model._meta.verbose_name
    if default := DEFAULT_PERMISSION.fullmatch(permission.name):
        name = DEFAULT_ACTIONS[default["action"]]
    else:
        name = gettext(permission.name)  # the project's own permissions are marked for translation
    return f"{app_name} | {model_name} | {name}"


def with_permission_labels(formfield):
    formfield.label_from_instance = permission_label
    return formfield


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

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or request.user.is_superuser:
            return fieldsets

        def shown(fields):  # others see a person's own permissions, not edit them: a list, in German
            return ["permission_list" if name == "user_permissions" else name for name in fields]

        return [(title, {**options, "fields": shown(options["fields"])}) for title, options in fieldsets]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["is_superuser", "permission_list"]
        return readonly

    @admin.display(description=User._meta.get_field("user_permissions").verbose_name)
    def permission_list(self, user):
        permissions = user.user_permissions.select_related("content_type")
        return ", ".join(permission_label(permission) for permission in permissions) or "–"

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        return with_permission_labels(formfield) if db_field.name == "user_permissions" else formfield

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Group)
class RoleAdmin(GroupAdmin):
    """The roles (editorial/roles.py keeps their permissions), with the permissions named in German."""

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        return with_permission_labels(formfield) if db_field.name == "permissions" else formfield
