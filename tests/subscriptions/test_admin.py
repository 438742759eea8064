"""Editors grant, extend and cancel subscriptions in the admin."""

from datetime import timedelta

import pytest
from django.utils import timezone

from subscriptions.models import Subscription

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/subscriptions/subscription/"


def test_editor_grants_a_subscription(client, editor, registered, plan):
    client.force_login(editor)
    start, end = timezone.localtime(), timezone.localtime() + timedelta(days=30)
    response = client.post(CHANGELIST + "add/", {
        "reader": registered.pk, "plan": plan.pk, "source": "admin", "external_id": "",
        "starts_at_0": start.strftime("%d.%m.%Y"), "starts_at_1": start.strftime("%H:%M:%S"),
        "ends_at_0": end.strftime("%d.%m.%Y"), "ends_at_1": end.strftime("%H:%M:%S"),
    })
    assert response.status_code == 302
    assert Subscription.objects.get().is_active


def test_end_before_start_is_refused_with_a_message(client, editor, registered, plan):
    client.force_login(editor)
    response = client.post(CHANGELIST + "add/", {
        "reader": registered.pk, "plan": plan.pk, "source": "admin",
        "starts_at_0": "02.01.2027", "starts_at_1": "00:00:00", "ends_at_0": "01.01.2027", "ends_at_1": "00:00:00",
    })
    assert response.status_code == 200 and not Subscription.objects.exists()


def test_extend_and_cancel_actions(client, editor, subscriber):
    subscription = subscriber.subscriptions.get()
    old_end = subscription.ends_at
    client.force_login(editor)
    client.post(CHANGELIST, {"action": "extend_one_year", "_selected_action": [subscription.pk]})
    subscription.refresh_from_db()
    assert subscription.ends_at - old_end == timedelta(days=365)
    client.post(CHANGELIST, {"action": "cancel_now", "_selected_action": [subscription.pk]})
    subscription.refresh_from_db()
    assert not subscription.is_active


def test_reporters_cannot_touch_subscriptions(client, reporter, subscriber):
    client.force_login(reporter)
    assert client.get(CHANGELIST).status_code == 403
    subscription = subscriber.subscriptions.get()
    client.post(CHANGELIST, {"action": "cancel_now", "_selected_action": [subscription.pk]})
    subscription.refresh_from_db()
    assert subscription.is_active
