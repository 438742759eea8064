"""The workflow as journalists use it in the admin, including crafted requests."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from editorial import actions
from editorial.models import EditorialNote, Revision
from tests.factories import ArticleFactory

from .conftest import change_form_data, proposed, revision_count

pytestmark = pytest.mark.django_db
Status = Article.Status


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def refreshed(article):
    return Article.objects.get(pk=article.pk)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


class TestButtons:
    def test_reporter_sees_only_submit_on_own_draft(self, client, reporter, own_draft):
        client.force_login(reporter)
        html = client.get(change_url(own_draft)).content.decode()
        assert 'value="submit"' in html
        for forbidden in ("publish", "unpublish", "return"):
            assert f'value="{forbidden}"' not in html

    def test_editor_sees_publish_and_return_on_article_in_review(self, client, editor, in_review):
        client.force_login(editor)
        html = client.get(change_url(in_review)).content.decode()
        assert 'value="publish"' in html and 'value="return"' in html and 'value="submit"' not in html

    def test_reporter_submits_through_the_form(self, client, reporter, own_draft):
        client.force_login(reporter)
        response = client.post(change_url(own_draft), change_form_data(own_draft, _workflow="submit", teaser="Neu"))
        assert response.status_code == 302
        article = refreshed(own_draft)
        assert article.status == Status.IN_REVIEW and article.teaser == "Neu"
        assert "Erledigt: zur Prüfung eingereicht." in messages_of(response)

    def test_editor_returns_with_comment_shown_in_the_log(self, client, editor, reporter, in_review):
        client.force_login(editor)
        data = change_form_data(in_review, _workflow="return", workflow_comment="Bitte Zitat belegen.")
        client.post(change_url(in_review), data)
        assert refreshed(in_review).status == Status.RETURNED
        client.force_login(reporter)
        html = client.get(change_url(in_review)).content.decode()
        assert "Bitte Zitat belegen." in html and "zur Überarbeitung zurückgegeben" in html

    def test_editor_schedules_with_a_future_time(self, client, editor, in_review):
        client.force_login(editor)
        at = timezone.localtime() + timedelta(days=1)
        data = change_form_data(
            in_review, _workflow="publish", published_at_0=at.strftime("%d.%m.%Y"), published_at_1="06:00:00"
        )
        client.post(change_url(in_review), data)
        article = refreshed(in_review)
        assert article.is_scheduled
        assert timezone.localtime(article.published_at).strftime("%H:%M") == "06:00"
        changelist = client.get(reverse("admin:articles_article_changelist"), {"state": "scheduled"}).content.decode()
        assert f"Geplant für {at.strftime('%d.%m.%Y')}, 06:00" in changelist

    def test_publishing_an_incomplete_article_explains_why(self, client, editor, own_draft):
        client.force_login(editor)
        response = client.post(change_url(own_draft), change_form_data(own_draft, _workflow="publish", body=""), follow=True)
        assert refreshed(own_draft).status == Status.DRAFT
        assert "Der Artikel braucht einen Text." in response.content.decode()


class TestCraftedRequests:
    def test_reporter_cannot_publish_by_posting_the_button_value(self, client, reporter, own_draft):
        client.force_login(reporter)
        before, revisions = refreshed(own_draft), revision_count(own_draft)
        response = client.post(change_url(own_draft), change_form_data(own_draft, _workflow="publish", title="Heimlich geändert"))
        after = refreshed(own_draft)
        assert (after.status, after.title, revision_count(after)) == (Status.DRAFT, before.title, revisions)
        assert "Dazu sind Sie nicht berechtigt." in messages_of(response)
        assert not Revision.objects.filter(action=Revision.Action.PUBLISH).exists()

    def test_reporter_cannot_set_status_or_time_fields(self, client, reporter, own_draft):
        client.force_login(reporter)
        data = change_form_data(own_draft, status="published", published_at_0="01.01.2026", published_at_1="00:00:00")
        client.post(change_url(own_draft), data)
        article = refreshed(own_draft)
        assert article.status == Status.DRAFT and article.published_at is None

    def test_reporter_cannot_change_another_reporters_article(self, client, reporter, others_draft):
        client.force_login(reporter)
        response = client.post(change_url(others_draft), change_form_data(others_draft, title="Übernommen"))
        assert response.status_code == 403
        assert refreshed(others_draft).title == "Entwurf des Kollegen"

    def test_reporter_can_read_but_not_edit_another_reporters_article(self, client, reporter, others_draft):
        client.force_login(reporter)
        response = client.get(change_url(others_draft))
        assert response.status_code == 200
        assert 'name="title"' not in response.content.decode()

    def test_reporter_cannot_bulk_publish(self, client, reporter, own_draft):
        client.force_login(reporter)
        client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish_selected", "_selected_action": [own_draft.pk], "confirmed": "yes"},
        )
        assert refreshed(own_draft).status == Status.DRAFT

    def test_reporter_cannot_restore_versions_of_an_article_in_review(self, client, reporter, in_review):
        client.force_login(reporter)
        record = Revision.objects.filter(article=in_review).earliest("pk")
        client.post(reverse("admin:articles_article_restore", args=[in_review.pk, record.pk]))
        assert not Revision.objects.filter(action=Revision.Action.RESTORE).exists()

    def test_reporter_cannot_create_share_links(self, client, reporter, own_draft):
        client.force_login(reporter)
        data = change_form_data(own_draft)
        data.update({"share_links-TOTAL_FORMS": "1", "share_links-0-expires_at_0": "01.01.2030", "share_links-0-expires_at_1": "00:00:00"})
        client.post(change_url(own_draft), data)
        assert not own_draft.share_links.exists()

    def test_unknown_workflow_step_changes_nothing(self, client, editor, own_draft):
        client.force_login(editor)
        response = client.post(change_url(own_draft), change_form_data(own_draft, _workflow="delete_everything", title="Neu"))
        assert refreshed(own_draft).status == Status.DRAFT and refreshed(own_draft).title == "Entwurf der Autorin"
        assert "Unbekannter Arbeitsschritt." in messages_of(response)

    def test_readers_get_nothing(self, client, reader, own_draft):
        client.force_login(reader)
        response = client.post(change_url(own_draft), change_form_data(own_draft, _workflow="publish"))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        assert refreshed(own_draft).status == Status.DRAFT


class TestBulkActions:
    def test_a_bulk_step_asks_first_and_changes_nothing_until_confirmed(self, client, editor, kurzmeldungen):
        draft = ArticleFactory(title="Noch ein Entwurf", status=Status.DRAFT, published_at=None, primary_category=kurzmeldungen)
        client.force_login(editor)
        response = client.post(
            reverse("admin:articles_article_changelist"), {"action": "publish_selected", "_selected_action": [draft.pk]}
        )
        html = response.content.decode()
        assert response.status_code == 200 and "Noch ein Entwurf" in html and 'name="confirmed" value="yes"' in html
        assert refreshed(draft).status == Status.DRAFT

    def test_publishing_an_expired_article_says_that_readers_still_do_not_see_it(self, client, editor, kurzmeldungen):
        expired = ArticleFactory(title="Längst vorbei", status=Status.UNPUBLISHED, primary_category=kurzmeldungen,
                                 expires_at=timezone.now() - timedelta(days=1))
        client.force_login(editor)
        response = client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish_selected", "_selected_action": [expired.pk], "confirmed": "yes"},
        )
        assert any("Längst vorbei" in note and "Ablaufzeitpunkt" in note for note in messages_of(response))

    def test_editor_publishes_several_and_hears_about_the_incomplete_one(self, client, editor, kurzmeldungen):
        ready = [ArticleFactory(status=Status.DRAFT, published_at=None, primary_category=kurzmeldungen) for _ in range(2)]
        incomplete = ArticleFactory(status=Status.DRAFT, published_at=None, body="", primary_category=kurzmeldungen)
        client.force_login(editor)
        response = client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish_selected", "_selected_action": [a.pk for a in [*ready, incomplete]], "confirmed": "yes"},
        )
        assert all(refreshed(article).is_live for article in ready)
        assert refreshed(incomplete).status == Status.DRAFT
        notes = messages_of(response)
        assert "2 Artikel geändert." in notes
        assert any(incomplete.title in note and "braucht einen Text" in note for note in notes)

    def test_editor_unpublishes_several(self, client, editor):
        live = [ArticleFactory(), ArticleFactory()]
        client.force_login(editor)
        client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "unpublish_selected", "_selected_action": [a.pk for a in live], "confirmed": "yes"},
        )
        assert not Article.objects.live().exists()


class TestCorrectionsAfterPublication:
    def test_reporter_edit_of_own_published_article_goes_to_review(self, client, reporter, own_published):
        client.force_login(reporter)
        response = client.post(change_url(own_published), change_form_data(own_published, teaser="Korrigiert."))
        assert response.status_code == 302
        article = refreshed(own_published)
        assert article.teaser == "Der ursprüngliche Teaser." and article.is_live
        assert proposed(article) == {"teaser": "Korrigiert."}
        assert "Der ursprüngliche Teaser." in client.get(article.get_absolute_url()).content.decode()
        shown = messages_of(response)
        assert any("warten auf die Redaktion" in message for message in shown)
        assert not any("erfolgreich geändert" in message for message in shown)  # the live article did not change

    def test_reporter_cannot_change_placement_of_published_article(self, client, reporter, own_published, magazin):
        client.force_login(reporter)
        html = client.get(change_url(own_published)).content.decode()
        assert 'name="teaser"' in html and 'name="primary_category"' not in html and 'name="slug"' not in html

    def test_the_form_points_editors_to_the_waiting_corrections(self, client, reporter, editor, own_published):
        actions.propose_changes(own_published, {"teaser": "Korrigiert."}, by=reporter)
        client.force_login(editor)
        page = client.get(change_url(own_published)).content.decode()
        assert "hat Korrekturen vorgeschlagen" in page
        assert reverse("admin:articles_article_corrections", args=[own_published.pk]) in page
        assert 'value="approve"' not in page  # corrections are decided field by field on their own page


class TestQueueAndCounts:
    def test_review_queue_lists_oldest_first_with_sender(self, client, editor, reporter, other_reporter, kurzmeldungen):
        first = ArticleFactory(title="Zuerst eingereicht", status=Status.DRAFT, created_by=reporter, authors=[reporter.author_profile])
        second = ArticleFactory(title="Danach eingereicht", status=Status.DRAFT, created_by=other_reporter, authors=[other_reporter.author_profile])
        actions.submit(first, by=reporter)
        actions.submit(second, by=other_reporter)
        Revision.objects.filter(article=first).update(at=timezone.now() - timedelta(hours=3))
        ArticleFactory(title="Nur ein Entwurf", status=Status.DRAFT)
        client.force_login(editor)
        html = client.get(reverse("admin:editorial_articleinreview_changelist")).content.decode()
        assert html.index("Zuerst eingereicht") < html.index("Danach eingereicht")
        assert "Nur ein Entwurf" not in html
        assert "Autorin" in html and "Kollege" in html  # their names, not their logins

    def test_admin_index_counts(self, client, editor, in_review, kurzmeldungen):
        ArticleFactory(status=Status.RETURNED)
        later_today = min(timezone.now() + timedelta(minutes=5), timezone.localtime().replace(hour=23, minute=59))
        if later_today > timezone.now():
            ArticleFactory(published_at=later_today)
        ArticleFactory(published_at=timezone.now() + timedelta(days=2))
        client.force_login(editor)
        html = client.get(reverse("admin:index")).content.decode()
        scheduled_today = 1 if later_today > timezone.now() else 0
        assert "<strong>1</strong>in Prüfung" in html
        assert f"<strong>{scheduled_today}</strong>heute geplant" in html
        assert "<strong>1</strong>zur Überarbeitung zurück" in html

    def test_my_articles_filter(self, client, reporter, own_draft, others_draft):
        client.force_login(reporter)
        html = client.get(reverse("admin:articles_article_changelist"), {"mine": "1"}).content.decode()
        assert own_draft.title in html and others_draft.title not in html


class TestEditorialNotes:
    def test_notes_record_their_author_and_stay_internal(self, client, reporter, editor, own_draft):
        client.force_login(reporter)
        data = change_form_data(own_draft)
        data.update({"editorial_notes-TOTAL_FORMS": "1", "editorial_notes-0-text": "Quelle: Pressemitteilung vom Montag"})
        client.post(change_url(own_draft), data)
        note = EditorialNote.objects.get()
        assert note.author == reporter and note.article == own_draft
        actions.publish(own_draft, by=editor)
        assert "Pressemitteilung vom Montag" not in client.get(own_draft.get_absolute_url()).content.decode()
        assert "Pressemitteilung vom Montag" in client.get(change_url(own_draft)).content.decode()


def test_a_read_only_body_is_shown_formatted_and_safe(client, reporter, in_review):
    Article.objects.filter(pk=in_review.pk).update(body="<p>Ein <strong>wichtiger</strong> Satz.</p><script>alert(1)</script>")
    client.force_login(reporter)
    html = client.get(change_url(in_review)).content.decode()
    assert "<p>Ein <strong>wichtiger</strong> Satz.</p>" in html and "&lt;strong&gt;" not in html
    assert "<script>alert(1)" not in html


def test_the_delete_confirmation_names_nothing_in_english(client, chief, own_draft, magazin):
    own_draft.categories.add(magazin)
    client.force_login(chief)
    html = client.get(reverse("admin:articles_article_delete", args=[own_draft.pk])).content.decode()
    assert "Entwurf der Autorin" in html and "Article_categories object" not in html and "Beziehung" not in html
