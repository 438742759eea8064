"""Every write to subscriptions and seats goes through subscriptions.services and says who and why."""

from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from subscriptions import services
from subscriptions.models import Plan, Subscription
from tests.factories import UserFactory

from .test_webhook import SECRET, event, post

pytestmark = pytest.mark.django_db
CSV = "email,plan,start,end\nanna@example.org,digital,2026-01-01,2027-01-01\n"


def log(subscription):
    """(acting user's username or None, reason) per change, oldest first."""
    return [
        (record.history_user.username if record.history_user else None, record.history_change_reason)
        for record in subscription.history.order_by("history_date", "history_id")
    ]


@pytest.mark.parametrize(
    "period, start, end",
    [
        ("month", datetime(2027, 1, 31, 9), datetime(2027, 2, 28, 9)),
        ("month", datetime(2027, 12, 15), datetime(2028, 1, 15)),
        ("year", datetime(2028, 2, 29), datetime(2029, 2, 28)),
        ("year", datetime(2026, 6, 1), datetime(2027, 6, 1)),
    ],
)
def test_one_billing_period_follows_the_calendar(period, start, end):
    assert Plan(billing_period=period).term_end(start) == end


def test_reader_for_email_creates_one_inactive_account_per_address():
    first = services.reader_for_email(" Anna@Example.org ")
    assert services.reader_for_email("anna@example.org") == first
    assert (first.username, first.is_active, first.has_usable_password()) == ("anna@example.org", False, False)


def test_admin_upload_of_a_csv_records_the_editor(client, editor, plan):
    client.force_login(editor)
    upload = SimpleUploadedFile("abos.csv", CSV.encode(), content_type="text/csv")
    client.post("/admin/subscriptions/subscription/import/", {"csv_file": upload})
    assert log(Subscription.objects.get()) == [("redakteur", "CSV-Import, Zeile 2")]


def test_command_line_import_records_the_line_without_a_user(tmp_path, plan):
    path = tmp_path / "abos.csv"
    path.write_text(CSV)
    call_command("import_subscriptions", str(path), stdout=StringIO())
    path.write_text(CSV.replace("2027-01-01", "2027-06-01"))
    call_command("import_subscriptions", str(path), stdout=StringIO())
    assert log(Subscription.objects.get()) == [(None, "CSV-Import, Zeile 2"), (None, "CSV-Import, Zeile 2")]


def test_webhook_events_are_logged_with_their_id(client, settings, plan):
    settings.SUBSCRIPTION_WEBHOOK_SECRET = SECRET
    post(client, event())
    post(client, event("subscription.renewed", "evt_2", ends_at=(timezone.now() + timedelta(days=60)).isoformat()))
    post(client, event("subscription.cancelled", "evt_3"))
    assert log(Subscription.objects.get()) == [
        (None, "Zahlungssystem, Ereignis evt_1 (subscription.created)"),
        (None, "Zahlungssystem, Ereignis evt_2 (subscription.renewed)"),
        (None, "Zahlungssystem, Ereignis evt_3 (subscription.cancelled)"),
    ]


def test_grant_with_a_known_external_id_updates_instead_of_duplicating(plan, registered, editor):
    first = services.grant(registered, plan, external_id="sub_9", by=editor, reason="a")
    again = services.grant(registered, plan, external_id="sub_9", by=editor, reason="b")
    assert first.pk == again.pk and Subscription.objects.count() == 1


def test_cancelling_twice_changes_nothing_the_second_time(subscriber, editor):
    subscription = subscriber.subscriptions.get()
    services.cancel(subscription, by=editor, reason="erste")
    cancelled_at = Subscription.objects.get().cancelled_at
    services.cancel(subscription, by=editor, reason="zweite")
    assert Subscription.objects.get().cancelled_at == cancelled_at
    assert [reason for _user, reason in log(subscription)][1:] == ["erste"]  # after the fixture's own row


class TestSeats:
    def seat_holder(self, licence, email):
        user = UserFactory(username=email, email=email)
        assert services.claim_seat(licence, user)
        return user

    def test_taking_a_domain_off_the_licence_in_the_admin_frees_its_seats(self, client, chief, licence):
        licence.seat_limit = 5
        licence.email_domains = "klinikum-beispiel.de\npraxis-beispiel.de"
        licence.save()
        kept = self.seat_holder(licence, "a@klinikum-beispiel.de")
        self.seat_holder(licence, "b@praxis-beispiel.de")
        client.force_login(chief)
        data = {
            "organisation": licence.organisation, "ip_ranges": licence.ip_ranges, "email_domains": "klinikum-beispiel.de",
            "seat_limit": 5, "is_active": "on",
            "starts_at_0": timezone.localtime(licence.starts_at).strftime("%d.%m.%Y"), "starts_at_1": "00:00:00",
            "ends_at_0": timezone.localtime(licence.ends_at).strftime("%d.%m.%Y"), "ends_at_1": "00:00:00",
        }
        assert client.post(f"/admin/subscriptions/licence/{licence.pk}/change/", data).status_code == 302
        assert list(licence.seats.all()) == [kept]

    def test_an_ended_licence_gives_its_seats_back(self, licence):
        self.seat_holder(licence, "a@klinikum-beispiel.de")
        licence.ends_at = timezone.now() - timedelta(minutes=1)
        licence.save()
        out = StringIO()
        call_command("release_licence_seats", stdout=out)
        assert "1 licence seats released" in out.getvalue() and not licence.seats.exists()

    def test_a_running_licence_keeps_its_seats(self, licence):
        holder = self.seat_holder(licence, "a@klinikum-beispiel.de")
        call_command("release_licence_seats", stdout=StringIO())
        assert list(licence.seats.all()) == [holder]


class TestReviewedEdgeCases:
    def test_a_new_end_date_from_an_import_keeps_a_cancellation(self, plan):
        from subscriptions.importer import import_subscriptions

        import_subscriptions(CSV)
        subscription = Subscription.objects.get()
        services.cancel(subscription, by=None, reason="test")
        import_subscriptions(CSV.replace("2027-01-01", "2027-06-01"))
        subscription.refresh_from_db()
        assert subscription.cancelled_at is not None and timezone.localtime(subscription.ends_at).month == 6

    def test_an_end_before_the_start_in_the_change_form_is_a_message(self, client, editor, subscriber):
        subscription = subscriber.subscriptions.get()
        client.force_login(editor)
        before_start = timezone.localtime(subscription.starts_at) - timedelta(days=1)
        response = client.post(f"/admin/subscriptions/subscription/{subscription.pk}/change/", {
            "ends_at_0": before_start.strftime("%d.%m.%Y"), "ends_at_1": "12:00:00",
        })
        assert response.status_code == 200 and "Das Ende muss nach dem Beginn liegen." in response.content.decode()
        assert Subscription.objects.get().ends_at == subscription.ends_at

    def test_long_event_ids_are_processed(self, client, settings, plan):
        settings.SUBSCRIPTION_WEBHOOK_SECRET = SECRET
        assert post(client, event(event_id="evt_" + "x" * 96)).json() == {"status": "processed"}
        assert len(log(Subscription.objects.get())[0][1]) == 100

    def test_old_versions_are_not_saved_back_and_nothing_is_deleted(self, client, chief, subscriber):
        subscription = subscriber.subscriptions.get()
        services.cancel(subscription, by=chief, reason="test")
        client.force_login(chief)
        old = subscription.history.earliest("history_date")
        url = f"/admin/subscriptions/subscription/{subscription.pk}/history/{old.history_id}/"
        assert client.post(url, {"ends_at_0": "01.01.2030", "ends_at_1": "00:00:00"}).status_code == 403
        assert client.post(f"/admin/subscriptions/subscription/{subscription.pk}/delete/", {"post": "yes"}).status_code == 403
        assert Subscription.objects.get().cancelled_at is not None
