"""Field-by-field comparison of two saved versions of an article."""

import difflib
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from articles.models import Article

COMPARED_FIELDS = [
    "kicker", "title", "slug", "teaser", "body", "image", "primary_category", "status", "published_at", "expires_at", "seo_title", "seo_description",
]


def readable_text(html):
    """Body HTML as plain text, one paragraph a line, for a diff an editor can read."""
    text = re.sub(r"</(p|h\d|li|blockquote|tr)>", "\n", html or "")
    return strip_tags(text).strip()


def word_diff(old, new):
    """Inline HTML diff of two texts: removed words in <del>, added words in <ins>."""
    old_words, new_words = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    parts = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            parts.append(f"<del>{escape(''.join(old_words[a1:a2]))}</del>")
        if b2 > b1:
            parts.append(f"<ins>{escape(''.join(new_words[b1:b2]))}</ins>")
    return mark_safe("".join(parts).replace("\n", "<br>"))


def display_value(record, name):
    value = getattr(record, name)
    field = Article._meta.get_field(name)
    if field.choices:
        return getattr(record, f"get_{name}_display")()
    if name == "body":
        return readable_text(value)
    return "" if value in (None, "") else str(value)


def compare(older, newer):
    """Rows (label, old text, new text, inline diff) for every field that differs."""
    rows = []
    for name in COMPARED_FIELDS:
        old, new = display_value(older, name), display_value(newer, name)
        if old != new:
            rows.append((Article._meta.get_field(name).verbose_name, old, new, word_diff(old, new)))
    old_categories = set(older.categories.values_list("category__name", flat=True))
    new_categories = set(newer.categories.values_list("category__name", flat=True))
    if old_categories != new_categories:
        old, new = ", ".join(sorted(old_categories)), ", ".join(sorted(new_categories))
        rows.append((Article._meta.get_field("categories").verbose_name, old, new, word_diff(old, new)))
    return rows
