"""Figures and embeds in article bodies: exactly what may be stored, and what readers get of it.

Stored, after nh3 (articles.fields) and ``clean_body``::

    <figure class="figure" data-align="left|right|wide"><img src="…" alt="…" data-file="123"><figcaption>…</figcaption></figure>
    <div class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v=…" data-title="…"></div>

``data-align`` and the caption are optional. ``render_for_readers`` turns a
figure into the library picture (renditions, credit; nothing once its licence
has expired) and an embed into a placeholder that loads nothing from the
provider until the reader asks (static/js/embeds.js).
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from images.models import Image
from images.templatetags.pictures import render_picture

from .embeds import PROVIDERS, find, resolve

ALIGNMENTS = ("left", "right", "wide")
FILE_ID = re.compile(r"[1-9][0-9]{0,17}")  # a primary key, short enough for a bigint
CAPTION_TAGS = {"strong", "em", "s", "sub", "sup", "a", "br"}  # what the editor's caption may hold
VOID_TAGS = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# How wide a body picture is shown, by alignment (see static/css/embeds.css).
PICTURE_SIZES = {
    "left": "(max-width: 40rem) calc(100vw - 2rem), 22rem",
    "right": "(max-width: 40rem) calc(100vw - 2rem), 22rem",
    "wide": "(max-width: 66rem) calc(100vw - 2rem), 64rem",
}


# A small tree of the HTML, just enough to rewrite figures and embeds. Elements that
# are not rewritten keep their start tag as written, and text keeps its entities, so
# everything else comes out exactly as nh3 wrote it.

@dataclass
class Element:
    tag: str
    attrs: dict
    children: list = field(default_factory=list)
    start_tag: str | None = None  # as written; None for an element built here


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.root = Element("", {})
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), start_tag=self.get_starttag_text())
        self.open[-1].children.append(element)
        if tag not in VOID_TAGS:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.open[-1].children.append(Element(tag, dict(attrs), start_tag=self.get_starttag_text()))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        self.open[-1].children.append(data)

    def handle_entityref(self, name):
        self.open[-1].children.append(f"&{name};")

    def handle_charref(self, name):
        self.open[-1].children.append(f"&#{name};")


def parse(html):
    builder = _TreeBuilder()
    builder.feed(html or "")
    builder.close()
    return builder.root.children


def escape_attribute(value):
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def serialise(nodes):
    """HTML of ``nodes``; strings are HTML already (text as written, or rendered fragments)."""
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
            continue
        if node.start_tag is not None:
            parts.append(node.start_tag)
        else:
            attrs = "".join(f' {name}="{escape_attribute(value)}"' for name, value in node.attrs.items())
            parts.append(f"<{node.tag}{attrs}>")
        if node.tag not in VOID_TAGS:
            parts.append(f"{serialise(node.children)}</{node.tag}>")
    return "".join(parts)


def elements(nodes):
    """Every element in ``nodes`` and below, in document order."""
    for node in nodes:
        if isinstance(node, Element):
            yield node
            yield from elements(node.children)


def is_blank(node):
    return isinstance(node, str) and not node.strip()


def is_embed(element):
    return element.tag == "div" and "data-embed" in element.attrs


# Writing: keep figures and embeds exactly in the stored form, drop what nh3 let through around them.

def clean_body(html):
    """``html`` (already through nh3) with figures and embeds in their stored form and nothing else of theirs.

    A figure must hold one library picture (``data-file``) and may have a
    caption; an embed must have an address a provider on the list serves. The
    rest goes: images outside figures, other divs (their content stays), other
    attributes and alignments. An embed without a title gets the provider's.
    """
    return serialise(_cleaned(parse(html)))


def _cleaned(nodes):
    kept = []
    for node in nodes:
        if isinstance(node, str):
            kept.append(node)
        elif node.tag == "figure":
            kept.extend(_clean_figure(node))
        elif is_embed(node):
            kept.extend(_clean_embed(node))
        elif node.tag in ("div", "figcaption"):
            kept.extend(_cleaned(node.children))  # a wrapper from a paste: its content stays
        elif node.tag != "img":
            node.children = _cleaned(node.children)
            kept.append(node)
    return kept


def _clean_figure(figure):
    parts = [node for node in figure.children if not is_blank(node)]
    picture, caption = (parts + [None, None])[:2]
    if len(parts) > 2 or not isinstance(picture, Element) or picture.tag != "img":
        return []
    if caption is not None and not (isinstance(caption, Element) and caption.tag == "figcaption"):
        return []
    file_id = picture.attrs.get("data-file") or ""
    if not FILE_ID.fullmatch(file_id):
        return []
    src = picture.attrs.get("src") or ""
    image = Element("img", {
        **({"src": src} if is_web_address(src) else {}), "alt": picture.attrs.get("alt") or "", "data-file": file_id,
    })
    align = figure.attrs.get("data-align")
    kept = Element("figure", {"class": "figure", **({"data-align": align} if align in ALIGNMENTS else {})}, [image])
    caption_text = _caption_content(caption.children) if caption else []
    if serialise(caption_text).strip():
        kept.children.append(Element("figcaption", {}, caption_text))
    return [kept]


def _caption_content(nodes):
    """Inline text only, as the editor's caption holds; anything else is unwrapped."""
    kept = []
    for node in nodes:
        if isinstance(node, str):
            kept.append(node)
        elif node.tag in CAPTION_TAGS:
            node.children = _caption_content(node.children)
            kept.append(node)
        else:
            kept.extend(_caption_content(node.children))
    return kept


def _clean_embed(div):
    if div.attrs.get("data-embed") not in PROVIDERS:
        return []
    title = " ".join((div.attrs.get("data-title") or "").split())
    embed = resolve(div.attrs.get("data-url"), title=title or None)
    if embed is None:
        return []
    return [Element("div", {
        "class": "embed", "data-embed": embed.provider.name, "data-url": embed.url, "data-title": embed.title,
    })]


def is_web_address(src):
    """An http(s) address or one relative to this site."""
    try:
        parts = urlsplit(src)
    except ValueError:
        return False
    return bool(src) and (parts.scheme in ("http", "https") or not (parts.scheme or parts.netloc))


def validate_body(html):
    """Editors learn about figures and embeds that saving would drop, instead of losing them silently."""
    errors = []
    for element in elements(parse(html)):
        if element.tag == "img" and not FILE_ID.fullmatch(element.attrs.get("data-file") or ""):
            errors.append(ValidationError(
                _("Pictures in the text must come from the media library: choose them with “Browse...”."),
                code="picture_not_from_library",
            ))
        elif is_embed(element) and find(element.attrs.get("data-url")) is None:
            errors.append(ValidationError(
                _("%(url)s cannot be embedded. Embeds may come from: %(providers)s."),
                code="embed_not_supported",
                params={
                    "url": element.attrs.get("data-url") or "—",
                    "providers": ", ".join(str(provider.label) for provider in PROVIDERS.values()),
                },
            ))
    if errors:
        raise ValidationError(errors)


# Reading: library pictures and click-to-load placeholders.

def figure_image_ids(html):
    """Ids of the library pictures a stored body shows in figures."""
    return {int(element.children[0].attrs["data-file"]) for element in _stored_figures(parse(html))}


def render_for_readers(html, *, sponsored=False):
    """A stored body, or its public preview, as readers see it.

    Cut a preview before rendering it, never after: what is not passed in
    cannot reach the page. All pictures come in one query; a figure whose
    picture is gone or whose licence has expired is left out. In a
    ``sponsored`` body (an advertisement) every link says so: rel="sponsored".
    """
    nodes = parse(html)
    if sponsored:
        mark_links_sponsored(nodes)
    file_ids = {int(element.children[0].attrs["data-file"]) for element in _stored_figures(nodes)}
    images = Image.objects.usable().in_bulk(file_ids) if file_ids else {}
    return mark_safe(serialise(_for_readers(nodes, images)))  # sanitised on every write (articles.fields)


def mark_links_sponsored(nodes):
    """Add "sponsored" to the rel of every link in ``nodes``, keeping the values it has (nofollow, noopener, …)."""
    for element in elements(nodes):
        if element.tag == "a" and element.attrs.get("href"):
            rel = (element.attrs.get("rel") or "").split()
            attrs = {name: value or "" for name, value in element.attrs.items()}
            if "sponsored" not in {value.lower() for value in rel}:
                rel.append("sponsored")
            element.attrs = {**attrs, "rel": " ".join(rel)}
            element.start_tag = None  # written anew from its attributes


def _stored_figures(nodes):
    return [element for element in elements(nodes) if _is_stored_figure(element)]


def _is_stored_figure(element):
    first = element.children[0] if element.tag == "figure" and element.children else None
    return isinstance(first, Element) and first.tag == "img" and FILE_ID.fullmatch(first.attrs.get("data-file") or "")


def _for_readers(nodes, images):
    rendered = []
    for node in nodes:
        if isinstance(node, str):
            rendered.append(node)
        elif node.tag == "figure":
            image = images.get(int(node.children[0].attrs["data-file"])) if _is_stored_figure(node) else None
            if image is not None:
                rendered.append(_figure_html(node, image))
        elif is_embed(node):
            embed = resolve(node.attrs.get("data-url"), title=node.attrs.get("data-title") or "")
            if embed is not None:
                rendered.append(render_to_string("articles/embed_placeholder.html", {"embed": embed}))
        else:
            node.children = _for_readers(node.children, images)
            rendered.append(node)
    return rendered


def _figure_html(figure, image):
    stored_image = figure.children[0].attrs
    caption = next((node for node in figure.children[1:] if isinstance(node, Element) and node.tag == "figcaption"), None)
    align = figure.attrs.get("data-align") if figure.attrs.get("data-align") in ALIGNMENTS else ""
    return render_to_string("articles/body_figure.html", {
        "image": image,
        "align": align,
        "picture": render_picture(image, "inline", alt=stored_image.get("alt") or image.alt_text, sizes=PICTURE_SIZES.get(align)),
        # The caption as stored (sanitised on write), else the library's, which is plain text.
        "caption": mark_safe(serialise(caption.children)) if caption else image.caption,
    })


def embeds_in(html):
    """The embeds of a stored body, titles as stored."""
    found = (resolve(element.attrs.get("data-url"), title="") for element in elements(parse(html)) if is_embed(element))
    return [embed for embed in found if embed is not None]


def frame_origins(html):
    """The origins a page showing ``html`` must allow frames from (CSP frame-src), sorted."""
    return sorted({embed.frame_origin for embed in embeds_in(html)})


def allow_embed_frames(response, shown_body):
    """Let this page, and no other, load the frames of the embeds in the part of the body it shows (CSP frame-src).

    The header is set before the page cache keeps the page, so it travels with it.
    """
    if origins := frame_origins(shown_body):
        response._csp_update = {**getattr(response, "_csp_update", {}), "frame-src": origins}


def media_in(html):
    """The kinds of media a stored body holds, "figure" and "embed", so a page loads their CSS and script only then."""
    kinds = set()
    for element in elements(parse(html)):
        if _is_stored_figure(element):
            kinds.add("figure")
        elif is_embed(element):
            kinds.add("embed")
    return kinds
