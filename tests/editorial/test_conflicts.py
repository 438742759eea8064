"""Two people edit the same article: nothing is overwritten silently, nothing typed is lost, and each field is decided."""

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from editorial import actions
from tests.conftest import staff_with_role

from .conftest import change_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_editor(db):
    user = staff_with_role("zweite", "Redakteur/in")
    user.first_name, user.last_name = "Zora", "Zweite"
    user.save()
    return user


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def saved(article):
    return Article.objects.get(pk=article.pk)


def fingerprints(form):
    """The hidden fingerprints of "yours" the conflict panel posts with the choices."""
    return {f"conflict-yours-{row['name']}": row["yours_digest"] for row in form.conflicts}


def test_changes_to_different_fields_are_both_kept(client, editor, second_editor, own_draft):
    opened_by_first, opened_by_second = change_form_data(own_draft), change_form_data(own_draft)
    client.force_login(second_editor)
    assert client.post(change_url(own_draft), {**opened_by_second, "title": "Titel von Zora"}).status_code == 302

    client.force_login(editor)
    response = client.post(change_url(own_draft), {**opened_by_first, "teaser": "Mein neuer Teaser"}, follow=True)
    assert "Aus der neueren Fassung der Kollegin oder des Kollegen übernommen: Überschrift." in response.content.decode()
    assert (saved(own_draft).title, saved(own_draft).teaser) == ("Titel von Zora", "Mein neuer Teaser")


def test_the_same_field_changed_twice_shows_theirs_and_yours_and_saves_nothing(client, editor, second_editor, own_draft):
    stale = change_form_data(own_draft)
    client.force_login(second_editor)
    client.post(change_url(own_draft), {**stale, "title": "Titel von Zora"})

    client.force_login(editor)
    response = client.post(change_url(own_draft), {**stale, "title": "Mein Titel", "teaser": "Mein Teaser"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zora Zweite hat diesen Artikel am" in html and "Geändert: Überschrift." in html
    conflict = html[html.index('data-field="title"'):]
    assert "Titel von Zora" in conflict and "Mein Titel" in conflict
    assert 'name="resolve-title" value="theirs"' in conflict
    assert "Mein Teaser</textarea>" in html  # everything typed is back in the form
    assert (saved(own_draft).title, saved(own_draft).teaser) == ("Titel von Zora", own_draft.teaser)


def test_the_choice_per_field_decides_what_is_saved(client, editor, second_editor, own_draft):
    stale = change_form_data(own_draft)
    client.force_login(second_editor)
    client.post(change_url(own_draft), {**stale, "title": "Titel von Zora", "teaser": "Teaser von Zora"})

    client.force_login(editor)
    mine = {**stale, "title": "Mein Titel", "teaser": "Mein Teaser"}
    form = client.post(change_url(own_draft), mine).context["adminform"].form
    again = {**mine, "opened_revision": form["opened_revision"].value(), "conflicting_fields": form["conflicting_fields"].value()}

    undecided = client.post(change_url(own_draft), again)
    assert "Bitte wählen Sie für jedes Feld" in undecided.content.decode()
    assert saved(own_draft).title == "Titel von Zora"

    decided = client.post(change_url(own_draft), {
        **again, "resolve-title": "theirs", "resolve-teaser": "yours", **fingerprints(form),
    })
    assert decided.status_code == 302
    assert (saved(own_draft).title, saved(own_draft).teaser) == ("Titel von Zora", "Mein Teaser")


def test_what_was_typed_after_choosing_is_what_is_saved(client, editor, second_editor, own_draft):
    stale = change_form_data(own_draft)
    client.force_login(second_editor)
    client.post(change_url(own_draft), {**stale, "title": "Titel von Zora"})
    client.force_login(editor)
    response = client.post(change_url(own_draft), {**stale, "title": "Mein Titel"})
    form = response.context["adminform"].form
    assert 'data-value="Titel von Zora"' in response.content.decode()  # the page can put their text into the field
    again = {**stale, "opened_revision": form["opened_revision"].value(), "conflicting_fields": "title", **fingerprints(form)}
    # She chose theirs, the page put it into the field, and she went on typing there.
    client.post(change_url(own_draft), {**again, "resolve-title": "theirs", "title": "Titel von Zora – ergänzt"})
    assert saved(own_draft).title == "Titel von Zora – ergänzt"


def test_what_only_they_changed_survives_a_conflict_on_another_field(client, editor, second_editor, own_draft, magazin):
    stale = change_form_data(own_draft)
    client.force_login(second_editor)
    client.post(change_url(own_draft), {
        **stale, "title": "Titel von Zora", "kicker": "Zoras Dachzeile", "categories": [*stale["categories"], magazin.pk],
        "tags": "Energie, Kliniken", "published_at_0": "01.03.2027", "published_at_1": "08:00:00",
    })
    client.force_login(editor)
    form = client.post(change_url(own_draft), {**stale, "title": "Mein Titel"}).context["adminform"].form
    assert form["kicker"].value() == "Zoras Dachzeile"  # shown again with their value, not the stale one
    again = {key: form.data.getlist(key) if key == "categories" else form.data[key] for key in form.data}
    assert client.post(change_url(own_draft), {**again, "resolve-title": "yours"}).status_code == 302
    article = saved(own_draft)
    assert (article.title, article.kicker) == ("Mein Titel", "Zoras Dachzeile")
    assert magazin in article.categories.all() and sorted(article.tags.names()) == ["Energie", "Kliniken"]
    assert timezone.localtime(article.published_at).strftime("%d.%m.%Y %H:%M") == "01.03.2027 08:00"


def test_a_form_without_its_revision_is_treated_as_stale(client, editor, own_draft):
    actions.edit(own_draft, {"kicker": "Neu"}, by=editor)
    data = change_form_data(saved(own_draft), title="Ohne Version")
    del data["opened_revision"]
    client.force_login(editor)
    assert client.post(change_url(own_draft), data).status_code == 200
    assert saved(own_draft).title == "Entwurf der Autorin"


def test_a_workflow_button_on_a_changed_article_saves_but_waits(client, editor, second_editor, own_draft):
    stale = change_form_data(own_draft)
    client.force_login(second_editor)
    client.post(change_url(own_draft), {**stale, "body": "<p>Neuer Text</p>"})
    client.force_login(editor)
    response = client.post(change_url(own_draft), {**stale, "_workflow": "publish"}, follow=True)
    assert "Nicht ausgeführt" in response.content.decode()
    article = saved(own_draft)
    assert article.status == Article.Status.DRAFT and article.body == "<p>Neuer Text</p>"


def test_a_workflow_step_by_someone_else_is_no_conflict_of_content(client, editor, reporter, own_draft):
    stale = change_form_data(own_draft)
    actions.submit(own_draft, by=reporter)
    client.force_login(editor)
    assert client.post(change_url(own_draft), {**stale, "title": "Geschärft"}).status_code == 302
    assert (saved(own_draft).title, saved(own_draft).status) == ("Geschärft", Article.Status.IN_REVIEW)
