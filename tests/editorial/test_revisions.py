"""One revision per action, with the whole article: compare any two, restore after a confirmation, decide on corrections."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Access, Article
from editorial import actions
from editorial.models import Revision
from editorial.revisions import body_diff, word_diff
from tests.conftest import staff_with_role
from tests.factories import AuthorFactory, ImageFactory

from .conftest import change_form_data, proposed

pytestmark = pytest.mark.django_db
Action = Revision.Action


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def revisions_url(article):
    return reverse("admin:articles_article_revisions", args=[article.pk])


def actions_of(article):
    """What happened since the fixture created the article."""
    return list(Revision.objects.filter(article=article).exclude(action=Action.CREATE).order_by("pk").values_list("action", flat=True))


@pytest.fixture
def edited(client, editor, own_draft):
    """The reporter's draft, then two saves by the editor through the admin."""
    client.force_login(editor)
    client.post(change_url(own_draft), change_form_data(own_draft, title="Zweite Fassung", body="<p>Der Umsatz stieg um drei Prozent.</p>"))
    article = Article.objects.get(pk=own_draft.pk)
    client.post(change_url(own_draft), change_form_data(article, title="Dritte Fassung", body="<p>Der Umsatz stieg um fünf Prozent.</p>"))
    return Article.objects.get(pk=own_draft.pk)


# One revision per action ---------------------------------------------------------------------------------------------


def test_every_save_is_one_revision_with_author_time_and_whole_content(edited, editor):
    saved = list(edited.revisions.exclude(action=Action.CREATE).order_by("pk"))
    assert [revision.content["title"] for revision in saved] == ["Zweite Fassung", "Dritte Fassung"]
    assert {revision.by for revision in saved} == {editor}
    newest = saved[-1].content
    assert newest["categories"] == [edited.primary_category_id]
    assert newest["authors"] == [edited.bylines.get().author_id]
    assert set(newest) >= {"tags", "image", "access", "status", "published_at", "body"}


def test_a_workflow_button_with_changes_is_one_revision(client, reporter, own_draft):
    client.force_login(reporter)
    response = client.post(change_url(own_draft), change_form_data(own_draft, title="Fertig", _workflow="submit"))
    assert response.status_code == 302
    assert actions_of(own_draft) == [Action.SUBMIT]
    revision = own_draft.revisions.latest("pk")
    assert revision.content["title"] == "Fertig" and revision.content["status"] == Article.Status.IN_REVIEW


def test_a_workflow_button_without_changes_is_one_revision(client, editor, in_review):
    client.force_login(editor)
    before = actions_of(in_review)
    client.post(change_url(in_review), change_form_data(in_review, _workflow="publish"))
    assert actions_of(in_review) == [*before, Action.PUBLISH]


def test_saving_a_published_article_again_does_not_change_its_publication_time(client, editor, in_review):
    actions.publish(in_review, by=editor)
    article = Article.objects.get(pk=in_review.pk)
    assert article.published_at.microsecond == 0
    client.force_login(editor)
    before = actions_of(article)
    assert client.post(change_url(article), change_form_data(article)).status_code == 302
    assert actions_of(article) == before  # nothing changed, so no revision and no phantom time change


# Comparing -----------------------------------------------------------------------------------------------------------


def test_revisions_page_compares_two_revisions_field_by_field(client, edited):
    newest, middle = edited.revisions.order_by("-pk")[:2]
    response = client.get(revisions_url(edited), {"a": middle.pk, "b": newest.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<del>Zweite</del><ins>Dritte</ins> Fassung" in html
    assert "um <del>drei</del><ins>fünf</ins> Prozent" in html
    assert "Redakteur" in html  # who saved


def test_comparing_identical_revisions_says_so(client, edited):
    newest = edited.revisions.latest("pk")
    html = client.get(revisions_url(edited), {"a": newest.pk, "b": newest.pk}).content.decode()
    assert "Die beiden Versionen unterscheiden sich nicht." in html


@pytest.mark.parametrize("query", [{"a": "x", "b": "1"}, {"a": "99999999", "b": "-1"}, {}, {"a": "1e9", "b": "²"}])
def test_bad_revision_ids_show_the_list(client, edited, query):
    response = client.get(revisions_url(edited), query)
    assert response.status_code == 200 and "Dritte Fassung" in response.content.decode()


def test_the_body_diff_shows_formatting_changes():
    diff = body_diff("<p>Der Umsatz stieg deutlich.</p>", "<p>Der Umsatz stieg <strong>deutlich</strong>.</p>")
    assert "<del>deutlich</del><ins><strong>deutlich</strong></ins>" in diff
    assert body_diff("<p>a <em>b</em></p>", "<p>a <em>b</em></p>") == "a <em>b</em><br>"


def test_diffs_escape_what_they_show():
    assert word_diff("a <b> c", "a <x> c") == "a <del>&lt;b&gt;</del><ins>&lt;x&gt;</ins> c"
    assert "<script>" not in body_diff("<p>x</p>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")


def test_times_in_a_comparison_are_local_and_to_the_minute(client, editor, in_review):
    actions.publish(in_review, by=editor, at=timezone.make_aware(datetime(2028, 1, 5, 9, 30, 12, 345678)))
    newest, before = in_review.revisions.order_by("-pk")[:2]
    client.force_login(editor)
    html = client.get(revisions_url(in_review), {"a": before.pk, "b": newest.pk}).content.decode()
    assert "<ins>05.01.2028, 09:30</ins>" in html


# Restoring -----------------------------------------------------------------------------------------------------------


def test_restore_asks_first_and_shows_what_would_change(client, edited):
    middle = edited.revisions.order_by("-pk")[1]
    response = client.get(reverse("admin:articles_article_restore", args=[edited.pk, middle.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and "<del>Dritte</del><ins>Zweite</ins>" in html
    assert "Ja, diese Version wiederherstellen" in html
    assert Article.objects.get(pk=edited.pk).title == "Dritte Fassung"


def test_restore_makes_an_old_revision_current_as_a_new_revision(client, edited, editor):
    middle = edited.revisions.order_by("-pk")[1]
    response = client.post(reverse("admin:articles_article_restore", args=[edited.pk, middle.pk]))
    assert response.status_code == 302
    article = Article.objects.get(pk=edited.pk)
    assert article.title == "Zweite Fassung" and "drei Prozent" in article.body
    restore = article.revisions.latest("pk")
    assert (restore.action, restore.by, restore.based_on) == (Action.RESTORE, editor, middle)


def test_restore_covers_tags_authors_access_image_and_categories(editor, own_draft, magazin, kurzmeldungen):
    first_author = own_draft.bylines.get().author
    picture = ImageFactory(alt_text="Ein Bild")
    own_draft.tags.set(["Energie", "Kliniken"])
    actions.edit(own_draft, {"image": picture, "access": Access.PREMIUM}, by=editor)
    old = own_draft.revisions.latest("pk")
    second_author = AuthorFactory(name="Zweite Autorin")

    def relate():
        own_draft.tags.set(["Politik"])
        own_draft.categories.set([kurzmeldungen, magazin])
        own_draft.bylines.all().delete()
        own_draft.bylines.create(author=second_author, position=0)

    actions.edit(own_draft, {"image": None, "access": Access.FREE}, by=editor, save_relations=relate)
    actions.restore_revision(own_draft, old, by=editor)

    article = Article.objects.get(pk=own_draft.pk)
    assert sorted(article.tags.names()) == ["Energie", "Kliniken"]
    assert article.ordered_authors == [first_author]
    assert (article.access, article.image) == (Access.PREMIUM, picture)
    assert list(article.categories.all()) == [kurzmeldungen]


def test_restore_keeps_status_and_schedule(editor, in_review):
    old = in_review.revisions.earliest("pk")
    actions.publish(in_review, by=editor)
    actions.restore_revision(Article.objects.get(pk=in_review.pk), old, by=editor)
    assert Article.objects.get(pk=in_review.pk).is_live


def test_a_reporter_restoring_a_published_article_proposes_it_for_review(client, reporter, editor, own_draft):
    actions.edit(own_draft, {"title": "Die alte Überschrift"}, by=reporter)
    old = own_draft.revisions.latest("pk")
    actions.edit(own_draft, {"title": "Die neue Überschrift"}, by=reporter)
    actions.publish(own_draft, by=editor)
    client.force_login(reporter)
    html = client.get(reverse("admin:articles_article_restore", args=[own_draft.pk, old.pk])).content.decode()
    assert "als Korrektur" in html
    client.post(reverse("admin:articles_article_restore", args=[own_draft.pk, old.pk]))
    article = Article.objects.get(pk=own_draft.pk)
    assert article.title == "Die neue Überschrift" and article.is_live
    assert proposed(article) == {"title": "Die alte Überschrift"}


def test_restore_needs_a_post(client, edited):
    middle = edited.revisions.order_by("-pk")[1]
    client.get(reverse("admin:articles_article_restore", args=[edited.pk, middle.pk]))
    assert Article.objects.get(pk=edited.pk).title == "Dritte Fassung"


def test_a_revision_of_another_article_cannot_be_restored(client, edited, others_draft, editor):
    actions.edit(others_draft, {"title": "Fremd"}, by=editor)
    foreign = others_draft.revisions.latest("pk")
    response = client.post(reverse("admin:articles_article_restore", args=[edited.pk, foreign.pk]))
    assert response.status_code == 404 and Article.objects.get(pk=edited.pk).title == "Dritte Fassung"


# Corrections ---------------------------------------------------------------------------------------------------------


def test_a_reporters_corrections_merge_into_one_proposal(own_published, reporter):
    actions.propose_changes(own_published, {"title": "Neue Überschrift"}, by=reporter)
    actions.propose_changes(own_published, {"teaser": "Neuer Teaser."}, by=reporter)
    assert proposed(own_published) == {"title": "Neue Überschrift", "teaser": "Neuer Teaser."}
    assert actions.open_proposals(own_published).count() == 1


def test_merging_corrections_tells_the_editors_once(own_published, reporter, editor):
    from editorial.models import Notification

    actions.propose_changes(own_published, {"title": "Neue Überschrift"}, by=reporter)
    actions.propose_changes(own_published, {"teaser": "Neuer Teaser."}, by=reporter)
    assert Notification.objects.filter(recipient=editor, kind=Notification.Kind.PROPOSED).count() == 1


def test_a_correction_set_back_to_the_live_text_drops_out(own_published, reporter):
    actions.propose_changes(own_published, {"title": "Neu", "teaser": "Neuer Teaser."}, by=reporter)
    actions.propose_changes(own_published, {"title": "Veröffentlichter Beitrag"}, by=reporter)
    assert proposed(own_published) == {"teaser": "Neuer Teaser."}


def test_corrections_through_the_form_merge_and_the_form_shows_them(client, reporter, own_published):
    client.force_login(reporter)
    client.post(change_url(own_published), change_form_data(own_published, title="Geänderte Überschrift"))
    html = client.get(change_url(own_published)).content.decode()
    assert 'value="Geänderte Überschrift"' in html  # the reporter continues from their proposal
    data = change_form_data(own_published, title="Geänderte Überschrift", teaser="Geänderter Teaser.")
    client.post(change_url(own_published), data)
    assert proposed(own_published) == {"title": "Geänderte Überschrift", "teaser": "Geänderter Teaser."}


def test_the_editor_accepts_a_correction_field_by_field(client, editor, reporter, own_published):
    actions.propose_changes(own_published, {"title": "Bessere Überschrift", "teaser": "Falscher Teaser."}, by=reporter)
    client.force_login(editor)
    url = reverse("admin:articles_article_corrections", args=[own_published.pk])
    html = client.get(url).content.decode()
    assert "<del>Veröffentlichter Beitrag</del><ins>Bessere Überschrift</ins>" in html and 'value="teaser"' in html
    proposal = actions.open_proposals(own_published).get()
    client.post(url, {"proposal": proposal.pk, "decision": "accept", "fields": ["title"]})
    article = Article.objects.get(pk=own_published.pk)
    assert (article.title, article.teaser) == ("Bessere Überschrift", "Der ursprüngliche Teaser.")
    decision = article.revisions.latest("pk")
    assert decision.action == Action.APPROVE and "nicht übernommen: Teaser" in decision.comment
    proposal.refresh_from_db()
    assert proposal.outcome == Revision.Outcome.PARTLY_ACCEPTED  # the history says the teaser was not taken


def test_accepting_nothing_is_refused(client, editor, reporter, own_published):
    proposal = actions.propose_changes(own_published, {"title": "Bessere Überschrift"}, by=reporter)
    client.force_login(editor)
    url = reverse("admin:articles_article_corrections", args=[own_published.pk])
    response = client.post(url, {"proposal": proposal.pk, "decision": "accept"}, follow=True)
    assert "Wählen Sie mindestens eine Änderung" in response.content.decode()
    assert Article.objects.get(pk=own_published.pk).title == "Veröffentlichter Beitrag"


def test_reporters_cannot_decide_on_corrections(client, reporter, own_published):
    proposal = actions.propose_changes(own_published, {"title": "Selbst übernommen"}, by=reporter)
    client.force_login(reporter)
    url = reverse("admin:articles_article_corrections", args=[own_published.pk])
    assert client.post(url, {"proposal": proposal.pk, "decision": "accept", "fields": ["title"]}).status_code == 403
    assert Article.objects.get(pk=own_published.pk).title == "Veröffentlichter Beitrag"


def test_proposals_of_two_reporters_are_decided_separately(editor, reporter, own_published):
    colleague = staff_with_role("kollege", "Autor/in")
    own_published.bylines.create(author=AuthorFactory(name="Kollege", user=colleague), position=1)
    first = actions.propose_changes(own_published, {"title": "Von der Autorin"}, by=reporter)
    second = actions.propose_changes(own_published, {"teaser": "Vom Kollegen."}, by=colleague)
    actions.reject_changes(own_published, first, by=editor)
    actions.approve_changes(own_published, second, by=editor)
    article = Article.objects.get(pk=own_published.pk)
    assert (article.title, article.teaser) == ("Veröffentlichter Beitrag", "Vom Kollegen.")


def test_the_versions_page_loads_no_content_but_the_two_compared(client, edited, django_assert_max_num_queries):
    newest, middle = edited.revisions.order_by("-pk")[:2]
    for _ in range(30):
        actions.edit(Article.objects.get(pk=edited.pk), {"kicker": f"K{_}"}, by=newest.by)
    with django_assert_max_num_queries(15):
        html = client.get(revisions_url(edited), {"a": middle.pk, "b": newest.pk}).content.decode()
    assert "<del>Zweite</del><ins>Dritte</ins> Fassung" in html and html.count("Diese Version wiederherstellen") >= 30
