"""The site's legal pages: Impressum, Datenschutzerklärung and Barrierefreiheitserklärung.

Each is one record, created by a data migration and edited by the Chefredaktion in the admin.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .fields import LegalTextField

validate_vat_id = RegexValidator(
    r"^[A-Z]{2}[0-9A-Z]{8,12}$",
    _("Enter the VAT ID as it is issued: country code and number without spaces, e.g. DE123456789."),
    code="invalid_vat_id",
)


class SitePage(models.Model):
    """One record per page; the first one is the page readers see."""

    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    url_name = None  # the page's URL name in newsroom/urls.py

    class Meta:
        abstract = True

    @classmethod
    def current(cls):
        """The record the site shows, or None before the data migration ran."""
        return cls.objects.order_by("pk").first()

    def get_absolute_url(self):
        return reverse(self.url_name)


class LegalNotice(SitePage):
    """The Impressum: provider information under § 5 DDG and the person responsible under § 18 Abs. 2 MStV."""

    company_name = models.CharField(
        _("company name"), max_length=200,
        help_text=_("The publisher's name as entered in the commercial register, e.g. “Fachverlag Beispiel GmbH”."),
    )
    legal_form = models.CharField(
        _("legal form"), max_length=100, help_text=_("Written out, e.g. “Gesellschaft mit beschränkter Haftung”.")
    )
    street = models.CharField(_("street and number"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=100, default="Deutschland")
    phone = models.CharField(
        _("phone"), max_length=40, help_text=_("A number where readers reach someone quickly, e.g. +49 30 1234567-0.")
    )
    email = models.EmailField(_("e-mail"))
    represented_by = models.CharField(
        _("represented by"), max_length=300,
        help_text=_("Who may represent the company: the managing directors of a GmbH, names separated by commas."),
    )
    register_court = models.CharField(
        _("register court"), max_length=100, blank=True, help_text=_("E.g. “Amtsgericht Charlottenburg”.")
    )
    register_number = models.CharField(_("register number"), max_length=50, blank=True, help_text=_("E.g. “HRB 123456 B”."))
    vat_id = models.CharField(
        _("VAT ID"), max_length=14, blank=True, validators=[validate_vat_id],
        help_text=_("Umsatzsteuer-Identifikationsnummer under § 27a UStG, e.g. DE123456789."),
    )
    responsible_name = models.CharField(
        _("responsible person"), max_length=200,
        help_text=_("The person responsible for the content under § 18 Abs. 2 MStV: a natural person, not the company."),
    )
    responsible_address = models.TextField(
        _("address of the responsible person"),
        help_text=_("Street, postal code and city, one per line. The law asks for an address, not only a name."),
    )
    extra_text = LegalTextField(
        _("further information"), blank=True,
        help_text=_("Optional, shown below the rest: e.g. the note on consumer dispute resolution."),
    )

    url_name = "impressum"
    # What migration 0004 wrote into the fields of a database that had no Impressum in them yet.
    PLACEHOLDER = "BITTE AUSFÜLLEN"

    class Meta:
        verbose_name = _("legal notice")
        verbose_name_plural = _("legal notices")

    def __str__(self):
        return str(_("Legal notice"))

    @property
    def is_filled_in(self):
        """False while a field still holds the migration's placeholder."""
        return not any(
            self.PLACEHOLDER in str(getattr(self, field.attname) or "")
            for field in self._meta.concrete_fields if isinstance(field, (models.CharField, models.TextField))
        )

    def clean(self):
        if bool(self.register_court) != bool(self.register_number):
            raise ValidationError(
                _("Enter both the register court and the register number, or neither."), code="incomplete_register"
            )


class PrivacyPolicy(SitePage):
    """The Datenschutzerklärung."""

    text = LegalTextField(_("text"), help_text=_("The whole privacy policy, with a heading for each section."))

    url_name = "privacy"

    class Meta:
        verbose_name = _("privacy policy")
        verbose_name_plural = _("privacy policies")

    def __str__(self):
        return str(_("Privacy policy"))


class AccessibilityStatement(SitePage):
    """The Barrierefreiheitserklärung under the BFSG, with the contact for feedback on barriers."""

    text = LegalTextField(
        _("text"),
        help_text=_("How accessible the site is, what is not yet accessible and why, and the enforcement procedure."),
    )
    contact_email = models.EmailField(
        _("feedback e-mail"), help_text=_("Where readers report barriers. Shown below the text.")
    )
    contact_phone = models.CharField(_("feedback phone"), max_length=40, blank=True)
    statement_date = models.DateField(
        _("date of the statement"), help_text=_("When the statement was last checked against the site.")
    )

    url_name = "accessibility"

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def __str__(self):
        return str(_("Accessibility statement"))
