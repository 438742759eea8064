import re

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, UsernameField
from django.utils.translation import gettext_lazy as _

from .models import Order, PaymentMethod
from .providers import available_methods

COUNTRIES = [("DE", _("Germany")), ("AT", _("Austria")), ("CH", _("Switzerland")), ("LU", _("Luxembourg"))]
VAT_ID = re.compile(r"[A-Z]{2}[A-Z0-9]{2,12}")
POSTCODE_DIGITS = {"DE": 5, "AT": 4, "CH": 4, "LU": 4}


class LoginForm(AuthenticationForm):
    """Readers log in with their e-mail address, which is their user name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="login_%s", **kwargs)  # beside the new-account form on one page

    username = UsernameField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autofocus": True}))


class NewReaderForm(forms.Form):
    """A reader account made inside the order, so nobody has to leave it for a confirmation e-mail first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="new_%s", **kwargs)

    email = forms.EmailField(label=_("E-mail address"))
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(username__iexact=email).exists():
            raise forms.ValidationError(_(
                "There is an account for this address already: please log in with it above. If it has no password yet "
                "(say, your subscription came from elsewhere), activate it first with “Register”: you get an e-mail."
            ))
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password


class BillingForm(forms.ModelForm):
    country = forms.ChoiceField(label=_("country"), choices=COUNTRIES, initial="DE")

    class Meta:
        model = Order
        fields = ["name", "company", "vat_id", "street", "postcode", "city", "country"]
        help_texts = {
            "company": _("Optional, for business customers and institutions."),
            "vat_id": _("Optional, e.g. DE123456789."),
        }

    def clean_vat_id(self):
        vat_id = re.sub(r"[\s.-]", "", self.cleaned_data["vat_id"]).upper()
        if vat_id and not VAT_ID.fullmatch(vat_id):
            raise forms.ValidationError(_("This does not look like a VAT ID, e.g. DE123456789."))
        return vat_id

    def clean(self):
        cleaned_data = super().clean()
        postcode, country = cleaned_data.get("postcode", ""), cleaned_data.get("country")
        if postcode and country in POSTCODE_DIGITS and not re.fullmatch(rf"[0-9]{{{POSTCODE_DIGITS[country]}}}", postcode):
            self.add_error("postcode", _("A postcode in this country has %(digits)s digits.") % {"digits": POSTCODE_DIGITS[country]})
        return cleaned_data

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip()
        if not re.fullmatch(r"[0-9A-Za-z -]{3,10}", postcode):
            raise forms.ValidationError(_("Please enter a postcode."))
        return postcode


class PaymentForm(forms.Form):
    method = forms.ChoiceField(label=_("Payment method"), widget=forms.RadioSelect, initial=PaymentMethod.INVOICE.value)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = [(method.value, method.label) for method in available_methods()]


class ConfirmForm(forms.Form):
    early_start = forms.BooleanField(
        label=_(
            "I expressly ask that my access starts at once, before the withdrawal period has ended. I know that if I "
            "withdraw, I pay for the time until then."
        ),
        error_messages={"required": _("Without this consent the access cannot start before the withdrawal period ends.")},
    )
