"""A plain save is a named action too: ``edit`` checks, versions and logs like the workflow buttons."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from editorial import actions
from editorial.admin.articles import ArticleAdmin
from editorial.models import Revision

from .conftest import change_form_data, proposed

pytestmark = pytest.mark.django_db
Action = Revision.Action


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def log(article):
    """What happened after the fixture's article was created."""
    return list(article.revisions.exclude(action=Action.CREATE, by=article.created_by).order_by("pk").values_list("action", "by__username"))


def test_saving_the_admin_form_is_logged_and_versioned_with_the_editor(client, editor, own_draft):
    client.force_login(editor)
    response = client.post(change_url(own_draft), change_form_data(own_draft, title="Geschärfte Überschrift"))
    assert response.status_code == 302
    article = Article.objects.get(pk=own_draft.pk)
    assert article.title == "Geschärfte Überschrift"
    assert log(article) == [(Action.EDIT, "redakteur")]
    assert article.revisions.latest("pk").content["title"] == "Geschärfte Überschrift"


def test_saving_an_unchanged_form_writes_no_version(client, editor, own_draft):
    client.force_login(editor)
    assert client.post(change_url(own_draft), change_form_data(own_draft)).status_code == 302
    assert log(own_draft) == []


def test_a_new_article_from_the_admin_is_created_by_its_writer(client, reporter, kurzmeldungen):
    client.force_login(reporter)
    data = {
        "title": "Neue Meldung", "slug": "", "kicker": "", "teaser": "Ein Teaser.", "body": "<p>Text</p>",
        "primary_category": kurzmeldungen.pk, "categories": [kurzmeldungen.pk], "tags": "", "access": "",
        "preview_paragraphs": 2, "workflow_comment": "",
        "bylines-TOTAL_FORMS": "1", "bylines-INITIAL_FORMS": "0", "bylines-MIN_NUM_FORMS": "1",
        "bylines-MAX_NUM_FORMS": "1000", "bylines-0-author": reporter.author_profile.pk, "bylines-0-position": "0",
        "editorial_notes-TOTAL_FORMS": "0", "editorial_notes-INITIAL_FORMS": "0",
    }
    assert client.post(reverse("admin:articles_article_add"), data).status_code == 302
    article = Article.objects.get(title="Neue Meldung")
    assert (article.status, article.created_by, article.slug) == (Article.Status.DRAFT, reporter, "neue-meldung")
    assert list(article.revisions.values_list("action", "by__username")) == [(Action.CREATE, "autorin")]


def test_workflow_fields_change_only_through_the_workflow(editor, own_draft):
    for changes in ({"status": Article.Status.PUBLISHED}, {"first_published_at": timezone.now()}, {"created_by": None}):
        with pytest.raises(ValidationError):
            actions.edit(own_draft, changes, by=editor)
    assert Article.objects.get(pk=own_draft.pk).status == Article.Status.DRAFT and log(own_draft) == []


def test_reporters_cannot_schedule_through_an_edit(reporter, own_draft, kurzmeldungen):
    with pytest.raises(PermissionDenied):
        actions.edit(own_draft, {"published_at": timezone.now()}, by=reporter)
    unsaved = Article(title="Früh", teaser="t", primary_category=kurzmeldungen, published_at=timezone.now())
    with pytest.raises(PermissionDenied):
        actions.edit(unsaved, {}, by=reporter)
    assert unsaved.pk is None


def test_others_cannot_edit_and_reporters_edits_to_published_articles_wait_for_review(other_reporter, reporter, own_draft, own_published):
    with pytest.raises(PermissionDenied):
        actions.edit(own_draft, {"title": "Fremd"}, by=other_reporter)
    transition = actions.edit(own_published, {"teaser": "Korrigierter Teaser."}, by=reporter)
    article = Article.objects.get(pk=own_published.pk)
    assert transition.action == Action.PROPOSE and article.teaser == "Der ursprüngliche Teaser."
    assert proposed(article) == {"teaser": "Korrigierter Teaser."}


def test_buttons_and_bulk_actions_come_from_the_one_registry(client, editor, in_review):
    names = {step.name for step in actions.STEPS.values()}
    assert names <= set(Revision.Action.values)  # every button is a log entry
    bulk = {action.__name__ for action in ArticleAdmin.actions}
    assert bulk == {f"{step.name}_selected" for step in actions.STEPS.values() if step.bulk_label}
    client.force_login(editor)
    html = client.get(change_url(in_review)).content.decode()
    buttons = {
        name: (attributes, label)
        for name, attributes, label in re.findall(r'name="_workflow" value="(\w+)"([^>]*)>([^<]+)</button>', html)
    }
    assert {name: label for name, (_a, label) in buttons.items()} == {"publish": "Veröffentlichen / planen", "return": "An Autor/in zurückgeben"}
    assert "Kommentarfeld" in buttons["return"][0] and not buttons["publish"][0]  # the step that needs a comment says so


def test_a_change_of_categories_alone_is_a_revision_that_stale_forms_keep(client, editor, chief, own_draft, magazin):
    stale = change_form_data(own_draft)
    client.force_login(chief)
    with_magazin = change_form_data(own_draft, categories=[*stale["categories"], magazin.pk])
    assert client.post(change_url(own_draft), with_magazin).status_code == 302
    assert log(own_draft) == [(Action.EDIT, "chefin")]
    client.force_login(editor)
    assert client.post(change_url(own_draft), {**stale, "teaser": "Neuer Teaser"}).status_code == 302
    article = Article.objects.get(pk=own_draft.pk)
    assert magazin in article.categories.all() and article.teaser == "Neuer Teaser"  # nobody's change is lost


def test_a_change_of_authors_alone_is_a_version(client, editor, own_draft):
    from tests.factories import AuthorFactory

    second = AuthorFactory(name="Zweite Autorin")
    client.force_login(editor)
    data = change_form_data(own_draft, **{
        "bylines-TOTAL_FORMS": "2", "bylines-1-author": second.pk, "bylines-1-position": "1",
    })
    assert client.post(change_url(own_draft), data).status_code == 302
    assert log(own_draft) == [(Action.EDIT, "redakteur")]
    assert own_draft.revisions.latest("pk").content["authors"] == [own_draft.bylines.first().author_id, second.pk]


def test_emptying_the_publication_time_of_a_published_article_means_now(client, editor, own_published):
    client.force_login(editor)
    before = timezone.now().replace(microsecond=0)  # the form shows seconds, so times are kept to the second
    data = change_form_data(own_published, published_at_0="", published_at_1="")
    assert client.post(change_url(own_published), data).status_code == 302
    article = Article.objects.get(pk=own_published.pk)
    assert article.is_live and article.published_at >= before
