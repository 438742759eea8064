"""Each workflow transition: who may do it, what it checks, what it records."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles.models import Article
from editorial import actions
from editorial.models import ArticleInReview, Revision
from tests.factories import ImageFactory

from .conftest import proposed, revision_count

pytestmark = pytest.mark.django_db
Status = Article.Status


def refreshed(article):
    return Article.objects.get(pk=article.pk)


def step_names(user, article):
    return [step.name for step in actions.available_steps(user, article)]


# Role × action matrix ----------------------------------------------------------

ROLES = ["reporter_own", "reporter_other", "editor", "chief"]
EXPECTED = {
    #              reporter_own reporter_other editor chief
    "submit": (True, False, True, True),
    "publish": (False, False, True, True),
    "schedule": (False, False, True, True),
    "return": (False, False, True, True),
    "unpublish": (False, False, True, True),
    "edit": (True, False, True, True),
}


@pytest.fixture
def actor(request, reporter, other_reporter, editor, chief):
    return {"reporter_own": reporter, "reporter_other": other_reporter, "editor": editor, "chief": chief}[request.param]


def perform(name, article, user):
    if name == "submit":
        return actions.submit(article, by=user)
    if name == "publish":
        return actions.publish(article, by=user)
    if name == "schedule":
        return actions.publish(article, by=user, at=timezone.now() + timedelta(days=1))
    if name == "return":
        actions.submit(article, by=article.created_by)
        return actions.return_for_changes(article, by=user, comment="Bitte Quelle ergänzen.")
    if name == "unpublish":
        Article.objects.filter(pk=article.pk).update(status=Status.PUBLISHED, published_at=timezone.now())
        return actions.unpublish(article, by=user)
    if name == "edit" and not actions.can_edit(user, article):
        raise PermissionDenied


@pytest.mark.parametrize("actor", ROLES, indirect=True, ids=ROLES)
@pytest.mark.parametrize("action", EXPECTED)
def test_role_action_matrix(actor, action, request, own_draft):
    allowed = EXPECTED[action][ROLES.index(request.node.callspec.params["actor"])]
    before = refreshed(own_draft)
    revisions_before = revision_count(own_draft)
    if allowed:
        perform(action, own_draft, actor)
    else:
        with pytest.raises(PermissionDenied):
            perform(action, own_draft, actor)
        after = refreshed(own_draft)
        if action not in {"return", "unpublish"}:  # those set the stage themselves
            assert (after.status, after.published_at) == (before.status, before.published_at)
            assert revision_count(after) == revisions_before


def test_readers_can_do_nothing(reader, own_draft):
    for check in (actions.can_edit, actions.can_submit, actions.can_propose_changes):
        assert not check(reader, own_draft)
    assert step_names(reader, own_draft) == []
    with pytest.raises(PermissionDenied):
        actions.publish(own_draft, by=reader)


# Transitions ------------------------------------------------------------------


def test_submit_moves_to_review_and_records_who_and_when(own_draft, reporter):
    transition = actions.submit(own_draft, by=reporter)
    assert refreshed(own_draft).status == Status.IN_REVIEW
    assert (transition.action, transition.from_status, transition.to_status, transition.by) == (
        Revision.Action.SUBMIT, Status.DRAFT, Status.IN_REVIEW, reporter
    )
    assert abs(transition.at - timezone.now()) < timedelta(seconds=5)


def test_reporter_cannot_edit_while_in_review(in_review, reporter, editor):
    assert not actions.can_edit(reporter, in_review)
    assert actions.can_edit(editor, in_review)
    with pytest.raises(PermissionDenied):
        actions.submit(in_review, by=reporter)


def test_return_needs_a_comment_and_gives_the_article_back(in_review, editor, reporter):
    with pytest.raises(ValidationError) as error:
        actions.return_for_changes(in_review, by=editor, comment="  ")
    assert error.value.code == "comment_required"
    assert refreshed(in_review).status == Status.IN_REVIEW

    transition = actions.return_for_changes(in_review, by=editor, comment="Zahlen prüfen.")
    article = refreshed(in_review)
    assert article.status == Status.RETURNED and transition.comment == "Zahlen prüfen."
    assert actions.can_edit(reporter, article) and actions.can_submit(reporter, article)


def test_return_only_from_review(own_draft, editor):
    with pytest.raises(ValidationError):
        actions.return_for_changes(own_draft, by=editor, comment="x")


def test_publish_now(in_review, editor):
    transition = actions.publish(in_review, by=editor)
    article = refreshed(in_review)
    assert article.status == Status.PUBLISHED and article.is_live
    assert article.first_published_at == article.published_at
    assert transition.action == Revision.Action.PUBLISH


def test_schedule_for_later(in_review, editor):
    at = timezone.now() + timedelta(hours=6)
    transition = actions.publish(in_review, by=editor, at=at)
    article = refreshed(in_review)
    assert article.is_scheduled and not article.is_live
    assert transition.action == Revision.Action.SCHEDULE
    assert list(Article.objects.scheduled()) == [article]


@pytest.mark.parametrize(
    "change, message",
    [
        ({"title": ""}, "Überschrift"),
        ({"teaser": ""}, "Teaser"),
        ({"body": ""}, "Text"),
    ],
)
def test_publishing_validates_the_article(own_draft, editor, change, message):
    Article.objects.filter(pk=own_draft.pk).update(**change)
    with pytest.raises(ValidationError) as error:
        actions.publish(own_draft, by=editor)
    assert any(message in text for text in error.value.messages)
    assert refreshed(own_draft).status == Status.DRAFT
    assert not Revision.objects.filter(action=Revision.Action.PUBLISH).exists()


def test_publishing_needs_category_author_and_alt_text(own_draft, editor):
    own_draft.categories.clear()
    own_draft.bylines.all().delete()
    own_draft.image = ImageFactory(alt_text="")
    own_draft.save()
    with pytest.raises(ValidationError) as error:
        actions.publish(own_draft, by=editor)
    assert len(error.value.messages) == 3
    assert refreshed(own_draft).status == Status.DRAFT


def test_expiry_must_follow_publication(own_draft, editor):
    Article.objects.filter(pk=own_draft.pk).update(expires_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(ValidationError):
        actions.publish(own_draft, by=editor)


def test_unpublish_takes_the_article_offline(own_published, editor):
    actions.unpublish(own_published, by=editor, comment="Rechtlich prüfen")
    article = refreshed(own_published)
    assert article.status == Status.UNPUBLISHED and not article.is_live
    actions.publish(article, by=editor)
    assert refreshed(own_published).is_live


def test_publishing_without_a_time_means_now_and_keeps_the_first_publication(own_draft, editor):
    before = timezone.now().replace(microsecond=0)  # the form shows seconds, so times are kept to the second
    actions.publish(own_draft, by=editor)
    article = refreshed(own_draft)
    assert before <= article.published_at <= timezone.now() and article.is_live
    first = article.first_published_at
    assert first == article.published_at
    actions.unpublish(article, by=editor)
    later = (timezone.now() + timedelta(hours=3)).replace(microsecond=0)
    actions.publish(refreshed(article), by=editor, at=later)
    article = refreshed(article)
    assert (article.published_at, article.first_published_at) == (later, first)


def test_available_steps_follow_role_and_state(own_draft, reporter, editor):
    assert step_names(reporter, own_draft) == ["submit"]
    assert step_names(editor, own_draft) == ["submit", "publish"]
    actions.submit(own_draft, by=reporter)
    in_review = refreshed(own_draft)
    assert step_names(reporter, in_review) == []
    assert step_names(editor, in_review) == ["publish", "return"]
    actions.publish(in_review, by=editor)
    assert step_names(editor, refreshed(in_review)) == ["unpublish"]


# Corrections to published articles by their reporter --------------------------


def test_reporter_corrections_wait_for_review_while_the_old_text_stays_online(own_published, reporter, editor, client):
    actions.propose_changes(own_published, {"teaser": "Der korrigierte Teaser."}, by=reporter)
    article = refreshed(own_published)
    assert article.teaser == "Der ursprüngliche Teaser." and article.is_live
    assert proposed(article) == {"teaser": "Der korrigierte Teaser."}
    assert [a.pk for a in ArticleInReview.objects.awaiting_review()] == [article.pk]
    assert "Der ursprüngliche Teaser." in client.get(article.get_absolute_url()).content.decode()

    actions.approve_changes(article, actions.open_proposals(article).get(), by=editor)
    article = refreshed(own_published)
    assert article.teaser == "Der korrigierte Teaser." and proposed(article) is None


def test_rejected_corrections_are_not_applied_but_stay_in_the_history(own_published, reporter, editor):
    proposal = actions.propose_changes(own_published, {"title": "Falsch"}, by=reporter)
    actions.reject_changes(own_published, proposal, by=editor, comment="Stimmt so.")
    article = refreshed(own_published)
    assert article.title == "Veröffentlichter Beitrag" and proposed(article) is None
    proposal.refresh_from_db()
    assert proposal.outcome == Revision.Outcome.REJECTED and proposal.content["title"] == "Falsch"


def test_only_text_fields_can_be_corrected(own_published, reporter):
    with pytest.raises(ValidationError):
        actions.propose_changes(own_published, {"status": "draft"}, by=reporter)


def test_proposed_body_is_sanitised(own_published, reporter):
    actions.propose_changes(own_published, {"body": "<p>ok</p><script>alert(1)</script>"}, by=reporter)
    assert proposed(own_published)["body"] == "<p>ok</p>"


def test_other_reporters_cannot_propose_corrections(own_published, other_reporter):
    with pytest.raises(PermissionDenied):
        actions.propose_changes(own_published, {"title": "x"}, by=other_reporter)


def test_reporters_cannot_approve_corrections(own_published, reporter):
    proposal = actions.propose_changes(own_published, {"title": "Neu"}, by=reporter)
    with pytest.raises(PermissionDenied):
        actions.approve_changes(own_published, proposal, by=reporter)
    assert refreshed(own_published).title == "Veröffentlichter Beitrag"


def test_editor_edits_on_published_articles_are_live_at_once(own_published, editor):
    assert actions.can_edit(editor, own_published)
    assert not actions.can_propose_changes(editor, own_published)
