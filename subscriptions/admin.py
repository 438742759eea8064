from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from newsroom.admin import HTTPS_URLS

from .importer import import_subscriptions
from .models import Licence, Plan, Subscription, WebhookEvent


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "price", "billing_period", "is_active", "position"]
    list_editable = ["is_active", "position"]
    prepopulated_fields = {"slug": ["name"]}


class ImportForm(forms.Form):
    csv_file = forms.FileField(label=_("CSV file"), help_text=_("Columns: email, plan, start, end (one subscription per line)."))
    dry_run = forms.BooleanField(label=_("Dry run: only show what would happen"), required=False, initial=True)


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["reader", "plan", "starts_at", "ends_at", "status", "source"]
    list_filter = ["plan", "source"]
    search_fields = ["reader__email", "reader__username", "external_id"]
    autocomplete_fields = ["reader"]
    list_select_related = ["reader", "plan"]
    date_hierarchy = "ends_at"
    actions = ["extend_one_year", "cancel_now"]
    change_list_template = "admin/subscriptions/subscription/change_list.html"

    @admin.display(description=_("status"))
    def status(self, obj):
        return obj.status_label

    @admin.action(description=_("Extend by one year"), permissions=["change"])
    def extend_one_year(self, request, queryset):
        for subscription in queryset:
            subscription.ends_at = max(subscription.ends_at, timezone.now()) + timedelta(days=365)
            subscription.cancelled_at = None
            subscription.save(update_fields=["ends_at", "cancelled_at"])
        messages.success(request, ngettext("%(count)d subscription extended.", "%(count)d subscriptions extended.", len(queryset)) % {"count": len(queryset)})

    @admin.action(description=_("Cancel now"), permissions=["change"])
    def cancel_now(self, request, queryset):
        count = queryset.filter(cancelled_at__isnull=True).update(cancelled_at=timezone.now())
        messages.success(request, ngettext("%(count)d subscription cancelled.", "%(count)d subscriptions cancelled.", count) % {"count": count})

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="subscriptions_subscription_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        results, error = None, None
        if request.method == "POST" and form.is_valid():
            try:
                results = import_subscriptions(form.cleaned_data["csv_file"].read(), dry_run=form.cleaned_data["dry_run"])
            except (ValidationError, UnicodeDecodeError) as problem:
                error = problem.messages[0] if isinstance(problem, ValidationError) else _("The file is not UTF-8 text.")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import subscriptions"),
            "form": form,
            "results": results,
            "error": error,
            "dry_run": form.cleaned_data.get("dry_run") if form.is_bound and form.is_valid() else None,
        }
        return TemplateResponse(request, "admin/subscriptions/subscription/import.html", context)


@admin.register(Licence)
class LicenceAdmin(admin.ModelAdmin):
    list_display = ["organisation", "starts_at", "ends_at", "seat_limit", "seats_used", "is_active"]
    search_fields = ["organisation", "email_domains"]
    readonly_fields = ["seats_used"]
    exclude = ["seats"]

    @admin.display(description=_("seats used"))
    def seats_used(self, obj):
        return obj.seats.count() if obj.pk else 0


@admin.register(WebhookEvent)
class WebhookEventAdmin(admin.ModelAdmin):
    list_display = ["event_id", "kind", "received_at"]
    search_fields = ["event_id"]
    readonly_fields = ["event_id", "kind", "received_at", "payload"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
