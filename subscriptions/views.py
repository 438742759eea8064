import logging

from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from . import terminations
from .access import client_address, reader_for
from .forms import TerminationForm
from .models import Plan
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


@never_cache
@ratelimit(key="ip", rate="20/h", method="POST", block=True)
def terminate(request):
    """"Verträge hier kündigen" (§ 312k BGB): one page, no login, the fields the law names, and "jetzt kündigen"."""
    form = TerminationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        termination = terminations.declare(form.save(commit=False))
        return redirect("subscriptions:termination_confirmed", token=terminations.token(termination))
    return render(request, "subscriptions/termination_form.html", {"form": form})


@never_cache
def termination_confirmed(request, token):
    """The declaration with its content and time, to save or print; the link itself is the proof of access."""
    termination = terminations.from_token(token)
    if termination is None:
        raise Http404
    return render(request, "subscriptions/termination_confirmed.html", {"termination": termination})
