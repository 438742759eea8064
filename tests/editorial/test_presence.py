"""Who else has an article open: shown to the others, forgotten a minute after the last heartbeat."""

from datetime import timedelta

import pytest
from django.utils import timezone

from editorial import presence
from editorial.models import EditingSession

pytestmark = pytest.mark.django_db


def test_others_see_who_has_the_article_open_and_since_when(own_draft, reporter, editor):
    presence.here(own_draft, reporter)
    since = timezone.localtime(EditingSession.objects.get(user=reporter).started_at).strftime("%H:%M")
    assert presence.others(own_draft, editor) == [f"Autorin bearbeitet diesen Artikel seit {since}."]
    assert presence.others(own_draft, reporter) == []  # not oneself


def test_a_silent_form_is_forgotten_and_a_leaving_one_at_once(own_draft, reporter, editor):
    presence.here(own_draft, reporter)
    EditingSession.objects.update(seen_at=timezone.now() - timedelta(seconds=presence.GONE_AFTER_SECONDS + 1))
    assert presence.others(own_draft, editor) == []
    presence.here(own_draft, reporter)
    assert presence.others(own_draft, editor) != []
    presence.gone(own_draft, reporter)
    assert presence.others(own_draft, editor) == []


def test_the_heartbeat_answers_who_else_is_here(client, own_draft, reporter, editor):
    presence.here(own_draft, editor)
    client.force_login(reporter)
    url = f"/redaktion/artikel/{own_draft.pk}/anwesenheit/"
    answer = client.post(url).json()
    assert len(answer["others"]) == 1 and answer["others"][0].startswith("Redakteur bearbeitet diesen Artikel seit")
    assert EditingSession.objects.filter(user=reporter).exists()
    client.post(url, {"leave": "1"})
    assert not EditingSession.objects.filter(user=reporter).exists()


def test_the_form_shows_the_others_without_writing_anything(client, own_draft, reporter, editor):
    presence.here(own_draft, reporter)
    client.force_login(editor)
    html = client.get(f"/admin/articles/article/{own_draft.pk}/change/").content.decode()
    assert "Autorin bearbeitet diesen Artikel seit" in html
    assert EditingSession.objects.count() == 1  # opening the form (a GET) wrote nothing; the heartbeat will


def test_readers_and_visitors_get_no_heartbeat(client, reader, own_draft):
    url = f"/redaktion/artikel/{own_draft.pk}/anwesenheit/"
    assert client.post(url).status_code == 302
    client.force_login(reader)
    assert client.post(url).status_code == 302
    assert not EditingSession.objects.exists()
