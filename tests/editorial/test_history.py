"""Every saved version is kept, can be compared field by field, and restored."""

import pytest
from django.urls import reverse

from articles.models import Article
from editorial import actions
from editorial.history import readable_text, word_diff
from editorial.models import Transition

from .conftest import change_form_data

pytestmark = pytest.mark.django_db


def versions_url(article):
    return reverse("admin:articles_article_versions", args=[article.pk])


@pytest.fixture
def edited(client, editor, own_draft):
    """The reporter's draft, then two saves by the editor through the admin."""
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[own_draft.pk])
    client.post(url, change_form_data(own_draft, title="Zweite Fassung", body="<p>Der Umsatz stieg um drei Prozent.</p>"))
    article = Article.objects.get(pk=own_draft.pk)
    client.post(url, change_form_data(article, title="Dritte Fassung", body="<p>Der Umsatz stieg um fünf Prozent.</p>"))
    return Article.objects.get(pk=own_draft.pk)


def test_every_save_is_a_version_with_user_and_time(edited, editor):
    versions = list(edited.history.order_by("history_date"))
    assert [v.title for v in versions][-2:] == ["Zweite Fassung", "Dritte Fassung"]
    assert versions[-1].history_user == editor and versions[-2].history_user == editor


def test_versions_page_compares_two_versions_field_by_field(client, edited):
    newest, middle = edited.history.order_by("-history_date")[:2]
    response = client.get(versions_url(edited), {"a": middle.history_id, "b": newest.history_id})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<del>Zweite</del><ins>Dritte</ins> Fassung" in html
    assert "um <del>drei</del><ins>fünf</ins> Prozent" in html
    assert "Redakteur" in html  # who saved


def test_comparing_identical_versions_says_so(client, edited):
    newest = edited.history.latest("history_date")
    html = client.get(versions_url(edited), {"a": newest.history_id, "b": newest.history_id}).content.decode()
    assert "Die beiden Versionen unterscheiden sich nicht." in html


@pytest.mark.parametrize("query", [{"a": "x", "b": "1"}, {"a": "99999999", "b": "-1"}, {}])
def test_bad_version_ids_show_the_list(client, edited, query):
    response = client.get(versions_url(edited), query)
    assert response.status_code == 200 and "Dritte Fassung" in response.content.decode()


def test_restore_makes_an_old_version_current_as_a_new_version(client, edited, editor):
    middle = edited.history.order_by("-history_date")[1]
    count = edited.history.count()
    response = client.post(reverse("admin:articles_article_restore", args=[edited.pk, middle.history_id]))
    assert response.status_code == 302
    article = Article.objects.get(pk=edited.pk)
    assert article.title == "Zweite Fassung" and "drei Prozent" in article.body
    assert article.history.count() == count + 1
    assert article.history.latest("history_date").history_user == editor
    assert Transition.objects.get(action=Transition.Action.RESTORE).by == editor


def test_restore_needs_a_post(client, edited):
    middle = edited.history.order_by("-history_date")[1]
    client.get(reverse("admin:articles_article_restore", args=[edited.pk, middle.history_id]))
    assert Article.objects.get(pk=edited.pk).title == "Dritte Fassung"


def test_restore_brings_back_categories(client, edited, editor, magazin, kurzmeldungen):
    before = edited.history.latest("history_date")
    edited.categories.set([kurzmeldungen, magazin])
    edited.save()
    actions.restore_version(edited, before, by=editor)
    assert list(Article.objects.get(pk=edited.pk).categories.all()) == [kurzmeldungen]


def test_readable_body_diff():
    assert readable_text("<p>Eins</p><p>Zwei <b>drei</b></p>") == "Eins\nZwei drei"
    assert word_diff("a <b> c", "a <x> c") == "a <del>&lt;b&gt;</del><ins>&lt;x&gt;</ins> c"
