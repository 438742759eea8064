"""Structured logs: one JSON object per line, each with the id of its request; workflow and webhook leave a trace."""

import io
import json
import logging
import subprocess
import sys

import pytest

from editorial import actions
from newsroom.request_logging import JsonFormatter, RequestIdFilter, request_id_var
from tests.editorial.conftest import draft_by

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """What the production log handler writes, as parsed JSON objects."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    level, root.level = root.level, logging.INFO
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.level = level


def test_a_refused_webhook_is_logged_with_the_request_id_of_its_request(client, settings, log_lines):
    settings.SUBSCRIPTION_WEBHOOK_SECRET = "webhook-secret"
    response = client.post(
        "/abo/webhook/", b"{}", content_type="application/json",
        HTTP_X_REQUEST_ID="edge-7f3a9c21", HTTP_X_NEWSROOM_TIMESTAMP="1", HTTP_X_NEWSROOM_SIGNATURE="0" * 64,
    )
    assert response.status_code == 401 and response["X-Request-ID"] == "edge-7f3a9c21"
    lines = log_lines()
    refusal = next(line for line in lines if line["logger"] == "subscriptions.views")
    assert refusal["level"] == "WARNING" and refusal["reason"] == "bad signature" and refusal["status"] == 401
    assert refusal["request_id"] == "edge-7f3a9c21"
    request_line = next(line for line in lines if line["logger"] == "newsroom.request")
    assert request_line | {"duration_ms": None} == request_line | {
        "method": "POST", "path": "/abo/webhook/", "status": 401, "request_id": "edge-7f3a9c21", "duration_ms": None,
    }


def test_a_request_without_a_usable_id_gets_a_new_one(client, log_lines):
    first = client.get("/", HTTP_X_REQUEST_ID='"><script>')["X-Request-ID"]
    second = client.get("/")["X-Request-ID"]
    assert len(first) == 32 and first != second and "<" not in first
    assert [line["request_id"] for line in log_lines() if line["logger"] == "newsroom.request"] == [first, second]


def test_workflow_actions_are_logged_once_they_are_committed(
    reporter, editor, kurzmeldungen, log_lines, django_capture_on_commit_callbacks
):
    article = draft_by(reporter, "Entwurf", kurzmeldungen)
    with django_capture_on_commit_callbacks(execute=True):
        actions.submit(article, by=reporter)
        actions.publish(article, by=editor)
    with django_capture_on_commit_callbacks(execute=False):  # rolled back: never committed, never logged
        actions.unpublish(article, by=editor)
    logged = [(line["action"], line["user_id"]) for line in log_lines() if line["logger"] == "editorial.actions"]
    assert logged == [("submit", reporter.pk), ("publish", editor.pk)]


def test_exceptions_are_logged_as_one_line_with_their_traceback(log_lines):
    token = request_id_var.set("job-42424242")
    try:
        raise ValueError("kaputt")
    except ValueError:
        logging.getLogger("newsroom.test").exception("Something failed")
    finally:
        request_id_var.reset(token)
    (line,) = [line for line in log_lines() if line["logger"] == "newsroom.test"]
    assert line["request_id"] == "job-42424242" and "ValueError: kaputt" in line["exception"]


def sentry_client_state(**env):
    code = "import django; django.setup(); import sentry_sdk; print(sentry_sdk.get_client().is_active())"
    environment = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "newsroom.settings", "DATABASE_URL": "postgres://x@127.0.0.1/x", **env}
    return subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True).stdout.strip()


def test_error_reporting_stays_off_without_a_dsn_and_starts_with_one():
    assert sentry_client_state() == "False"
    assert sentry_client_state(SENTRY_DSN="https://public@sentry.example.org/1") == "True"


def test_sentry_events_carry_the_request_id_and_no_personal_data():
    from newsroom.error_reporting import scrub, scrub_breadcrumb

    event = {
        "tags": {"x": "y"},
        "user": {"ip_address": "203.0.113.9", "email": "leserin@example.org"},
        "request": {
            "method": "POST", "url": "https://news.example.org/konto/registrieren/?next=/abo/",
            "query_string": "token=secret-share-link", "data": {"email": "leserin@example.org"},
            "cookies": {"sessionid": "abc"}, "headers": {"Cookie": "sessionid=abc"}, "env": {"REMOTE_ADDR": "203.0.113.9"},
        },
    }
    token = request_id_var.set("edge-7f3a9c21")
    try:
        scrubbed = scrub(event, {})
    finally:
        request_id_var.reset(token)
    assert scrubbed["tags"] == {"x": "y", "request_id": "edge-7f3a9c21"}
    assert scrubbed["request"] == {"method": "POST", "url": "https://news.example.org/konto/registrieren/"}
    assert "user" not in scrubbed
    assert scrub_breadcrumb({"category": "subscriptions.views", "data": {"client": "203.0.113.9"}}, {}) == {
        "category": "subscriptions.views"
    }
