"""Bylines, "Aktualisiert am" and correction notes: an article changed after publication says so, everywhere."""

import json
from datetime import datetime, timedelta

import feedparser
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from lxml import html as lxml_html

from articles.models import Article, Correction
from editorial import actions
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db
NOTE = "In einer früheren Fassung hieß es, die Reform gelte ab Februar. Richtig ist: ab Januar."


@pytest.fixture
def published(editor, kurzmeldungen):
    article = ArticleFactory(
        title="Reform beschlossen", primary_category=kurzmeldungen, published_at=timezone.now() - timedelta(days=1),
        authors=[AuthorFactory(name="Jonas Becker", slug="jonas-becker"), AuthorFactory(name="Miriam Hartmann", slug="miriam-hartmann")],
    )
    return article


def page(client, article):
    return lxml_html.fromstring(client.get(article.get_absolute_url()).content)


def test_the_byline_names_and_links_the_authors_under_the_teaser(client, published):
    tree = page(client, published)
    byline = tree.xpath("//p[@class='byline']")[0]
    assert " ".join(byline.text_content().split()).startswith("Von Jonas Becker und Miriam Hartmann")
    assert byline.xpath(".//a/@href") == ["/autor/jonas-becker/", "/autor/miriam-hartmann/"]
    teaser = tree.xpath("//p[@class='article__teaser']")[0]
    assert teaser.getnext() is byline
    assert tree.xpath("//*[contains(@class, 'byline__updated')]") == []
    assert tree.xpath("//h2[@id='authors-heading']/text()") == ["Über die Autoren"]


def test_one_author_is_introduced_by_name(client, kurzmeldungen):
    article = ArticleFactory(primary_category=kurzmeldungen, authors=[AuthorFactory(name="Aylin Demir")])
    assert page(client, article).xpath("//h2[@id='authors-heading']/text()") == ["Über Aylin Demir"]


def test_a_correction_note_is_shown_dated_in_json_ld_on_the_corrections_page_and_in_the_feeds(client, published, editor):
    correction = actions.publish_correction(published, NOTE, by=editor)
    published.refresh_from_db()
    assert published.revised_at == correction.published_at

    tree = page(client, published)
    updated = " ".join(tree.xpath("//*[@class='byline__updated']")[0].text_content().split())
    assert updated == f"Aktualisiert am {timezone.localtime(correction.published_at):%d.%m.%Y, %H:%M}"
    note = " ".join(tree.xpath("//section[@class='corrections']")[0].text_content().split())
    assert NOTE in note and f"Korrektur {timezone.localtime(correction.published_at):%d.%m.%Y, %H:%M}:" in note
    data = [json.loads(script) for script in tree.xpath("//script[@type='application/ld+json']/text()")]
    news = next(item for item in data if item.get("@type") == "NewsArticle")
    assert news["correction"] == [{"@type": "CorrectionComment", "text": NOTE, "datePublished": correction.published_at.isoformat()}]
    assert news["dateModified"] == correction.published_at.isoformat()

    listing = client.get("/korrekturen/").content.decode()
    assert NOTE in listing and published.get_absolute_url() in listing

    rss = feedparser.parse(client.get("/feed/rss/").content).entries[0]
    assert "Korrektur: In einer früheren Fassung" in rss.description and "Aktualisiert am" in rss.description
    atom = feedparser.parse(client.get("/feed/atom/").content).entries[0]
    assert datetime.fromisoformat(atom.updated) == correction.published_at


def test_corrections_of_unpublished_articles_are_not_listed(client, published, editor):
    actions.publish_correction(published, NOTE, by=editor)
    actions.unpublish(published, by=editor)
    assert NOTE not in client.get("/korrekturen/").content.decode()
    assert "Bisher keine Korrekturen." in client.get("/korrekturen/").content.decode()


def test_only_editors_publish_corrections_and_only_on_published_articles(published, reporter, editor, kurzmeldungen):
    with pytest.raises(PermissionDenied):
        actions.publish_correction(published, NOTE, by=reporter)
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None, primary_category=kurzmeldungen)
    with pytest.raises(ValidationError):
        actions.publish_correction(draft, NOTE, by=editor)
    assert not Correction.objects.exists()


def test_an_edit_of_the_live_text_is_announced_a_draft_edit_is_not(published, editor, kurzmeldungen):
    actions.edit(published, {"body": published.body + "<p>Nachtrag.</p>"}, by=editor)
    published.refresh_from_db()
    assert published.revised_at is not None and published.revised_at > published.published_at
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None, primary_category=kurzmeldungen)
    actions.edit(draft, {"body": "<p>Neu.</p>"}, by=editor)
    draft.refresh_from_db()
    assert draft.revised_at is None


def test_an_editor_adds_a_correction_in_the_article_form(client, published, editor):
    from tests.editorial.conftest import change_form_data

    client.force_login(editor)
    data = change_form_data(published)
    data.update({"corrections-TOTAL_FORMS": "1", "corrections-0-text": NOTE})
    response = client.post(f"/admin/articles/article/{published.pk}/change/", data)
    assert response.status_code == 302
    correction = Correction.objects.get()
    assert correction.text == NOTE and correction.created_by == editor
    assert published.revisions.filter(comment__startswith="Korrektur veröffentlicht").exists()


def test_lists_show_a_breadcrumb_and_no_card_repeats_its_own_category(client, published, kurzmeldungen):
    tree = lxml_html.fromstring(client.get(kurzmeldungen.get_absolute_url()).content)
    trail = [" ".join(item.text_content().split()) for item in tree.xpath("//nav[@class='breadcrumb']//li")]
    assert trail == ["Start", "Kurzmeldungen"]
    assert tree.xpath("//main//article//a[@class='label'][@href='/rubrik/kurzmeldungen/']") == []
    tree = page(client, published)
    trail = [" ".join(item.text_content().split()) for item in tree.xpath("//nav[@class='breadcrumb']//li")]
    assert trail == ["Start", "Kurzmeldungen", "Reform beschlossen"]
    author = lxml_html.fromstring(client.get("/autor/jonas-becker/").content)
    assert [" ".join(item.text_content().split()) for item in author.xpath("//nav[@class='breadcrumb']//li")] == ["Start", "Jonas Becker"]
