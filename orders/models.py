from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from subscriptions.models import Plan, Subscription


class PaymentMethod(models.TextChoices):
    INVOICE = "invoice", _("Invoice")
    CARD = "card", _("Credit card")
    SEPA_DEBIT = "sepa_debit", _("SEPA direct debit")


class Order(models.Model):
    """A subscription bought on the site, with the contract as the reader saw it when ordering."""

    reader = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reader"), on_delete=models.PROTECT, related_name="orders")
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="orders")
    price = models.DecimalField(_("price in euros"), max_digits=8, decimal_places=2)
    billing_period = models.CharField(_("billing period"), max_length=10, choices=Plan.Period.choices)
    name = models.CharField(_("first and last name"), max_length=150)
    company = models.CharField(_("company or institution"), max_length=150, blank=True)
    vat_id = models.CharField(_("VAT ID"), max_length=20, blank=True)
    street = models.CharField(_("street and number"), max_length=150)
    postcode = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=2, default="DE")
    payment_method = models.CharField(_("payment method"), max_length=20, choices=PaymentMethod.choices)
    early_start_consent_at = models.DateTimeField(
        _("consented to the early start"), help_text=_("§ 356 Abs. 5 BGB: the service starts before the withdrawal period ends."),
    )
    ordered_at = models.DateTimeField(_("ordered at"), default=timezone.now)
    subscription = models.OneToOneField(
        Subscription, verbose_name=_("subscription"), on_delete=models.PROTECT, null=True, blank=True, related_name="order"
    )
    payment_details = models.CharField(
        _("payment details"), max_length=100, blank=True, help_text=_("What the reader chose to pay with, e.g. “IBAN •••• 3000”."),
    )
    # The reader and the subscription at the payment provider, for card and SEPA direct debit.
    provider_customer_id = models.CharField(_("customer at the payment provider"), max_length=100, blank=True)
    provider_subscription_id = models.CharField(
        _("subscription at the payment provider"), max_length=100, blank=True, db_index=True,
    )
    confirmation_sent_at = models.DateTimeField(_("contract sent"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    refund_id = models.CharField(_("refund at the payment provider"), max_length=100, blank=True)
    # One per visit to the order flow: the same order button pressed twice places one order.
    checkout_key = models.CharField(max_length=32, unique=True, null=True, editable=False)

    class Meta:
        ordering = ["-ordered_at"]
        verbose_name = _("order")
        verbose_name_plural = _("orders")

    def __str__(self):
        return f"{self.number} – {self.name}"

    @property
    def number(self):
        return f"B-{self.pk:06d}"

    @property
    def has_started(self):
        """Its provider took it on: access granted (invoice) or a subscription created at Stripe."""
        return self.subscription_id is not None or bool(self.provider_subscription_id)


class InvoiceQuerySet(models.QuerySet):
    def open(self):
        return self.filter(paid_at__isnull=True, cancelled_at__isnull=True)

    def overdue(self, now=None):
        return self.open().filter(due_at__lt=now or timezone.now())


class Invoice(models.Model):
    """A bill for one period of an order paid by invoice; staff mark it paid when the money has come."""

    order = models.ForeignKey(Order, verbose_name=_("order"), on_delete=models.PROTECT, related_name="invoices")
    amount = models.DecimalField(_("amount in euros"), max_digits=8, decimal_places=2)
    period_start = models.DateTimeField(_("period from"))
    period_end = models.DateTimeField(_("period until"))
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    due_at = models.DateTimeField(_("due"))
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = InvoiceQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0), name="invoice_amount_not_negative")]

    def __str__(self):
        return self.number

    @property
    def number(self):
        """Unique and rising with each invoice, as German invoices must be."""
        return f"RE-{timezone.localtime(self.issued_at):%Y}-{self.pk:06d}"
