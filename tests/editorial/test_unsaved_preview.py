"""The preview beside the article form: what is typed, shown in the public template, never saved."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("editorial:unsaved_preview")


def typed(article=None, **fields):
    """The content fields of an open article form, as its preview button posts them."""
    data = {"article": article.pk if article else ""}
    if article:
        data.update(kicker=article.kicker, title=article.title, teaser=article.teaser, body=article.body,
                    primary_category=article.primary_category_id, access=article.access,
                    preview_paragraphs=article.preview_paragraphs, image=article.image_id or "")
    data.update(fields)
    return data


def test_the_typed_text_shows_and_nothing_is_saved(client, editor, own_draft):
    client.force_login(editor)
    before = Article.objects.values().get(pk=own_draft.pk)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(URL, typed(own_draft, title="Noch nicht gespeichert", body="<p>Ein neuer Absatz.</p>"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Noch nicht gespeichert</h1>" in html and "Ein neuer Absatz." in html
    assert "Anna Autorin" in html  # the saved bylines come with it
    assert Article.objects.values().get(pk=own_draft.pk) == before
    assert [query["sql"] for query in queries if not query["sql"].startswith("SELECT")] == []


def test_it_is_a_private_page_the_article_form_may_frame(client, reporter, own_draft):
    client.force_login(reporter)
    response = client.post(URL, typed(own_draft))
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get(own_draft.get_absolute_url())["X-Frame-Options"] == "DENY"  # other pages stay unframeable


def test_the_body_is_sanitised_as_on_saving(client, editor, own_draft):
    client.force_login(editor)
    body = '<p>Sauber.</p><script>alert("eins")</script><img src="x" onerror="alert(\'zwei\')"><p onclick="alert(3)">Drei</p>'
    html = client.post(URL, typed(own_draft, body=body)).content.decode()
    assert "Sauber." in html and "Drei" in html
    assert "alert(" not in html and "onerror" not in html and "onclick" not in html


def test_fields_left_out_or_invalid_keep_their_saved_value(client, editor, own_draft):
    client.force_login(editor)
    response = client.post(URL, {"article": own_draft.pk, "teaser": "Nur der Teaser ist neu."})  # read-only ones are not posted
    html = response.content.decode()
    assert response.status_code == 200 and "Nur der Teaser ist neu." in html and own_draft.kicker in html
    broken = typed(own_draft, title="", primary_category="abc", preview_paragraphs="-3", image="999999", access="alles")
    response = client.post(URL, broken)
    assert response.status_code == 200 and f"<h1>{own_draft.title}</h1>" in response.content.decode()


def test_a_new_article_previews_once_it_has_a_category(client, reporter, kurzmeldungen):
    client.force_login(reporter)
    response = client.post(URL, typed(title="Ganz neu", teaser="Noch ohne Nummer.", body="<p>Text.</p>",
                                      primary_category=kurzmeldungen.pk))
    assert response.status_code == 200 and "<h1>Ganz neu</h1>" in response.content.decode()
    assert not Article.objects.exists()
    for number in ("", "abc", "²"):
        response = client.post(URL, {"article": number, "title": "Ganz neu", "primary_category": ""})
        assert response.status_code == 400 and "Hauptrubrik" in response.content.decode()


def test_an_unknown_article_is_404(client, editor):
    client.force_login(editor)
    assert client.post(URL, {"article": "999999", "title": "X"}).status_code == 404


def test_only_staff_who_may_view_articles_get_a_preview(client, reader, own_draft):
    response = client.post(URL, typed(own_draft))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(reader)
    assert client.post(URL, typed(own_draft)).status_code == 302
    client.force_login(UserFactory(username="praktikant", is_staff=True))  # staff, but no role
    assert client.post(URL, typed(own_draft)).status_code == 404


def test_only_a_post_with_its_csrf_token_is_answered(editor, own_draft):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.get(URL).status_code == 405
    assert client.post(URL, typed(own_draft)).status_code == 403


def test_the_article_form_posts_its_fields_to_the_preview(client, reporter, own_draft):
    client.force_login(reporter)
    html = client.get(f"/admin/articles/article/{own_draft.pk}/change/").content.decode()
    assert f'formaction="{URL}" formtarget="desk-preview"' in html
    assert f'name="article" value="{own_draft.pk}"' in html
    assert 'name="article" value=""' in client.get("/admin/articles/article/add/").content.decode()  # a new one: none yet
