from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.hashers import make_password
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.cache import never_cache
from django_ratelimit.decorators import ratelimit

from orders.models import Order
from orders.stripe_billing import allow_forms_to_stripe
from subscriptions import declarations
from subscriptions.access import reader_for

from .emails import send_already_registered, send_confirmation
from .forms import SignupForm

User = get_user_model()


SIGNUP_SESSION_KEY = "signup"


@never_cache
@ratelimit(key="ip", rate="10/h", method="POST", block=True)
def signup(request):
    """Mail a confirmation link; the answer, and the time it takes, never reveal whether an address is known.

    The chosen password is not given to the account yet: it waits, hashed, in
    this browser's session, and only a confirmation from this browser applies
    it. Whoever confirms from elsewhere (say, the owner of an address that an
    attacker signed up with) chooses their own password instead.
    """
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        password_hash = make_password(form.cleaned_data["password"])  # on every path, so both cost the same
        with transaction.atomic():
            user, _created = User.objects.get_or_create(
                username=email, defaults={"email": email, "is_active": False, "password": make_password(None)}
            )
        if user.is_active:
            send_already_registered(request, user)
        else:
            request.session[SIGNUP_SESSION_KEY] = {"email": email, "password": password_hash}
            send_confirmation(request, user)
        return redirect("accounts:signup_done")
    return render(request, "accounts/signup.html", {"form": form})


def signup_done(request):
    return render(request, "accounts/signup_done.html")


@never_cache
def confirm(request, uidb64, token):
    """Activate the account behind a valid link; the password is the one chosen in this browser, or chosen now."""
    try:
        user = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "accounts/confirm_invalid.html", status=400)
    pending = request.session.get(SIGNUP_SESSION_KEY) or {}
    form = None
    if pending.get("email") == user.email and not user.is_active:
        user.password = pending["password"]
    elif user.is_active and user.has_usable_password():
        pass  # confirmed before: the link just logs the owner in again
    else:
        form = SetPasswordForm(user, request.POST if request.method == "POST" else None)
        if not (request.method == "POST" and form.is_valid()):
            return render(request, "accounts/confirm_set_password.html", {"form": form}, status=200)
        form.save(commit=False)
    user.is_active = True
    user.save()
    request.session.pop(SIGNUP_SESSION_KEY, None)
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
        "order": Order.objects.filter(subscription=reader.subscription).prefetch_related("invoices").first()
        if reader.subscription else None,
        "withdrawal_deadline": (
            declarations.withdrawal_deadline(reader.subscription)
            if reader.subscription and declarations.can_withdraw(reader.subscription) else None
        ),
    }
    return allow_forms_to_stripe(render(request, "accounts/account.html", context))
