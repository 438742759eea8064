import ipaddress
from calendar import monthrange

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Plan(models.Model):
    """A subscription offer ("Abo") as shown on /abo/."""

    class Period(models.TextChoices):
        MONTH = "month", _("per month")
        YEAR = "year", _("per year")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("code"), max_length=100, unique=True, help_text=_("Used in imports and by the payment system."))
    description = models.TextField(_("description"), blank=True)
    price = models.DecimalField(_("price in euros"), max_digits=8, decimal_places=2)
    billing_period = models.CharField(_("billing period"), max_length=10, choices=Period.choices, default=Period.MONTH)
    benefits = models.TextField(_("benefits"), blank=True, help_text=_("One benefit per line."))
    cta_label = models.CharField(_("button text"), max_length=60, default="Jetzt abonnieren")
    cta_url = models.URLField(
        _("order link"), blank=True, help_text=_("Only for a shop elsewhere: empty, readers order on this site."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "price"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self):
        return self.name

    @property
    def benefit_list(self):
        return [line.strip() for line in self.benefits.splitlines() if line.strip()]

    def term_end(self, start):
        """When one billing period that begins at ``start`` ends (31 January + one month = 28/29 February)."""
        months = 12 if self.billing_period == self.Period.YEAR else 1
        year, month = divmod(start.month - 1 + months, 12)
        year, month = start.year + year, month + 1
        return start.replace(year=year, month=month, day=min(start.day, monthrange(year, month)[1]))


class SubscriptionQuerySet(models.QuerySet):
    def active(self, now=None):
        """Subscriptions that grant access right now."""
        now = now or timezone.now()
        return self.filter(starts_at__lte=now, ends_at__gt=now, cancelled_at__isnull=True)


class Subscription(models.Model):
    class Source(models.TextChoices):
        ADMIN = "admin", _("granted in the admin")
        IMPORT = "import", _("CSV import")
        WEBHOOK = "webhook", _("payment system")
        ORDER = "order", _("order on the site")

    # Accounting keeps subscription records: a reader with subscriptions is anonymised, never deleted.
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reader"), on_delete=models.PROTECT, related_name="subscriptions"
    )
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="subscriptions")
    starts_at = models.DateTimeField(_("start"), default=timezone.now)
    ends_at = models.DateTimeField(_("end"))
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    terminated_at = models.DateTimeField(
        _("terminated on"), null=True, blank=True,
        help_text=_("When the reader terminated it; access runs until the end, and then it is not renewed."),
    )
    payment_failed_at = models.DateTimeField(
        _("payment failed"), null=True, blank=True,
        help_text=_("Set while the payment provider cannot collect a renewal; access runs through the grace period."),
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.ADMIN)
    external_id = models.CharField(
        _("external id"), max_length=100, blank=True, help_text=_("The payment system's id of this subscription.")
    )

    objects = SubscriptionQuerySet.as_manager()
    # Who changed a subscription and why: written by subscriptions.services.
    history = HistoricalRecords()

    class Meta:
        ordering = ["-ends_at"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["external_id"], condition=~Q(external_id=""), name="unique_external_subscription"),
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="subscription_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.reader} – {self.plan}"

    @property
    def is_active(self):
        now = timezone.now()
        return self.cancelled_at is None and self.starts_at <= now < self.ends_at

    @property
    def contract_number(self):
        """The number a reader sees on the account page and quotes when terminating."""
        return f"V-{self.pk:06d}"

    @property
    def status_label(self):
        if self.cancelled_at is not None:
            return _("cancelled")
        if self.terminated_at is not None and self.is_active:
            return _("terminated as of %(date)s") % {"date": timezone.localtime(self.ends_at).strftime("%d.%m.%Y")}
        if self.starts_at > timezone.now():
            return _("not started yet")
        if self.payment_failed_at is not None and self.is_active:
            return _("payment outstanding, access until %(date)s") % {"date": timezone.localtime(self.ends_at).strftime("%d.%m.%Y")}
        return _("active") if self.is_active else _("expired")


class Declaration(models.Model):
    """What a reader declares about a contract without logging in, kept as declared.

    ``subscriptions.declarations`` matches it to a subscription by the
    account's e-mail address, executes it and confirms it by e-mail; what it
    cannot match waits for staff in the admin.
    """

    name = models.CharField(_("first and last name"), max_length=150)
    account_email = models.EmailField(_("e-mail address of the customer account"))
    customer_number = models.CharField(_("customer or contract number"), max_length=50, blank=True)
    contract = models.CharField(_("contract"), max_length=150)
    confirmation_email = models.EmailField(_("e-mail address for the confirmation"))
    declared_at = models.DateTimeField(_("declared at"), default=timezone.now)
    subscription = models.ForeignKey(
        Subscription, verbose_name=_("subscription"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    effective_at = models.DateTimeField(_("effective as of"), null=True, blank=True)
    handled_at = models.DateTimeField(_("handled by staff"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-declared_at"]

    def __str__(self):
        return f"{self._meta.verbose_name}: {self.name} ({self.declared_at:%d.%m.%Y %H:%M})"


class Termination(Declaration):
    """A termination declared with "Verträge hier kündigen" (§ 312k BGB)."""

    class Kind(models.TextChoices):
        ORDINARY = "ordinary", _("ordinary termination")
        EXTRAORDINARY = "extraordinary", _("extraordinary termination (for good cause)")

    kind = models.CharField(_("kind of termination"), max_length=20, choices=Kind.choices, default=Kind.ORDINARY)
    reason = models.TextField(_("reason for the extraordinary termination"), blank=True)
    requested_date = models.DateField(_("terminate as of"), null=True, blank=True)

    class Meta(Declaration.Meta):
        verbose_name = _("termination")
        verbose_name_plural = _("terminations")


class Withdrawal(Declaration):
    """A withdrawal declared with "Vertrag widerrufen" (§ 356a BGB); within 14 days it ends the contract at once."""

    in_time = models.BooleanField(_("within the withdrawal period"), default=False)

    class Meta(Declaration.Meta):
        verbose_name = _("withdrawal")
        verbose_name_plural = _("withdrawals")


class MeteredRead(models.Model):
    """A premium article a registered reader opened through the monthly meter; counted once per month."""

    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="metered_reads")
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"))
    read_at = models.DateTimeField(_("read"), auto_now_add=True)

    class Meta:
        verbose_name = _("metered read")
        verbose_name_plural = _("metered reads")
        constraints = [models.UniqueConstraint(fields=["reader", "article", "month"], name="one_metered_read_per_month")]
        indexes = [models.Index(fields=["reader", "month"])]


def validate_networks(value):
    for line in value.splitlines():
        if line.strip():
            try:
                ipaddress.ip_network(line.strip(), strict=False)
            except ValueError:
                raise ValidationError(_("“%(line)s” is not an IP range like 192.0.2.0/24."), params={"line": line.strip()})


class LicenceQuerySet(models.QuerySet):
    def valid(self, now=None):
        now = now or timezone.now()
        return self.filter(is_active=True, starts_at__lte=now, ends_at__gt=now)

    def current_and_coming(self):
        """Licences valid now or later, as a list to cache; ``Licence.is_valid`` picks the valid ones."""
        return list(self.filter(is_active=True, ends_at__gt=timezone.now()))


class Licence(models.Model):
    """An institutional licence: readers from an organisation's network or e-mail domains read premium articles."""

    organisation = models.CharField(_("organisation"), max_length=150)
    ip_ranges = models.TextField(
        _("IP ranges"), blank=True, validators=[validate_networks], help_text=_("One range per line in CIDR notation, e.g. 192.0.2.0/24.")
    )
    email_domains = models.TextField(_("e-mail domains"), blank=True, help_text=_("One domain per line, e.g. klinikum-beispiel.de."))
    seat_limit = models.PositiveIntegerField(
        _("seats"), default=10, help_text=_("How many registered readers may use the licence through their e-mail domain.")
    )
    starts_at = models.DateTimeField(_("valid from"), default=timezone.now)
    ends_at = models.DateTimeField(_("valid until"))
    is_active = models.BooleanField(_("active"), default=True)
    seats = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("readers using a seat"), blank=True, related_name="licences")

    objects = LicenceQuerySet.as_manager()

    class Meta:
        ordering = ["organisation"]
        verbose_name = _("institutional licence")
        verbose_name_plural = _("institutional licences")

    def __str__(self):
        return self.organisation

    @property
    def networks(self):
        return [ipaddress.ip_network(line.strip(), strict=False) for line in self.ip_ranges.splitlines() if line.strip()]

    @property
    def domains(self):
        return {line.strip().lower().lstrip("@") for line in self.email_domains.splitlines() if line.strip()}

    def is_valid(self, now=None):
        """The rule of ``LicenceQuerySet.valid`` for one licence."""
        now = now or timezone.now()
        return self.is_active and self.starts_at <= now < self.ends_at

    def covers_address(self, address):
        return any(address in network for network in self.networks if network.version == address.version)


class WebhookEvent(models.Model):
    """A processed event from the payment system; its id makes redelivery harmless."""

    event_id = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=50)
    received_at = models.DateTimeField(auto_now_add=True)
    payload = models.JSONField()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("webhook event")
        verbose_name_plural = _("webhook events")

    def __str__(self):
        return f"{self.kind} {self.event_id}"
