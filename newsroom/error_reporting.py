"""Errors to Sentry (sentry-sdk), switched on by SENTRY_DSN; without it nothing is sent anywhere.

Readers' personal data stays here: no request bodies, cookies, query strings
(share-link tokens, search words), IP addresses, local variables of stack
frames, or the fields of log records (client addresses) go along.
"""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from newsroom.request_logging import request_id_var

KEPT_REQUEST_KEYS = {"method", "url"}


def scrub(event, hint):
    """Only the method and the path of the request; the request id ties the event to its log lines."""
    if request := event.get("request"):
        event["request"] = {key: value for key, value in request.items() if key in KEPT_REQUEST_KEYS}
        if "url" in event["request"]:
            event["request"]["url"] = event["request"]["url"].split("?")[0]
    event.pop("user", None)
    if request_id := request_id_var.get():
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def scrub_breadcrumb(crumb, hint):
    crumb.pop("data", None)
    return crumb


def start_error_reporting(dsn, *, environment, traces_sample_rate):
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        traces_sample_rate=traces_sample_rate,
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        before_send=scrub,
        before_send_transaction=scrub,
        before_breadcrumb=scrub_breadcrumb,
    )
