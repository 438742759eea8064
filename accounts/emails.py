from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def send_confirmation(request, user):
    """Mail the signed link that activates a new account."""
    path = reverse(
        "accounts:confirm",
        args=[urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)],
    )
    context = {"user": user, "link": request.build_absolute_uri(path), "site_name": settings.SITE_NAME}
    send_mail(
        render_to_string("accounts/email/confirm_subject.txt", context).strip(),
        render_to_string("accounts/email/confirm_body.txt", context),
        None,
        [user.email],
    )


def send_already_registered(request, user):
    """Someone signed up with an address that has an active account: tell its owner, not the visitor."""
    context = {"user": user, "login": request.build_absolute_uri(reverse("accounts:login")),
               "reset": request.build_absolute_uri(reverse("accounts:password_reset")), "site_name": settings.SITE_NAME}
    send_mail(
        render_to_string("accounts/email/already_registered_subject.txt", context).strip(),
        render_to_string("accounts/email/already_registered_body.txt", context),
        None,
        [user.email],
    )
