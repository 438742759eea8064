from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django_ratelimit.decorators import ratelimit

from . import views
from .forms import EmailAuthenticationForm

app_name = "accounts"
urlpatterns = [
    path("", views.account, name="account"),
    path("registrieren/", views.signup, name="signup"),
    path("registrieren/bestaetigen/", views.signup_done, name="signup_done"),
    path("bestaetigen/<str:uidb64>/<str:token>/", views.confirm, name="confirm"),
    path(
        "anmelden/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=EmailAuthenticationForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "passwort/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change_form.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path("passwort/geaendert/", auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"), name="password_change_done"),
    path(
        "passwort-vergessen/",
        ratelimit(key="ip", rate="5/h", method="POST", block=True)(auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset_form.html",
            success_url=reverse_lazy("accounts:password_reset_done"),
            email_template_name="accounts/email/password_reset_body.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
        )),
        name="password_reset",
    ),
    path("passwort-vergessen/gesendet/", auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"), name="password_reset_done"),
    path(
        "passwort-neu/<str:uidb64>/<str:token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path("passwort-neu/fertig/", auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"), name="password_reset_complete"),
]
