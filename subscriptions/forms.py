from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Termination, Withdrawal


# What identifies the customer and the contract, on both declaration pages.
IDENTIFYING_HELP = {
    "account_email": _("The address you use for your account with us."),
    "customer_number": _("Optional, if you have it at hand: it is on your invoices and your account page."),
    "contract": _("For example the name of your subscription."),
}


class TerminationForm(forms.ModelForm):
    """Exactly what § 312k Abs. 2 BGB lets a termination page ask for, and nothing else."""

    class Meta:
        model = Termination
        fields = [
            "kind", "reason", "name", "account_email", "customer_number", "contract", "requested_date", "confirmation_email",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "reason": forms.Textarea(attrs={"rows": 3}),
            "requested_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {**IDENTIFYING_HELP, "requested_date": _("Leave empty for the next possible date.")}

    def clean_requested_date(self):
        date = self.cleaned_data.get("requested_date")
        if date is not None and date < timezone.localdate():
            raise forms.ValidationError(_("The date lies in the past. Leave the field empty for the next possible date."))
        return date

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("kind") == Termination.Kind.EXTRAORDINARY and not cleaned_data.get("reason", "").strip():
            self.add_error("reason", _("Please give the reason for an extraordinary termination."))
        return cleaned_data


class WithdrawalForm(forms.ModelForm):
    """What § 356a Abs. 2 BGB lets a withdrawal page ask for: who, which contract, where the confirmation goes."""

    class Meta:
        model = Withdrawal
        fields = ["name", "account_email", "customer_number", "contract", "confirmation_email"]
        help_texts = IDENTIFYING_HELP
