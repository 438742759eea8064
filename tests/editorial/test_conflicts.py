"""Two people edit the same article: the second save is refused and loses nothing."""

import pytest
from django.urls import reverse

from articles.models import Article
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


def test_second_save_is_refused_with_who_and_when_and_keeps_the_input(client, editor, second_editor, own_draft):
    opened_by_first = change_form_data(own_draft)  # both open the same version
    opened_by_second = change_form_data(own_draft)

    client.force_login(second_editor)
    assert client.post(change_url(own_draft), {**opened_by_second, "title": "Titel von Zora"}).status_code == 302

    client.force_login(editor)
    response = client.post(change_url(own_draft), {**opened_by_first, "teaser": "Mein sorgfältiger neuer Teaser"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zora Zweite hat diesen Artikel am" in html
    assert "Geändert: Überschrift." in html
    assert "Mein sorgfältiger neuer Teaser" in html  # the input is back in the form
    article = Article.objects.get(pk=own_draft.pk)
    assert article.title == "Titel von Zora" and article.teaser != "Mein sorgfältiger neuer Teaser"


def test_saving_again_after_the_conflict_is_a_deliberate_merge(client, editor, second_editor, own_draft):
    stale = change_form_data(own_draft)
    client.force_login(second_editor)
    client.post(change_url(own_draft), {**stale, "title": "Titel von Zora"})
    client.force_login(editor)
    response = client.post(change_url(own_draft), {**stale, "teaser": "Neu"})
    current_version = response.context["adminform"].form["opened_version"].value()
    merged = {**stale, "title": "Titel von Zora", "teaser": "Neu", "opened_version": current_version}
    assert client.post(change_url(own_draft), merged).status_code == 302
    article = Article.objects.get(pk=own_draft.pk)
    assert (article.title, article.teaser) == ("Titel von Zora", "Neu")


def test_workflow_buttons_are_checked_too(client, editor, second_editor, own_draft):
    stale = change_form_data(own_draft)
    client.force_login(second_editor)
    client.post(change_url(own_draft), {**stale, "body": "<p>Neuer Text</p>"})
    client.force_login(editor)
    response = client.post(change_url(own_draft), {**stale, "_workflow": "publish"})
    assert response.status_code == 200
    article = Article.objects.get(pk=own_draft.pk)
    assert article.status == Article.Status.DRAFT and article.body == "<p>Neuer Text</p>"


def test_a_form_without_its_version_is_treated_as_stale(client, editor, own_draft):
    data = change_form_data(own_draft, title="Ohne Version")
    del data["opened_version"]
    client.force_login(editor)
    assert client.post(change_url(own_draft), data).status_code == 200
    assert Article.objects.get(pk=own_draft.pk).title == "Entwurf der Autorin"


def test_transition_by_someone_else_counts_as_a_change(client, editor, reporter, own_draft):
    from editorial import actions

    stale = change_form_data(own_draft)
    actions.submit(own_draft, by=reporter)
    client.force_login(editor)
    response = client.post(change_url(own_draft), {**stale, "title": "Überschrieben?"})
    assert response.status_code == 200
    assert "Geändert: Status." in response.content.decode()
