from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from simple_history.admin import SimpleHistoryAdmin

from articles.admin import HTTPS_URLS

from . import services
from .importer import import_subscriptions
from .models import Licence, Plan, Subscription, Termination, WebhookEvent, Withdrawal


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "price", "billing_period", "is_active", "position"]
    list_editable = ["is_active", "position"]
    prepopulated_fields = {"slug": ["name"]}


class ImportForm(forms.Form):
    csv_file = forms.FileField(label=_("CSV file"), help_text=_("Columns: email, plan, start, end (one subscription per line)."))
    dry_run = forms.BooleanField(label=_("Dry run: only show what would happen"), required=False, initial=True)


class SubscriptionForm(forms.ModelForm):
    class Meta:
        model = Subscription
        fields = "__all__"

    def clean(self):
        cleaned_data = super().clean()
        starts_at = cleaned_data.get("starts_at", self.instance.starts_at)
        ends_at = cleaned_data.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", forms.ValidationError(_("The end must lie after the start."), code="ends_before_start"))
        return cleaned_data


@admin.register(Subscription)
class SubscriptionAdmin(SimpleHistoryAdmin):
    """Editors grant, extend and cancel; each change goes through subscriptions.services and is logged."""

    list_display = ["reader", "plan", "starts_at", "ends_at", "status", "source"]
    list_filter = ["plan", "source"]
    search_fields = ["reader__email", "reader__username", "external_id"]
    autocomplete_fields = ["reader"]
    list_select_related = ["reader", "plan"]
    date_hierarchy = "ends_at"
    actions = ["extend_one_period", "cancel_now"]
    change_list_template = "admin/subscriptions/subscription/change_list.html"
    history_list_display = ["ends_at", "cancelled_at"]
    form = SubscriptionForm

    def has_delete_permission(self, request, obj=None):
        """Subscriptions end by cancellation, which keeps their history; they are never deleted here."""
        return False

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Old versions can be looked at, not saved back: changes go through subscriptions.services."""
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_readonly_fields(self, request, obj=None):
        """After granting, only the end date is edited here; cancelling is an action."""
        if obj is None:
            return ["cancelled_at"]
        return ["reader", "plan", "starts_at", "cancelled_at", "source", "external_id"]

    @admin.display(description=_("status"))
    def status(self, obj):
        return obj.status_label

    def save_model(self, request, obj, form, change):
        if not change:
            granted = services.grant(
                obj.reader, obj.plan, starts_at=obj.starts_at, ends_at=obj.ends_at, source=obj.source,
                external_id=obj.external_id, by=request.user, reason=_("granted in the admin"),
            )
            obj.pk = granted.pk  # the admin's messages and log name the saved subscription
        elif "ends_at" in form.changed_data:
            services.set_end(obj, obj.ends_at, by=request.user, reason=_("end date changed in the admin"))

    @admin.action(description=_("Extend by one billing period"), permissions=["change"])
    def extend_one_period(self, request, queryset):
        for subscription in queryset:
            services.extend(subscription, by=request.user, reason=_("extended in the admin"))
        messages.success(request, ngettext("%(count)d subscription extended.", "%(count)d subscriptions extended.", len(queryset)) % {"count": len(queryset)})

    @admin.action(description=_("Cancel now"), permissions=["change"])
    def cancel_now(self, request, queryset):
        running = queryset.filter(cancelled_at__isnull=True)
        count = len(running)
        for subscription in running:
            services.cancel(subscription, by=request.user, reason=_("cancelled in the admin"))
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
                results = import_subscriptions(
                    form.cleaned_data["csv_file"].read(), dry_run=form.cleaned_data["dry_run"], by=request.user
                )
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

    def save_model(self, request, obj, form, change):
        """A domain taken off the licence, or its end, frees the seats it gave."""
        super().save_model(request, obj, form, change)
        if change:
            services.release_seats(obj)

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


class MatchedFilter(admin.SimpleListFilter):
    title = _("assignment")
    parameter_name = "matched"

    def lookups(self, request, model_admin):
        return [("no", _("not assigned to a contract, not handled")), ("yes", _("assigned to a contract"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(subscription__isnull=True, handled_at__isnull=True)
        if self.value() == "yes":
            return queryset.filter(subscription__isnull=False)
        return queryset


class DeclarationAdmin(admin.ModelAdmin):
    """Declarations as readers made them; those not assigned automatically wait here for staff."""

    list_filter = [MatchedFilter]
    search_fields = ["name", "account_email", "confirmation_email", "customer_number"]
    actions = ["mark_handled"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields if field.name != "id"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # a declaration is evidence

    @admin.action(description=_("Mark as handled by hand"), permissions=["change"])
    def mark_handled(self, request, queryset):
        done = queryset.filter(handled_at__isnull=True).update(handled_at=timezone.now())
        messages.success(request, ngettext(
            "%(count)d declaration marked as handled.", "%(count)d declarations marked as handled.", done
        ) % {"count": done})


@admin.register(Termination)
class TerminationAdmin(DeclarationAdmin):
    list_display = ["declared_at", "name", "account_email", "kind", "subscription", "effective_at", "handled_at"]
    list_filter = [MatchedFilter, "kind"]


@admin.register(Withdrawal)
class WithdrawalAdmin(DeclarationAdmin):
    """Withdrawals: a contract withdrawn in time has ended; what the reader paid is refunded within 14 days."""

    list_display = ["declared_at", "name", "account_email", "subscription", "in_time", "handled_at"]
    list_filter = [MatchedFilter, "in_time"]
