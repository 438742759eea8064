import logging

from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from . import declarations
from .access import client_address, reader_for
from .forms import TerminationForm, WithdrawalForm
from .models import Plan, Termination, Withdrawal
from .webhooks import WebhookError, handle

logger = logging.getLogger(__name__)


def plans(request):
    """The public subscription offer."""
    return render(
        request, "subscriptions/plans.html", {"plans": Plan.objects.filter(is_active=True), "reader": reader_for(request)}
    )


@csrf_exempt
@require_POST
@ratelimit(key="ip", rate="120/m", block=True)
def webhook(request):
    """Events from the payment system, authenticated by signature instead of a session."""
    try:
        processed = handle(request.headers, request.body)
    except WebhookError as error:
        logger.warning(
            "Webhook refused: %s", error, extra={"status": error.status, "reason": str(error), "client": client_address(request)}
        )
        return JsonResponse({"error": str(error)}, status=error.status)
    logger.info("Webhook event %s", "processed" if processed else "duplicate", extra={"processed": processed})
    return JsonResponse({"status": "processed" if processed else "duplicate"})


def declaration_page(form_class, declare, template):
    """A page where anyone declares something about a contract without logging in, then sees it confirmed."""

    @never_cache
    @ratelimit(key="ip", rate="20/h", method="POST", block=True)
    def view(request):
        form = form_class(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            declaration = declare(form.save(commit=False))
            return redirect(f"subscriptions:{declaration._meta.model_name}_confirmed", token=declarations.token(declaration))
        return render(request, template, {"form": form})

    return view


def confirmation_page(model, template):
    """The declaration with its content and time, to save or print; the signed link is the proof of access."""

    @never_cache
    def view(request, token):
        declaration = declarations.from_token(model, token)
        if declaration is None:
            raise Http404
        return render(request, template, {"declaration": declaration})

    return view


# "Verträge hier kündigen" (§ 312k BGB) and "Vertrag widerrufen" (§ 356a BGB).
terminate = declaration_page(TerminationForm, declarations.declare_termination, "subscriptions/termination_form.html")
termination_confirmed = confirmation_page(Termination, "subscriptions/termination_confirmed.html")
withdraw = declaration_page(WithdrawalForm, declarations.declare_withdrawal, "subscriptions/withdrawal_form.html")
withdrawal_confirmed = confirmation_page(Withdrawal, "subscriptions/withdrawal_confirmed.html")
