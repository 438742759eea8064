"""One JSON object per log line, each carrying the id of the request it belongs to.

A request keeps the ``X-Request-ID`` the proxy gave it (nginx sets one), or
gets a new one; the id goes back in the response header, into every log record
written while the request runs, and to Sentry. Each request ends with one
``request`` line: method, path, status and duration.
"""

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

request_id_var = ContextVar("request_id", default=None)
VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,128}$")
QUIET_PATHS = ("/health/", "/static/")  # probes and assets would drown the log

access_log = logging.getLogger("newsroom.request")

# Attributes every LogRecord has; anything else on a record came from ``extra=`` and is logged as a field.
STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(
            (key, value) for key, value in vars(record).items() if key not in STANDARD_ATTRIBUTES and value is not None
        )
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request_id = given if VALID_REQUEST_ID.match(given) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            if not request.path.startswith(QUIET_PATHS):
                access_log.info(
                    "%s %s %s", request.method, request.path, response.status_code,
                    extra={
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                        "user_id": logged_in_user_id(request),
                    },
                )
            return response
        finally:
            request_id_var.reset(token)


def logged_in_user_id(request):
    """The user's id if the request already looked the user up (never a query just for the log)."""
    user = getattr(request, "_cached_user", None)
    return user.pk if user is not None and user.is_authenticated else None
