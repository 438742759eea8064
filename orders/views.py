"""The order flow: plan → account → billing details → payment method → summary → "zahlungspflichtig bestellen".

What the reader entered waits in their session between the steps, so going
back and forth or a validation error loses nothing.
"""

import logging
import uuid

import stripe
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit

from subscriptions.models import Plan, Subscription

from . import providers, services, stripe_billing
from .forms import COUNTRIES, BillingForm, ConfirmForm, LoginForm, NewReaderForm, PaymentForm
from .models import Order, PaymentMethod

logger = logging.getLogger(__name__)
PROVIDER_DOWN = _("The payment service did not answer. Everything you entered is kept: please try again in a moment.")

SESSION_KEY = "order"
TOKEN_SALT = "orders.confirmation"
STEPS = [
    ("account", _("Account")), ("billing", _("Billing details")), ("payment", _("Payment")), ("summary", _("Check and order")),
]


def _page(request, step, plan, **context):
    return render(request, f"orders/{step}.html", {"plan": plan, "step": step, "order_steps": STEPS, **context})


def _plan(slug):
    return get_object_or_404(Plan, slug=slug, is_active=True)


def _state(request, plan):
    """What the reader entered so far for ``plan`` (a different plan starts afresh)."""
    state = request.session.get(SESSION_KEY) or {}
    return state if state.get("plan") == plan.slug else {"plan": plan.slug}


def _remember(request, state):
    request.session[SESSION_KEY] = state


def _step(name, plan):
    return redirect(f"orders:{name}", slug=plan.slug)


@never_cache
@ratelimit(key="ip", rate="30/h", method="POST", block=True)
def account(request, slug):
    """Step 1: log in, or make the account right here."""
    plan = _plan(slug)
    if request.user.is_authenticated:
        return _step("billing", plan)
    login_form = LoginForm(request, request.POST if request.POST.get("step") == "login" else None)
    new_form = NewReaderForm(request.POST if request.POST.get("step") == "new" else None)
    if request.method == "POST" and login_form.is_bound and login_form.is_valid():
        login(request, login_form.get_user())
        return _step("billing", plan)
    if request.method == "POST" and new_form.is_bound and new_form.is_valid():
        email = new_form.cleaned_data["email"]
        reader = get_user_model().objects.create_user(username=email, email=email, password=new_form.cleaned_data["password"])
        login(request, reader, backend="django.contrib.auth.backends.ModelBackend")
        return _step("billing", plan)
    return _page(request, "account", plan, login_form=login_form, new_form=new_form)


def _reader_required(view):
    def wrapped(request, slug):
        plan = _plan(slug)
        if not request.user.is_authenticated:
            return _step("account", plan)
        return view(request, plan)

    return never_cache(wrapped)


@_reader_required
def billing(request, plan):
    """Step 2: who the contract is with and where the invoice goes."""
    state = _state(request, plan)
    form = BillingForm(request.POST if request.method == "POST" else None, initial=state.get("billing"))
    if request.method == "POST" and form.is_valid():
        _remember(request, {**state, "billing": form.cleaned_data, "key": state.get("key") or uuid.uuid4().hex})
        return _step("payment", plan)
    return _page(request, "billing", plan, form=form)


@_reader_required
def payment(request, plan):
    """Step 3: how to pay; card and IBAN are entered on Stripe's page, which sends the reader back to step 4."""
    state = _state(request, plan)
    if "billing" not in state:
        return _step("billing", plan)
    form = PaymentForm(
        request.POST if request.method == "POST" else None, initial={"method": state.get("method") or PaymentMethod.INVOICE},
    )
    if request.method == "POST" and form.is_valid():
        method = form.cleaned_data["method"]
        state = {**state, "method": method, "payment": {}}
        if method == PaymentMethod.INVOICE:
            _remember(request, state)
            return _step("summary", plan)
        try:
            customer = stripe_billing.customer_for(request.user, state["billing"])
            checkout_url = stripe_billing.begin_setup(
                customer, method, success_url=request.build_absolute_uri(reverse("orders:summary", args=[plan.slug])),
                cancel_url=request.build_absolute_uri(reverse("orders:payment", args=[plan.slug])),
            )
        except stripe_billing.ProviderError:
            messages.error(request, PROVIDER_DOWN)
        else:
            _remember(request, {**state, "payment": {"customer": customer}})
            return redirect(checkout_url)
    available = providers.available_methods()
    unavailable = [method for method in PaymentMethod if method not in available]
    return stripe_billing.allow_forms_to_stripe(_page(
        request, "payment", plan, form=form, unavailable=unavailable, stripe_available=stripe_billing.is_configured(),
    ))


def _payment_entered(request, state):
    """Whether the reader has what the chosen method needs: nothing for an invoice, else what Checkout returned.

    Raises ProviderError when Stripe cannot tell what was entered.
    """
    if state["method"] == PaymentMethod.INVOICE:
        return True
    payment = state.get("payment") or {}
    session_id = request.GET.get("session_id", "")
    if session_id and payment.get("customer") and session_id != payment.get("session_id"):
        # Each different session id costs a call to Stripe: a few an hour are all a reader needs.
        if is_ratelimited(request, group="orders.checkout_return", key="user", rate="30/h", increment=True):
            return bool(payment.get("method_id"))
        if entered := stripe_billing.finish_setup(session_id, payment["customer"], state["method"]):
            payment = {**payment, "method_id": entered[0], "details": entered[1], "session_id": session_id}
            _remember(request, {**state, "payment": payment})
    return bool(payment.get("method_id"))


@_reader_required
def summary(request, plan):
    """Step 4: everything the contract says, the consent, and the button the law names."""
    state = _state(request, plan)
    if "method" not in state:
        return _step("payment" if "billing" in state else "billing", plan)
    try:
        entered = _payment_entered(request, state)
    except stripe_billing.ProviderError:
        messages.error(request, PROVIDER_DOWN)
        return _step("payment", plan)
    if not entered:
        messages.error(request, _("Please enter your payment details."))
        return _step("payment", plan)
    state = _state(request, plan)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            order = services.place(
                request.user, plan, state["billing"], state["method"], consented_at=timezone.now(),
                checkout_key=state.get("key") or uuid.uuid4().hex, payment=state.get("payment"),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _step("payment", plan)
        except stripe_billing.PaymentDeclined:
            messages.error(request, _("The payment was declined. Please choose another payment method or enter other details."))
            _remember(request, {**state, "payment": {}})
            return _step("payment", plan)
        except stripe_billing.ProviderError:
            messages.error(request, PROVIDER_DOWN)
        else:
            request.session.pop(SESSION_KEY, None)
            return redirect("orders:confirmed", token=signing.dumps(order.pk, salt=TOKEN_SALT))
    running = Subscription.objects.filter(reader=request.user).active().select_related("plan").first()
    return _page(
        request, "summary", plan, form=form, billing=state["billing"], method=PaymentMethod(state["method"]),
        country=dict(COUNTRIES).get(state["billing"].get("country"), ""),
        payment_details=(state.get("payment") or {}).get("details", ""), payment_term_days=providers.PAYMENT_TERM_DAYS,
        running=running,
    )


@never_cache
def confirmed(request, token):
    """The order as placed, for the reader who placed it."""
    try:
        pk = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        raise Http404
    order = get_object_or_404(Order.objects.select_related("plan", "subscription"), pk=pk, reader_id=request.user.pk)
    return render(request, "orders/confirmed.html", {"order": order, "invoice": order.invoices.first()})


@require_POST
def payment_portal(request):
    """Stripe's customer portal for the reader's latest card or SEPA order."""
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    order = (
        Order.objects.filter(reader=request.user).exclude(provider_customer_id="").order_by("-ordered_at").first()
    )
    if order is None or not stripe_billing.is_configured():
        raise Http404
    try:
        return redirect(stripe_billing.portal_url(order, request.build_absolute_uri(reverse("accounts:account"))))
    except stripe_billing.ProviderError:
        messages.error(request, PROVIDER_DOWN)
        return redirect("accounts:account")


@csrf_exempt
@require_POST
def stripe_webhook(request):
    # Not rate-limited per address: Stripe sends from few addresses, in bursts at renewal time;
    # the signature is checked first and costs nothing.
    """Stripe's events, authenticated by Stripe's signature; what they name is read back from Stripe."""
    if not stripe_billing.is_configured():
        raise Http404
    try:
        event_id = stripe_billing.handle_event(request.body, request.headers.get("Stripe-Signature", ""))
    except stripe.SignatureVerificationError:
        logger.warning("Stripe webhook refused: bad signature", extra={"client": request.META.get("REMOTE_ADDR")})
        return JsonResponse({"error": "bad signature"}, status=400)
    except stripe_billing.MalformedEvent:
        return JsonResponse({"error": "malformed event"}, status=400)
    except stripe_billing.ProviderError:
        return JsonResponse({"error": "Stripe not reachable, deliver again"}, status=503)
    return JsonResponse({"received": event_id})
