import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader

# Seconds after which a reader may try again when the database is down or too slow.
RETRY_AFTER = 30


def server_error(request):
    """The 500 page, or the 503 page while the database is unreachable or too slow.

    Rendered from the template alone: no context processors, no database.
    """
    context = {"site_name": settings.SITE_NAME}
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(loader.get_template("503.html").render(context), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render(context))
