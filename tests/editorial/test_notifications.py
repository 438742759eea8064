"""Notifications: the right people hear of each step, by inbox and e-mail; a mail outage loses no step."""

import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from editorial import actions, notifications
from editorial.models import DeskSettings, EditorialNote, Notification, Revision
from tests.conftest import log_in

pytestmark = pytest.mark.django_db
Kind = Notification.Kind


class BrokenMailServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the e-mails) at the end of the block, as a committed request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def inbox(user):
    return [(n.kind, n.actor.username if n.actor else None) for n in Notification.objects.filter(recipient=user)]


def mailed_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_a_submission_reaches_the_editors_not_the_reporter(own_draft, reporter, editor, chief, committed):
    with committed():
        actions.submit(own_draft, by=reporter)
    assert inbox(editor) == [(Kind.SUBMITTED, "autorin")] and inbox(chief) == [(Kind.SUBMITTED, "autorin")]
    assert inbox(reporter) == []
    assert len(mailed_to("redakteur@example.org")) == 1
    assert own_draft.title in mailed_to("redakteur@example.org")[0].subject


def test_a_return_reaches_the_author_with_the_comment(in_review, reporter, editor, committed):
    with committed():
        actions.return_for_changes(in_review, by=editor, comment="Bitte die Zahlen belegen.")
    assert inbox(reporter) == [(Kind.RETURNED, "redakteur")]
    (message,) = mailed_to("autorin@example.org")
    assert "Bitte die Zahlen belegen." in message.body and f"/admin/articles/article/{in_review.pk}/change/" in message.body


def test_a_scheduled_publication_reaches_the_authors(in_review, reporter, editor):
    actions.publish(in_review, by=editor, at=timezone.now() + timedelta(days=1))
    assert inbox(reporter) == [(Kind.SCHEDULED, "redakteur")]


def test_a_publication_now_reaches_the_authors(own_draft, reporter, editor):
    actions.publish(own_draft, by=editor)
    assert inbox(reporter) == [(Kind.PUBLISHED, "redakteur")]


def test_corrections_reach_the_editors_and_then_the_reporter(own_published, reporter, editor):
    proposal = actions.propose_changes(own_published, {"teaser": "Neuer Teaser."}, by=reporter)
    assert inbox(editor) == [(Kind.PROPOSED, "autorin")]
    actions.approve_changes(own_published, proposal, by=editor)
    assert inbox(reporter) == [(Kind.APPROVED, "redakteur")]
    proposal = actions.propose_changes(own_published, {"teaser": "Noch ein Teaser."}, by=reporter)
    actions.reject_changes(own_published, proposal, by=editor, comment="Stimmt so nicht.")
    assert (Kind.REJECTED, "redakteur") in inbox(reporter)


def test_a_mention_in_a_note_reaches_the_person_named(own_draft, reporter, editor, chief, committed):
    note = EditorialNote.objects.create(article=own_draft, author=reporter, text="@Redakteur bitte gegenlesen, @niemand")
    with committed():
        notifications.note_written(note)
    assert inbox(editor) == [(Kind.MENTIONED, "autorin")] and inbox(chief) == []
    assert "bitte gegenlesen" in mailed_to("redakteur@example.org")[0].body


def test_notes_written_in_the_article_form_notify_who_they_mention(client, own_draft, reporter, editor):
    from tests.editorial.conftest import change_form_data

    client.force_login(reporter)
    data = change_form_data(own_draft, **{
        "editorial_notes-TOTAL_FORMS": "1", "editorial_notes-0-text": "@redakteur schaust du drüber?",
    })
    response = client.post(f"/admin/articles/article/{own_draft.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert inbox(editor) == [(Kind.MENTIONED, "autorin")]


def test_who_turned_e_mails_off_finds_the_notification_in_the_inbox_only(own_draft, reporter, editor, chief, committed):
    DeskSettings.objects.create(user=editor, email_notifications=False)
    with committed():
        actions.submit(own_draft, by=reporter)
    assert inbox(editor) == [(Kind.SUBMITTED, "autorin")]
    assert mailed_to("redakteur@example.org") == [] and len(mailed_to("chefin@example.org")) == 1


def test_a_mail_server_outage_loses_no_workflow_step(own_draft, reporter, editor, settings, committed):
    settings.EMAIL_BACKEND = "tests.editorial.test_notifications.BrokenMailServer"
    with committed():
        actions.submit(own_draft, by=reporter)
    own_draft.refresh_from_db()
    assert own_draft.status == own_draft.Status.IN_REVIEW
    assert Revision.objects.filter(action=Revision.Action.SUBMIT).exists()
    assert Notification.objects.get(recipient=editor).emailed_at is None  # still in the inbox


def test_a_step_that_is_rolled_back_notifies_nobody(own_draft, reporter, editor, committed):
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        actions.submit(own_draft, by=reporter)
        raise RuntimeError("something failed after the step")
    assert not Notification.objects.exists() and mail.outbox == []


def test_the_inbox_on_the_start_page_and_marking_it_read(client, own_draft, reporter, editor):
    actions.submit(own_draft, by=reporter)
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Benachrichtigungen" in html and f"zur Prüfung eingereicht: {own_draft.title}" in html
    client.post("/redaktion/benachrichtigungen/gelesen/")
    assert "Nichts Neues." in client.get("/admin/").content.decode()
    assert Notification.objects.get(recipient=editor).read_at is not None


def test_each_person_turns_e_mails_off_in_their_settings(client, editor):
    client.force_login(editor)
    assert client.get("/redaktion/einstellungen/").status_code == 200
    client.post("/redaktion/einstellungen/", {})  # the box unticked
    assert DeskSettings.objects.get(user=editor).email_notifications is False


def test_e_mails_go_out_in_a_thread_of_their_own_that_closes_its_connections(settings, monkeypatch):
    settings.NOTIFICATION_EMAILS_IN_BACKGROUND = True
    done = []
    notifications.in_background(lambda: done.append(threading.current_thread() is not threading.main_thread()))
    for _ in range(50):
        if done:
            break
        time.sleep(0.02)
    assert done == [True]


def test_readers_have_neither_inbox_nor_settings(client, reader):
    log_in(client, "leserin", "correct-horse-battery")
    assert client.get("/redaktion/einstellungen/").status_code == 302
    assert client.post("/redaktion/benachrichtigungen/gelesen/").status_code == 302
