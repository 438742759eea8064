"""Finding 10: validly signed but malformed events are refused with a 4xx and change nothing."""

import json

import pytest

from subscriptions.models import Subscription, WebhookEvent
from tests.subscriptions.test_webhook import SECRET, event, post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def secret(settings):
    settings.SUBSCRIPTION_WEBHOOK_SECRET = SECRET


def nested(depth):
    return ("[" * depth + "]" * depth).encode()


MALFORMED = {
    "impossible date": event(starts_at="2026-02-30T10:00:00+01:00"),
    "impossible end": event(ends_at="2027-13-01T00:00:00+01:00"),
    "NUL in the id": event(event_id="evt\x00x"),
    "NUL in the email": event(email="a\x00b@example.org"),
    "NUL as raw byte": b'{"id": "evt_9", "type": "subscription.created", "data": {"subscription_id": "s\x00"}}',
    "300-character id": event(event_id="e" * 300),
    "300-character subscription id": event(subscription_id="s" * 300),
    "very long email": event(email="a" * 200 + "@example.org"),
    "deeply nested JSON": nested(100_000),
    "data is a list": json.dumps({"id": "evt_1", "type": "subscription.created", "data": []}).encode(),
    "id is an object": json.dumps({"id": {"x": 1}, "type": "subscription.created", "data": {"subscription_id": "s"}}).encode(),
    "not UTF-8": b'{"id": "\xff\xfe"}',
}


@pytest.mark.parametrize("body", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_but_signed_events_are_4xx_and_change_nothing(client, plan, body):
    response = post(client, body)
    assert 400 <= response.status_code < 500
    assert not Subscription.objects.exists() and not WebhookEvent.objects.exists()


def test_a_non_ascii_signature_is_refused(client, plan):
    response = client.post("/abo/webhook/", event(), content_type="application/json",
                           HTTP_X_NEWSROOM_TIMESTAMP="1", HTTP_X_NEWSROOM_SIGNATURE="ä" * 64)
    assert response.status_code == 401


@pytest.mark.parametrize("body", [
    b'{"id": "evt_1", "type": "subscription.created", "data": {"subscription_id": "s", "x": NaN}}',
    b'{"id": "evt_1", "type": "subscription.created", "data": {"subscription_id": "s", "x": "\\ud800"}}',
], ids=["NaN", "lone surrogate"])
def test_json_the_database_cannot_keep_is_refused(client, plan, body):
    assert post(client, body).status_code == 400
    assert not WebhookEvent.objects.exists()
