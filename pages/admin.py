from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.admin import RichTextAdminMixin

from .models import AccessibilityStatement, LegalNotice, PrivacyPolicy


class SitePageAdmin(RichTextAdminMixin, admin.ModelAdmin):
    """One record per page: the list leads straight to it, and it can be neither added twice nor deleted.

    Who may change it is the role's permission (editorial/roles.py: the Chefredaktion only).
    """

    readonly_fields = ["updated_at"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        page = self.model.current()
        if page is not None and self.has_view_or_change_permission(request, page):
            opts = self.model._meta
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[page.pk]))
        return super().changelist_view(request, extra_context)


@admin.register(LegalNotice)
class LegalNoticeAdmin(SitePageAdmin):
    fieldsets = [
        (_("Publisher"), {"fields": ["company_name", "legal_form", "represented_by"]}),
        (_("Address"), {"fields": ["street", "postal_code", "city", "country"]}),
        (_("Contact"), {"fields": ["phone", "email"]}),
        (_("Register and tax"), {"fields": ["register_court", "register_number", "vat_id"]}),
        (_("Responsible for the content under § 18 Abs. 2 MStV"), {"fields": ["responsible_name", "responsible_address"]}),
        (_("Further information"), {"fields": ["extra_text", "updated_at"]}),
    ]


@admin.register(PrivacyPolicy)
class PrivacyPolicyAdmin(SitePageAdmin):
    fields = ["text", "updated_at"]


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(SitePageAdmin):
    fieldsets = [
        (None, {"fields": ["text", "statement_date"]}),
        (_("Feedback"), {"fields": ["contact_email", "contact_phone"]}),
        (None, {"fields": ["updated_at"]}),
    ]
