from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=150)
    password = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password_again = forms.CharField(
        label=_("Password (again)"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned_data = super().clean()
        password, again = cleaned_data.get("password"), cleaned_data.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", forms.ValidationError(_("The two passwords differ."), code="mismatch"))
        if password and cleaned_data.get("email"):
            user = get_user_model()(username=cleaned_data["email"], email=cleaned_data["email"])
            try:
                password_validation.validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned_data


class EmailAuthenticationForm(AuthenticationForm):
    """Readers log in with their e-mail address, which is also their username."""

    username = forms.CharField(label=_("E-mail address"), max_length=150, widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}))

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("E-mail address or password is not right. Please try again."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()
