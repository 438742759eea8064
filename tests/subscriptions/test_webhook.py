"""The payment system's webhook: signed, fresh, idempotent, and harmless when wrong."""

import json
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from subscriptions.models import Subscription, WebhookEvent
from subscriptions.webhooks import sign

pytestmark = pytest.mark.django_db
SECRET = "test-webhook-secret"
URL = "/abo/webhook/"


@pytest.fixture(autouse=True)
def secret(settings):
    settings.SUBSCRIPTION_WEBHOOK_SECRET = SECRET


def event(kind="subscription.created", event_id="evt_1", **data):
    payload = {
        "email": "Neu@Example.org", "plan": "digital", "subscription_id": "sub_1",
        "starts_at": timezone.now().isoformat(), "ends_at": (timezone.now() + timedelta(days=30)).isoformat(),
    }
    payload.update(data)
    return json.dumps({"id": event_id, "type": kind, "data": payload}).encode()


def post(client, body, timestamp=None, secret=SECRET, signature=None):
    timestamp = str(int(time.time()) if timestamp is None else timestamp)
    return client.post(
        URL, body, content_type="application/json",
        HTTP_X_NEWSROOM_TIMESTAMP=timestamp,
        HTTP_X_NEWSROOM_SIGNATURE=signature if signature is not None else sign(secret, timestamp, body),
    )


def test_created_renewed_cancelled(client, plan):
    assert post(client, event()).json() == {"status": "processed"}
    subscription = Subscription.objects.get()
    assert subscription.reader.email == "neu@example.org" and subscription.is_active
    assert subscription.source == Subscription.Source.WEBHOOK

    later = (timezone.now() + timedelta(days=400)).isoformat()
    assert post(client, event("subscription.renewed", "evt_2", ends_at=later)).status_code == 200
    subscription.refresh_from_db()
    assert subscription.ends_at.isoformat()[:10] == later[:10]

    assert post(client, event("subscription.cancelled", "evt_3")).status_code == 200
    subscription.refresh_from_db()
    assert not subscription.is_active


def test_bad_signature_changes_nothing(client, plan):
    response = post(client, event(), signature="0" * 64)
    assert response.status_code == 401
    assert not Subscription.objects.exists() and not WebhookEvent.objects.exists()


def test_signature_from_another_secret_is_refused(client, plan):
    assert post(client, event(), secret="wrong").status_code == 401
    assert not Subscription.objects.exists()


def test_stale_timestamp_is_refused(client, plan):
    assert post(client, event(), timestamp=int(time.time()) - 3600).status_code == 401
    assert not Subscription.objects.exists()


def test_replayed_event_changes_nothing(client, plan):
    body = event()
    post(client, body)
    Subscription.objects.update(ends_at=timezone.now() + timedelta(days=99))
    response = post(client, body)
    assert response.status_code == 200 and response.json() == {"status": "duplicate"}
    assert Subscription.objects.count() == 1
    assert Subscription.objects.get().ends_at > timezone.now() + timedelta(days=98)


def test_duplicate_event_id_with_other_content_is_ignored(client, plan):
    post(client, event())
    assert post(client, event(subscription_id="sub_2")).json() == {"status": "duplicate"}
    assert Subscription.objects.count() == 1


def test_unknown_plan_is_refused(client, plan):
    response = post(client, event(plan="gibt-es-nicht"))
    assert response.status_code == 422
    assert not Subscription.objects.exists() and not WebhookEvent.objects.exists()


def test_cancelling_an_unknown_subscription_is_refused(client, plan):
    assert post(client, event("subscription.cancelled", subscription_id="unbekannt")).status_code == 422


@pytest.mark.parametrize("body", [b"", b"{", b"[]", b'{"id": "x"}', b'{"id": "x", "type": "subscription.created", "data": 5}',
                                  json.dumps({"id": "x", "type": "evil", "data": {"subscription_id": "1"}}).encode(),
                                  event(ends_at="gestern"), event(email="kein-at")])
def test_malformed_bodies_get_400_and_change_nothing(client, plan, body):
    response = post(client, body)
    assert response.status_code == 400
    assert not Subscription.objects.exists() and not WebhookEvent.objects.exists()


def test_missing_headers_and_get_requests(client, plan):
    assert client.post(URL, event(), content_type="application/json").status_code == 401
    assert client.get(URL).status_code == 405


def test_disabled_without_secret(client, plan, settings):
    settings.SUBSCRIPTION_WEBHOOK_SECRET = ""
    assert post(client, event(), secret="").status_code == 404


@hypothesis_settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=300) | st.text(max_size=300).map(str.encode), timestamp=st.text(max_size=20))
def test_no_input_makes_the_webhook_fail_with_5xx(client, plan, body, timestamp):
    signed = post(client, body)
    unsigned = client.post(URL, body, content_type="application/json", HTTP_X_NEWSROOM_TIMESTAMP=timestamp, HTTP_X_NEWSROOM_SIGNATURE="x")
    assert signed.status_code < 500 and unsigned.status_code in (400, 401)
    assert not Subscription.objects.exists()
