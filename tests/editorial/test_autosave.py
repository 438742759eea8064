"""Autosave keeps what someone typed as their draft, never as the article, and offers it back after a crash."""

import pytest
from django.urls import reverse

from articles.models import Article
from editorial.models import Draft, Revision

from .conftest import change_form_data

pytestmark = pytest.mark.django_db


def autosave_url(article=None):
    if article is None:
        return reverse("admin:articles_article_autosave_new")
    return reverse("admin:articles_article_autosave", args=[article.pk])


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_an_autosave_keeps_a_draft_and_leaves_the_article_and_its_history_alone(client, reporter, own_draft):
    client.force_login(reporter)
    revisions = Revision.objects.filter(article=own_draft).count()
    response = client.post(autosave_url(own_draft), change_form_data(own_draft, title="Halb fertig", body="<p>Erster Satz</p><script>x</script>"))
    assert response.status_code == 200 and response.json()["saved_at"]
    draft = Draft.objects.get(user=reporter, article=own_draft)
    assert draft.content["title"] == "Halb fertig" and draft.content["body"] == "<p>Erster Satz</p>"
    assert Article.objects.get(pk=own_draft.pk).title == "Entwurf der Autorin"
    assert Revision.objects.filter(article=own_draft).count() == revisions


def test_autosaving_again_updates_the_one_draft(client, reporter, own_draft):
    client.force_login(reporter)
    for title in ("Erst", "Zweit", "Dritt"):
        client.post(autosave_url(own_draft), change_form_data(own_draft, title=title))
    assert list(Draft.objects.values_list("content__title", flat=True)) == ["Dritt"]


def test_reopening_the_form_offers_the_draft_and_restores_it_on_request(client, reporter, own_draft):
    client.force_login(reporter)
    client.post(autosave_url(own_draft), change_form_data(own_draft, title="Nach dem Absturz"))
    html = client.get(change_url(own_draft)).content.decode()
    assert "automatisch aufbewahrt" in html and 'value="Entwurf der Autorin"' in html
    recovered = client.get(change_url(own_draft), {"autosave": "1"}).content.decode()
    assert 'value="Nach dem Absturz"' in recovered
    assert "wieder im Formular" in recovered and "wurden automatisch aufbewahrt" not in recovered


def test_saving_the_form_turns_the_draft_into_one_revision(client, reporter, own_draft):
    client.force_login(reporter)
    client.post(autosave_url(own_draft), change_form_data(own_draft, title="Vorläufig"))
    client.post(autosave_url(own_draft), change_form_data(own_draft, title="Endgültig"))
    assert client.post(change_url(own_draft), change_form_data(own_draft, title="Endgültig")).status_code == 302
    assert not Draft.objects.exists()
    assert Revision.objects.filter(article=own_draft, action=Revision.Action.EDIT).count() == 1


def test_a_new_article_is_autosaved_and_recovered_too(client, reporter, kurzmeldungen):
    client.force_login(reporter)
    client.post(autosave_url(), {
        "title": "Noch ohne Speichern", "teaser": "Angefangen.", "primary_category": kurzmeldungen.pk,
        "categories": [kurzmeldungen.pk], "tags": "Energie, Kliniken",
    })
    html = client.get(reverse("admin:articles_article_add")).content.decode()
    assert "automatisch aufbewahrt" in html
    form = client.get(reverse("admin:articles_article_add"), {"autosave": "1"}).context["adminform"].form
    assert form["title"].value() == "Noch ohne Speichern"
    assert str(form["primary_category"].value()) == str(kurzmeldungen.pk) and "Kliniken" in str(form["tags"].value())


def test_a_draft_can_be_discarded(client, reporter, own_draft):
    client.force_login(reporter)
    client.post(autosave_url(own_draft), change_form_data(own_draft, title="Verworfen"))
    client.post(reverse("admin:articles_article_discard_draft", args=[own_draft.pk]))
    assert not Draft.objects.exists()
    assert "automatisch aufbewahrt" not in client.get(change_url(own_draft)).content.decode()


def test_a_recovered_draft_meets_a_colleagues_save_as_a_conflict(client, reporter, editor, own_draft):
    client.force_login(reporter)
    client.post(autosave_url(own_draft), change_form_data(own_draft, title="Meine Überschrift"))
    client.force_login(editor)
    client.post(change_url(own_draft), change_form_data(own_draft, title="Überschrift der Redaktion"))
    client.force_login(reporter)
    form = client.get(change_url(own_draft), {"autosave": "1"}).context["adminform"].form
    data = change_form_data(Article.objects.get(pk=own_draft.pk), title="Meine Überschrift")
    data["opened_revision"] = form["opened_revision"].value()
    response = client.post(change_url(own_draft), data)
    assert response.status_code == 200 and 'name="resolve-title"' in response.content.decode()
    assert Article.objects.get(pk=own_draft.pk).title == "Überschrift der Redaktion"


def test_others_cannot_autosave_into_an_article(client, other_reporter, own_draft):
    client.force_login(other_reporter)
    assert client.post(autosave_url(own_draft), {"title": "Fremd"}).status_code == 403
    assert not Draft.objects.exists()


def test_autosave_needs_a_post_and_a_login(client, reporter, own_draft):
    assert client.post(autosave_url(own_draft), {"title": "x"}).status_code == 302  # to the login
    client.force_login(reporter)
    assert client.get(autosave_url(own_draft)).status_code == 405
    assert not Draft.objects.exists()


def test_broken_autosave_input_never_breaks_the_form(client, reporter, own_draft):
    client.force_login(reporter)
    garbage = {"title": "x" * 300, "primary_category": "abc", "categories": ["nix", "-1"], "tags": '"""', "opened_revision": "1e9"}
    assert client.post(autosave_url(), garbage).status_code == 200
    assert client.post(autosave_url(own_draft), garbage).status_code == 200
    assert client.get(reverse("admin:articles_article_add"), {"autosave": "1"}).status_code == 200
    assert client.get(change_url(own_draft), {"autosave": "1"}).status_code == 200
    assert client.post(autosave_url(own_draft), {"body": "x" * 600_000}).status_code == 400
