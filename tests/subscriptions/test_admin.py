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
    subscription = Subscription.objects.get()
    assert subscription.is_active
    assert subscription.history.get().history_user == editor


def test_end_before_start_is_refused_with_a_message(client, editor, registered, plan):
    client.force_login(editor)
    response = client.post(CHANGELIST + "add/", {
        "reader": registered.pk, "plan": plan.pk, "source": "admin",
        "starts_at_0": "02.01.2027", "starts_at_1": "00:00:00", "ends_at_0": "01.01.2027", "ends_at_1": "00:00:00",
    })
    assert response.status_code == 200 and not Subscription.objects.exists()


def test_extend_by_the_plans_period_and_cancel_are_logged_with_the_editor(client, editor, subscriber):
    subscription = subscriber.subscriptions.get()
    old_end = timezone.localtime(subscription.ends_at)
    client.force_login(editor)
    client.post(CHANGELIST, {"action": "extend_one_period", "_selected_action": [subscription.pk]})
    subscription.refresh_from_db()
    new_end = timezone.localtime(subscription.ends_at)
    assert (new_end.year * 12 + new_end.month) - (old_end.year * 12 + old_end.month) == 1  # a monthly plan
    client.post(CHANGELIST, {"action": "cancel_now", "_selected_action": [subscription.pk]})
    subscription.refresh_from_db()
    assert not subscription.is_active
    changes = list(subscription.history.order_by("history_date").values_list("history_user", "history_change_reason"))
    assert changes[-2:] == [(editor.pk, "in der Verwaltung verlängert"), (editor.pk, "in der Verwaltung gekündigt")]


def test_editing_the_end_date_is_logged(client, editor, subscriber):
    subscription = subscriber.subscriptions.get()
    client.force_login(editor)
    new_end = timezone.localtime() + timedelta(days=90)
    response = client.post(CHANGELIST + f"{subscription.pk}/change/", {
        "ends_at_0": new_end.strftime("%d.%m.%Y"), "ends_at_1": "12:00:00",
    })
    assert response.status_code == 302
    subscription.refresh_from_db()
    assert timezone.localtime(subscription.ends_at).date() == new_end.date()
    assert subscription.history.latest("history_date").history_user == editor


def test_reporters_cannot_touch_subscriptions(client, reporter, subscriber):
    client.force_login(reporter)
    assert client.get(CHANGELIST).status_code == 403
    subscription = subscriber.subscriptions.get()
    client.post(CHANGELIST, {"action": "cancel_now", "_selected_action": [subscription.pk]})
    subscription.refresh_from_db()
    assert subscription.is_active
