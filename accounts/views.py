from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.cache import never_cache

from subscriptions.access import reader_for

from .emails import send_already_registered, send_confirmation
from .forms import SignupForm

User = get_user_model()


@never_cache
def signup(request):
    """Create an inactive account and mail a confirmation link; the answer never reveals known addresses."""
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        with transaction.atomic():
            user = User.objects.select_for_update().filter(username=email).first()
            if user is None:
                user = User(username=email, email=email, is_active=False)
            if not user.is_active:
                # The latest sign-up sets the password; earlier links stop working with it.
                user.set_password(form.cleaned_data["password"])
                user.save()
        if user.is_active:
            send_already_registered(request, user)
        else:
            send_confirmation(request, user)
        return redirect("accounts:signup_done")
    return render(request, "accounts/signup.html", {"form": form})


def signup_done(request):
    return render(request, "accounts/signup_done.html")


@never_cache
def confirm(request, uidb64, token):
    """Activate the account behind a valid confirmation link and log the reader in."""
    try:
        user = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "accounts/confirm_invalid.html", status=400)
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return render(request, "accounts/confirm_done.html")


@never_cache
@login_required
def account(request):
    reader = reader_for(request)
    context = {
        "reader": reader,
        "subscription": reader.subscription,
        "latest_subscription": request.user.subscriptions.select_related("plan").first(),
        "meter_left": reader.meter_left(),
    }
    return render(request, "accounts/account.html", context)
