"""Finding 11: subscription records survive a reader's deletion request; their personal data does not."""

import pytest
from django.db.models import ProtectedError

from subscriptions.models import Subscription

pytestmark = pytest.mark.django_db
USERS = "/admin/auth/user/"


def test_a_reader_with_subscriptions_cannot_be_deleted(subscriber):
    with pytest.raises(ProtectedError):
        subscriber.delete()
    assert Subscription.objects.filter(reader=subscriber).exists()


def test_the_admin_explains_instead_of_deleting(client, chief, subscriber):
    client.force_login(chief)
    response = client.post(f"{USERS}{subscriber.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200 and Subscription.objects.filter(reader=subscriber).exists()


def test_erasure_keeps_the_subscription_and_removes_personal_data(client, chief, subscriber, editor):
    client.force_login(chief)
    client.post(USERS, {"action": "anonymise_selected", "_selected_action": [subscriber.pk, editor.pk]})
    subscriber.refresh_from_db()
    editor.refresh_from_db()
    assert subscriber.username == f"geloescht-{subscriber.pk}" and subscriber.email == ""
    assert not subscriber.is_active and not subscriber.has_usable_password()
    assert Subscription.objects.get().reader == subscriber  # accounting keeps the record
    assert editor.username == "redakteur"  # staff accounts are not erased this way
