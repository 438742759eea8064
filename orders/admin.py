import csv

from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import Invoice, Order


class InvoiceInline(admin.TabularInline):
    model = Invoice
    fields = ["number", "amount", "period_start", "period_end", "due_at", "paid_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    """Orders as readers placed them: the contract is evidence and is not edited."""

    list_display = ["number", "ordered_at", "name", "company", "plan", "price", "payment_method"]
    list_filter = ["payment_method", "plan"]
    search_fields = ["name", "company", "reader__email", "city"]
    inlines = [InvoiceInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Order._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PaymentFilter(admin.SimpleListFilter):
    title = _("payment")
    parameter_name = "payment"

    def lookups(self, request, model_admin):
        return [("open", _("open")), ("overdue", _("overdue")), ("paid", _("paid"))]

    def queryset(self, request, queryset):
        chosen = {
            "open": lambda: queryset.open(), "overdue": lambda: queryset.overdue(),
            "paid": lambda: queryset.filter(paid_at__isnull=False),
        }
        return chosen[self.value()]() if self.value() in chosen else queryset


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    """Invoices for orders paid by invoice: staff mark them paid and export them for accounting."""

    list_display = ["number", "issued_at", "customer", "amount", "due_at", "paid_at"]
    list_filter = [PaymentFilter]
    search_fields = ["order__name", "order__company", "order__reader__email"]
    list_select_related = ["order"]
    actions = ["mark_paid", "export_csv"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Invoice._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("customer"))
    def customer(self, invoice):
        return invoice.order.company or invoice.order.name

    @admin.action(description=_("Mark the selected invoices as paid"), permissions=["change"])
    def mark_paid(self, request, queryset):
        open_ones = list(queryset.open())
        for invoice in open_ones:
            services.mark_paid(invoice)
        messages.success(request, ngettext("%(count)d invoice marked as paid.", "%(count)d invoices marked as paid.", len(open_ones))
                         % {"count": len(open_ones)})

    @admin.action(description=_("Export the selected invoices as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="rechnungen-{timezone.localdate():%Y-%m-%d}.csv"'
        writer = csv.writer(response, delimiter=";")
        writer.writerow(["Rechnungsnummer", "Datum", "Bestellung", "Name", "Firma", "USt-IdNr.", "Straße", "PLZ", "Ort",
                         "Land", "Betrag", "Fällig", "Bezahlt"])
        for invoice in queryset.select_related("order"):
            order = invoice.order
            writer.writerow([
                invoice.number, f"{timezone.localtime(invoice.issued_at):%d.%m.%Y}", order.number, *safe([
                    order.name, order.company, order.vat_id, order.street, order.postcode, order.city,
                ]), order.country, f"{invoice.amount:.2f}".replace(".", ","), f"{timezone.localtime(invoice.due_at):%d.%m.%Y}",
                f"{timezone.localtime(invoice.paid_at):%d.%m.%Y}" if invoice.paid_at else "",
            ])
        return response


def safe(values):
    """Cells a spreadsheet would run as formulas start with a quote instead (CSV injection)."""
    return [f"'{value}" if value[:1] in ("=", "+", "-", "@") else value for value in values]
