import logging

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from .access import client_address, reader_for
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
