"""Plain-text helpers for German editorial content."""

import math
import re
from html import unescape
from html.parser import HTMLParser

from django.utils.html import strip_tags
from django.utils.text import slugify

GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)
WORDS_PER_MINUTE = 200


def german_slugify(text):
    """Slugify with German transliteration, so "Größe" becomes "groesse", not "grosse"."""
    return slugify(text.translate(GERMAN_TRANSLITERATION))


def word_count(*texts):
    """Count the words a reader sees in plain or HTML text."""
    return sum(len(re.findall(r"\w+(?:[-'’]\w+)*", strip_tags(text or ""))) for text in texts)


def plain_text(html):
    """The words of an HTML fragment as a reader sees them, paragraphs separated by spaces."""
    return " ".join(unescape(strip_tags(re.sub(r"<(/p|br|/h\d|/li|/blockquote)\b", r" <\1", html or ""))).split())


def character_count(html):
    """Characters of the text a reader sees, spaces included, as VG Wort counts them."""
    return len(" ".join(unescape(strip_tags(html or "")).split()))


def reading_minutes(*texts):
    """Minutes to read at about 200 words a minute, rounded half up, at least one."""
    return max(1, math.floor(word_count(*texts) / WORDS_PER_MINUTE + 0.5))


class _TopLevelElements(HTMLParser):
    """Finds where each top-level element of an HTML fragment ends."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col"}

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.ends = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            if self.depth == 0:
                self.ends.append(self._offset_after_tag())
        else:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        self.depth = max(0, self.depth - 1)
        if self.depth == 0:
            self.ends.append(self._offset_after_tag())

    def _offset_after_tag(self):
        line, column = self.getpos()
        offset = sum(len(text) for text in self.rawdata.splitlines(keepends=True)[: line - 1]) + column
        return self.rawdata.index(">", offset) + 1


def html_preview(html, elements):
    """The first ``elements`` top-level elements of ``html``; the cut never falls inside an element."""
    if elements <= 0 or not html:
        return ""
    parser = _TopLevelElements()
    parser.feed(html)
    parser.close()
    if len(parser.ends) <= elements:
        return html
    return html[: parser.ends[elements - 1]]
