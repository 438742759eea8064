"""Figures and embeds in article bodies: exactly their stored form is kept, and readers get pictures and placeholders."""

from datetime import timedelta
from html import escape
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from articles import embeds
from articles.body import ALIGNMENTS, render_for_readers
from articles.embeds import resolve
from articles.models import Article
from articles.text import html_preview
from banners.models import Banner
from tests.factories import ArticleFactory, ImageFactory

BODY = Article._meta.get_field("body")
VIDEO = "dQw4w9WgXcQ"
FIGURE = (
    '<figure class="figure" data-align="right"><img src="/media/images/2026/11/bild.jpg" alt="Eine Pflegekraft" data-file="7">'
    "<figcaption>Auf Station <strong>3B</strong> &amp; im Flur</figcaption></figure>"
)
EMBED = (
    f'<div class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v={VIDEO}" '
    'data-title="Debatte &quot;Pflege&quot; im Bundestag"></div>'
)
CHART = '<div class="embed" data-embed="datawrapper" data-url="https://datawrapper.dwcdn.net/Ab1Cd/" data-title="Kosten je Fall"></div>'


@pytest.fixture(autouse=True)
def no_oembed(monkeypatch):
    """No title is looked up on the network here; test_embeds.py covers that."""
    monkeypatch.setattr(embeds, "OEMBED_ENDPOINTS", {})


def stored(html):
    return BODY.get_prep_value(html)


# Writing

@pytest.mark.parametrize("html", [
    FIGURE,
    '<figure class="figure"><img alt="" data-file="12"></figure>',
    '<figure class="figure" data-align="wide"><img src="https://cdn.example.org/b.jpg" alt="x" data-file="1"></figure>',
    EMBED,
    CHART,
    f"<p>Vorher</p>{FIGURE}<h2>Mitte</h2>{EMBED}<blockquote><p>Zitat</p></blockquote>{CHART}<p>Nachher</p>",
])
def test_the_stored_forms_survive_unchanged(html):
    assert stored(html) == html
    assert stored(stored(html)) == html


@pytest.mark.parametrize(("written", "kept"), [
    # what the editor writes: a caption class, picture sizes, no alignment
    ('<figure class="figure"><img src="/b.jpg" alt="A" width="40" height="30" data-file="3"><figcaption class="figure-caption">'
     "Text</figcaption></figure>",
     '<figure class="figure"><img src="/b.jpg" alt="A" data-file="3"><figcaption>Text</figcaption></figure>'),
    ('<figure class="figure x" data-align="centre" id="f"><img data-file="3"><figcaption> </figcaption></figure>',
     '<figure class="figure"><img alt="" data-file="3"></figure>'),
    ('<figure><img src="javascript:alert(1)" alt="A" data-file="3"></figure>', '<figure class="figure"><img alt="A" data-file="3"></figure>'),
    ('<figure><img src="//evil.example/b.jpg" alt="A" data-file="3"></figure>', '<figure class="figure"><img alt="A" data-file="3"></figure>'),
    ('<figure><img data-file="3"><figcaption><h2>Zu</h2><div>groß</div><a href="https://example.org/q">Quelle</a></figcaption></figure>',
     '<figure class="figure"><img alt="" data-file="3"><figcaption>Zugroß<a href="https://example.org/q">Quelle</a></figcaption></figure>'),
    # embeds: any address form of a listed provider becomes the canonical one, with a title
    (f'<div class="embed" data-embed="youtube" data-url="https://youtu.be/{VIDEO}?t=3"></div>',
     f'<div class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v={VIDEO}" data-title="YouTube"></div>'),
    (f'<div data-embed="vimeo" data-url="https://www.youtube.com/shorts/{VIDEO}" data-title=" Kurz " style="x">Text</div>',
     f'<div class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v={VIDEO}" data-title="Kurz"></div>'),
    # what else nh3 lets through goes
    ('<p>a<img src="/b.jpg" data-file="3">b</p>', "<p>ab</p>"),
    ('<div class="tableWrapper"><p>Text bleibt</p></div>', "<p>Text bleibt</p>"),
    ('<figcaption>lose</figcaption><p>x</p>', "lose<p>x</p>"),
    ('<figure><img src="/b.jpg" alt="Ohne Bibliothek"><figcaption>weg</figcaption></figure><p>x</p>', "<p>x</p>"),
    ('<figure><img data-file="0"></figure><figure><img data-file="-2"></figure><figure><img data-file="2a"></figure>', ""),
    ('<figure><img data-file="1234567890123456789"></figure>', ""),
    ('<figure><img data-file="3"><img data-file="4"></figure>', ""),
    ('<figure><img data-file="3"><p>Absatz</p></figure>', ""),
    ('<figure>Text<img data-file="3"></figure>', ""),
    ('<figure><figcaption>zuerst</figcaption><img data-file="3"></figure>', ""),
    ('<div class="embed" data-embed="youtube" data-url="https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ"></div>', ""),
    (f'<div class="embed" data-embed="evil" data-url="https://youtu.be/{VIDEO}"></div>', ""),
    (f'<div class="embed" data-url="https://youtu.be/{VIDEO}"><p>Text bleibt</p></div>', "<p>Text bleibt</p>"),
    ('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe><p>x</p>', "<p>x</p>"),
])
def test_everything_else_is_made_stored_form_or_dropped(written, kept):
    assert stored(written) == kept


# The property: from any mix of allowed and forbidden markup, only the stored forms come out.

PIECES = [FIGURE, EMBED, CHART, '<figure class="figure" data-align="left"><img alt="" data-file="99"></figure>']
TAGS = ["p", "strong", "a", "h2", "blockquote", "ul", "li", "figure", "figcaption", "img", "div", "span", "iframe", "script",
        "section", "video", "object"]
VALUES = [
    "figure", "embed", "figure-caption", "youtube", "datawrapper", "x", "evil", "left", "right", "wide", "centre", "",
    "1", "42", "0", "-3", "12x", "99999999999999999999", "Titel", 'x" onerror="alert(1)',
    f"https://www.youtube.com/watch?v={VIDEO}", f"https://youtu.be/{VIDEO}", "https://datawrapper.dwcdn.net/Ab1Cd/2/",
    f"https://youtube.com.evil.example/watch?v={VIDEO}", f"http://www.youtube.com:8080/watch?v={VIDEO}",
    "javascript:alert(1)", "data:image/png;base64,AAAA", "//evil.example/b.jpg", "/media/b.jpg", "https://example.org/b.jpg",
]
ATTRIBUTES = ["class", "data-embed", "data-url", "data-title", "data-file", "data-align", "src", "alt", "href", "style",
              "onerror", "id", "width", "title"]


def element(tag, attrs, children):
    written = "".join(f' {name}="{escape(value)}"' for name, value in attrs.items())
    return f"<{tag}{written}>" if tag == "img" else f"<{tag}{written}>{''.join(children)}</{tag}>"


markup = st.recursive(
    st.sampled_from(["Text", " ", "4711 &amp; mehr", "&lt;script&gt;", *PIECES]),
    lambda inner: st.builds(
        element,
        st.sampled_from(TAGS),
        st.dictionaries(st.sampled_from(ATTRIBUTES), st.sampled_from(VALUES), max_size=5),
        st.lists(inner, max_size=3),
    ),
    max_leaves=12,
)


def assert_only_stored_forms(html):
    allowed_tags = {"p", "strong", "em", "s", "sub", "sup", "a", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote",
                    "hr", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "img", "div"}
    for node in lxml_html.fragment_fromstring(html, create_parent="body").iterdescendants():
        attrs, parent = dict(node.attrib), node.getparent()
        assert node.tag in allowed_tags, node.tag
        assert not any(name.startswith("on") or name in ("style", "id") for name in attrs), attrs
        if node.tag == "figure":
            assert attrs.pop("class") == "figure" and attrs.pop("data-align", "left") in ALIGNMENTS and not attrs
            assert [child.tag for child in node] in (["img"], ["img", "figcaption"])
            assert not (node.text or "").strip() and not (node[0].tail or "").strip()
        elif node.tag == "img":
            assert parent.tag == "figure" and parent.index(node) == 0
            assert set(attrs) <= {"src", "alt", "data-file"} and attrs["data-file"].isdigit() and int(attrs["data-file"]) > 0
            assert urlsplit(attrs.get("src", "")).scheme in ("", "http", "https")
            assert attrs.get("src", "").startswith(("http://", "https://", "/")) or not attrs.get("src")
            assert not attrs.get("src", "").startswith("//")
        elif node.tag == "figcaption":
            assert parent.tag == "figure"
        elif node.tag == "div":
            assert set(attrs) == {"class", "data-embed", "data-url", "data-title"} and attrs["class"] == "embed"
            embed = resolve(attrs["data-url"], title="")
            assert (embed.url, embed.provider.name) == (attrs["data-url"], attrs["data-embed"])
            assert len(node) == 0 and not (node.text or "").strip()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.lists(markup, max_size=4).map("".join))
def test_any_markup_comes_out_as_stored_forms_only(body):
    assert_only_stored_forms(stored(body))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=st.lists(markup, max_size=3).map("".join), piece=st.sampled_from(PIECES), after=st.lists(markup, max_size=3).map("".join))
def test_an_allowed_figure_or_embed_survives_among_anything(before, piece, after):
    result = stored(before + piece + after)
    assert piece in result
    assert_only_stored_forms(result)


def test_validation_tells_editors_what_saving_would_drop():
    with pytest.raises(ValidationError) as error:
        BODY.clean(
            '<figure><img src="https://example.org/b.jpg"></figure>'
            '<div class="embed" data-embed="youtube" data-url="https://evil.example/v"></div>',
            None,
        )
    assert [item.code for item in error.value.error_list] == ["picture_not_from_library", "embed_not_supported"]
    assert "https://evil.example/v" in str(error.value)
    assert BODY.clean(FIGURE + EMBED, None) == FIGURE + EMBED


# The public preview: a figure and an embed are one element each.

def test_preview_counts_figures_and_embeds_as_one_element_each():
    body = f"<p>Eins</p>{FIGURE}{EMBED}<p>Vier</p>"
    assert html_preview(body, 1) == "<p>Eins</p>"
    assert html_preview(body, 2) == f"<p>Eins</p>{FIGURE}"
    assert html_preview(body, 3) == f"<p>Eins</p>{FIGURE}{EMBED}"
    assert html_preview(body, 4) == body


# Reading

@pytest.fixture
def pictures(db):
    today = timezone.localdate()
    return {
        "current": ImageFactory(credit="Anna Schmidt / dpa", alt_text="Library alt", caption="Library caption"),
        "until today": ImageFactory(credit="Bis heute", licence_expires_on=today),
        "expired": ImageFactory(credit="Abgelaufen", licence_expires_on=today - timedelta(days=1)),
    }


def figure(image, caption="", alt="", align=""):
    aligned = f' data-align="{align}"' if align else ""
    captioned = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure class="figure"{aligned}><img src="{image.file.url}" alt="{alt}" data-file="{image.pk}">{captioned}</figure>'


def test_figures_show_the_library_picture_with_its_credit(pictures):
    html = render_for_readers(
        figure(pictures["current"], caption="Auf <strong>Station</strong>", alt="Stored alt", align="left")
        + figure(pictures["until today"])
    )
    assert '<figure class="figure figure--left"><picture>' in html
    assert 'alt="Stored alt"' in html and 'loading="lazy"' in html
    assert '<figcaption>Auf <strong>Station</strong> <span class="credit">Bild: Anna Schmidt / dpa</span></figcaption>' in html
    assert "Bild: Bis heute" in html
    assert 'data-file' not in html and pictures["current"].file.url not in html  # renditions, never the upload


def test_a_figure_without_stored_texts_takes_the_librarys(pictures):
    html = render_for_readers(figure(pictures["current"]))
    assert 'alt="Library alt"' in html
    assert "<figcaption>Library caption <span" in html


def test_figures_whose_picture_expired_or_went_are_left_out(pictures):
    gone = ImageFactory(credit="Gelöscht")
    body = f"<p>Vorher</p>{figure(pictures['expired'])}{figure(gone)}<p>Nachher</p>"
    gone.delete()
    assert render_for_readers(body) == "<p>Vorher</p><p>Nachher</p>"


def test_all_figures_of_a_body_take_one_query(pictures, django_assert_num_queries):
    body = "".join(figure(image) for image in pictures.values()) * 2
    with django_assert_num_queries(1):
        html = render_for_readers(body)
    assert html.count("<picture>") == 4
    with django_assert_num_queries(0):
        render_for_readers(f"<p>Text</p>{EMBED}")


def test_an_embed_is_a_placeholder_that_loads_nothing():
    html = render_for_readers(f"<p>Text</p>{EMBED}")
    tree = lxml_html.fragment_fromstring(html, create_parent="body")
    [placeholder] = tree.xpath("//figure[@data-embed-frame]")
    assert placeholder.get("data-embed-frame") == f"https://www.youtube-nocookie.com/embed/{VIDEO}"
    assert placeholder.get("data-embed-title") == 'Debatte "Pflege" im Bundestag'
    assert not tree.xpath("//iframe | //img | //script | //link | //object | //embed | //video | //audio | //source")
    loaded = [value for node in tree.iter() for name, value in node.attrib.items() if name in ("src", "srcset", "data", "poster")]
    assert loaded == []
    [open_link] = tree.xpath("//a[@rel='noopener noreferrer']")
    assert open_link.get("href") == f"https://www.youtube.com/watch?v={VIDEO}"  # a link, which loads only when followed
    assert tree.xpath("//a[@href='/datenschutz/']")
    [button] = tree.xpath("//button")
    assert "YouTube" in button.text and button.get("hidden") is not None  # shown by embeds.js, which handles it


# The article page

def embed_page(client, article):
    response = client.get(article.get_absolute_url())
    return response, response.content.decode(), response.get("Content-Security-Policy", "")


def test_a_page_with_embeds_may_frame_exactly_their_providers(client, kurzmeldungen):
    article = ArticleFactory(body=f"<p>Eins</p>{EMBED}{CHART}", primary_category=kurzmeldungen)
    response, html, policy = embed_page(client, article)
    assert "frame-src https://datawrapper.dwcdn.net https://www.youtube-nocookie.com" in policy
    assert "js/embeds.js" in html and "css/embeds.css" in html and "<iframe" not in html
    plain = ArticleFactory(body="<p>Nur Text</p>", primary_category=kurzmeldungen)
    response, html, policy = embed_page(client, plain)
    assert "frame-src" not in policy and "default-src 'self'" in policy
    assert "js/embeds.js" not in html and "css/embeds.css" not in html


def test_a_cached_page_keeps_its_frame_sources(client, kurzmeldungen, settings):
    settings.PAGE_CACHE_SECONDS = 60
    article = ArticleFactory(body=f"<p>Eins</p>{EMBED}", primary_category=kurzmeldungen)
    first, _, _ = embed_page(client, article)
    second, html, policy = embed_page(client, article)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert "frame-src https://www.youtube-nocookie.com" in policy and VIDEO in html


def test_an_embed_behind_the_paywall_opens_no_frame_source_for_visitors(client, premium_article, subscriber):
    premium_article.body += EMBED
    premium_article.save()
    response, html, policy = embed_page(client, premium_article)
    assert "frame-src" not in policy and VIDEO not in html and "js/embeds.js" not in html
    client.force_login(subscriber)
    response, html, policy = embed_page(client, premium_article)
    assert "frame-src https://www.youtube-nocookie.com" in policy and VIDEO in html


def test_the_in_article_banner_still_follows_its_paragraph(client, kurzmeldungen, pictures):
    article = ArticleFactory(body=f"<p>Eins</p>{figure(pictures['current'])}<p>Drei</p>", primary_category=kurzmeldungen)
    Banner.objects.create(title="Im-Artikel", target_url="https://example.org/", placement="in_article", after_paragraph=2)
    html = client.get(article.get_absolute_url()).content.decode()
    body = html[html.index('class="article__body'):]
    assert body.index("Bild: Anna Schmidt / dpa") < body.index("Im-Artikel") < body.index("<p>Drei</p>")
