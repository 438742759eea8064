"""Errors to Sentry (sentry-sdk), switched on by SENTRY_DSN; without it nothing is sent anywhere."""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from newsroom.request_logging import request_id_var


def tag_request_id(event, hint):
    """The request id ties a Sentry event to the log lines of the same request."""
    if request_id := request_id_var.get():
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def start_error_reporting(dsn, *, environment, traces_sample_rate):
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        traces_sample_rate=traces_sample_rate,
        send_default_pii=False,  # no reader's IP address, cookies or user data leave the server
        before_send=tag_request_id,
    )
