"""Article bodies are cleaned on every write, whichever way the HTML arrives."""

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p>Vorher</p><script>alert("x")</script>'
    '<p><img src="x" onerror="alert(1)">Bild</p>'
    '<p><a href="javascript:alert(1)">Klick</a> <a href="https://example.org" onclick="steal()">ok</a></p>'
    '<iframe src="https://evil.example"></iframe>'
    '<p style="color:red" onmouseover="x()">Nachher</p>'
)


class DangerFinder(HTMLParser):
    """Collects the elements and attributes a browser would execute."""

    def __init__(self):
        super().__init__()
        self.dangers = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "iframe", "object", "embed", "style"}:
            self.dangers.append(tag)
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.dangers.append(name)
            if name in {"href", "src"} and (value or "").strip().lower().startswith(("javascript:", "data:")):
                self.dangers.append(value)


def assert_harmless(html):
    finder = DangerFinder()
    finder.feed(html)
    assert finder.dangers == []
    assert "alert(" not in html


def test_orm_save_sanitises_and_keeps_the_text():
    article = ArticleFactory(body=HOSTILE)
    assert_harmless(article.body)
    stored = Article.objects.get(pk=article.pk).body
    assert_harmless(stored)
    assert "Vorher" in stored and "Nachher" in stored
    assert '<a href="https://example.org">ok</a>' in stored


def test_queryset_update_sanitises():
    article = ArticleFactory()
    Article.objects.filter(pk=article.pk).update(body=HOSTILE)
    assert_harmless(Article.objects.get(pk=article.pk).body)


def test_bulk_create_sanitises(kurzmeldungen):
    Article.objects.bulk_create([Article(title="Massenimport", slug="massenimport", teaser="T", body=HOSTILE, primary_category=kurzmeldungen)])
    assert_harmless(Article.objects.get(slug="massenimport").body)


def test_allowed_formatting_survives():
    html = (
        "<h2>Zwischentitel</h2><p><strong>fett</strong> <em>kursiv</em> "
        '<a href="https://example.org/quelle">Quelle</a></p><ul><li>Punkt</li></ul><blockquote><p>Zitat</p></blockquote>'
    )
    assert ArticleFactory(body=html).body == html


@settings(max_examples=60, deadline=None)
@given(payload=st.text(alphabet=st.sampled_from(list("<>\"'=/ ascriptonerrojavifmdgl:()1")), max_size=80))
def test_arbitrary_markup_never_keeps_event_handlers_or_scripts(payload):
    article = Article(title="x", teaser="t", body=payload)
    finder = DangerFinder()
    finder.feed(Article._meta.get_field("body").get_prep_value(article.body))
    assert finder.dangers == []
