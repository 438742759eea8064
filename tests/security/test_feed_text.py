"""Finding 8: teaser markup must reach feed readers as text, never as live HTML."""

import pytest
from lxml import etree

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">klick</a> & mehr'
ATOM = {"a": "http://www.w3.org/2005/Atom"}


@pytest.mark.parametrize("url, path", [
    ("/feed/rss/", "channel/item/description"),
    ("/feed/atom/", "a:entry/a:summary"),
    ("/rubrik/kurzmeldungen/feed/rss/", "channel/item/description"),
])
def test_teaser_markup_arrives_escaped(client, kurzmeldungen, url, path):
    ArticleFactory(teaser=HOSTILE, primary_category=kurzmeldungen)
    document = etree.fromstring(client.get(url).content)
    html = document.find(path, ATOM).text  # what a feed reader renders as HTML
    assert "<" not in html and ">" not in html  # no element, so no script, handler or link can come alive
    assert html.startswith("&lt;script&gt;alert(1)&lt;/script&gt;") and "&amp; mehr" in html
