"""An article's whole content as plain data: taken for every revision, compared, and put back.

A snapshot holds the article's own fields, its picture, categories, tags and
ordered authors, by id or name, so a revision keeps what the article looked
like even after the rows it pointed to changed. Times are kept to the second:
the form shows no more, so a save never "changes" them.
"""

import copy
import difflib
import re
from datetime import UTC, datetime
from html.parser import HTMLParser

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from articles.models import Access, Article, Author, Byline, Category
from images.models import Image

TEXT_FIELDS = ["kicker", "title", "slug", "teaser", "body", "seo_title", "seo_description", "vgwort_pixel_url", "sponsor"]
TIME_FIELDS = ["published_at", "expires_at"]
RELATION_FIELDS = ["categories", "tags", "authors"]
# What a restore brings back: the text, picture, placement, access and authors; never the status or the schedule.
RESTORED_FIELDS = [
    "kicker", "title", "teaser", "body", "seo_title", "seo_description", "vgwort_pixel_url",
    "image", "primary_category", "access", "preview_paragraphs", "is_sponsored", "sponsor", *RELATION_FIELDS,
]
# The order in which a comparison lists the fields.
COMPARED_FIELDS = [
    "status", "kicker", "title", "slug", "teaser", "body", "image", "primary_category", "categories", "tags", "authors",
    "access", "preview_paragraphs", "is_sponsored", "sponsor", "published_at", "expires_at", "seo_title", "seo_description",
    "vgwort_pixel_url",
]

# Related rows a snapshot reads, for many articles at once.
SNAPSHOT_PREFETCH = [
    "categories", "tags", Prefetch("bylines", queryset=Byline.objects.order_by("position", "pk")),
]


def time_value(value):
    """A time as a snapshot keeps it: ISO 8601 in UTC, to the second."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(microsecond=0).isoformat()


def snapshot(article):
    """The article's content now, as JSON-ready data (use ``SNAPSHOT_PREFETCH`` for many articles)."""
    content = {name: getattr(article, name) for name in TEXT_FIELDS}
    content.update({
        "status": article.status,
        "access": article.access,
        "preview_paragraphs": article.preview_paragraphs,
        "is_sponsored": article.is_sponsored,
        "image": article.image_id,
        "primary_category": article.primary_category_id,
        "published_at": time_value(article.published_at),
        "expires_at": time_value(article.expires_at),
        "categories": sorted(category.pk for category in article.categories.all()),
        "tags": sorted(tag.name for tag in article.tags.all()),
        "authors": [byline.author_id for byline in article.bylines.all()],
    })
    return content


def apply(article, content, fields):
    """Put ``fields`` of a snapshot back on a saved article: its own fields in memory, relations in the database.

    The caller saves the article's own fields; relations pointing to rows
    that are gone since (a deleted category or author) are left out.
    """
    for name in fields:
        if name not in content:
            continue
        value = content[name]
        if name in TEXT_FIELDS or name in ("status", "access", "preview_paragraphs", "is_sponsored"):
            setattr(article, name, value)
        elif name in TIME_FIELDS:
            setattr(article, name, parse_datetime(value) if value else None)
        elif name == "image":
            article.image_id = value if value and Image.objects.filter(pk=value).exists() else None
        elif name == "primary_category":
            if Category.objects.filter(pk=value).exists():
                article.primary_category_id = value
        elif name == "categories":
            article.categories.set(Category.objects.filter(pk__in=value))
        elif name == "tags":
            article.tags.set(value, clear=True)
        elif name == "authors":
            existing = set(Author.objects.filter(pk__in=value).values_list("pk", flat=True))
            article.bylines.all().delete()
            Byline.objects.bulk_create(
                Byline(article=article, author_id=pk, position=position)
                for position, pk in enumerate(pk for pk in value if pk in existing)
            )


def as_article(article, content):
    """An unsaved copy of ``article`` showing a snapshot's text, for previews; relations stay the live ones."""
    preview = copy.copy(article)
    for name in ["kicker", "title", "teaser", "body", "seo_title", "seo_description", "access", "preview_paragraphs"]:
        if name in content:
            setattr(preview, name, content[name])
    return preview


def proposed_changes(proposal):
    """What a proposed correction changes: field → proposed value (its snapshot names the fields it corrects)."""
    return {name: proposal.content[name] for name in proposal.content.get(CORRECTED, [])}


# The key under which a proposed correction's snapshot lists the fields it corrects.
CORRECTED = "corrected_fields"


def changed_fields(old, new):
    """The names of the fields in which two snapshots differ, in the comparison's order."""
    return [name for name in COMPARED_FIELDS if old.get(name) != new.get(name)]


# Comparing -----------------------------------------------------------------------------------------------------------


def label(name):
    if name == "authors":
        return _("authors")
    return str(Article._meta.get_field(name).verbose_name)


def readable(name, value, names):
    """A snapshot value as an editor reads it; ``names`` maps ids of related rows to their names."""
    if value in (None, "", []):
        return ""
    if name == "status":
        return str(Article.Status(value).label)
    if name == "access":
        return str(Access(value).label)
    if name in TIME_FIELDS:
        return date_format(timezone.localtime(datetime.fromisoformat(value)), "d.m.Y, H:i")
    if name in ("image", "primary_category"):
        return names[name].get(value, _("(deleted)"))
    if name == "categories":
        return ", ".join(names["primary_category"].get(pk, _("(deleted)")) for pk in value)
    if name == "authors":
        return ", ".join(names["authors"].get(pk, _("(deleted)")) for pk in value)
    if name == "tags":
        return ", ".join(value)
    return str(value)


def related_names(*contents):
    """Names of the pictures, categories and authors that snapshots refer to, in three queries."""
    images = {c.get("image") for c in contents} - {None}
    categories = {pk for c in contents for pk in [c.get("primary_category"), *c.get("categories", [])]} - {None}
    authors = {pk for c in contents for pk in c.get("authors", [])}
    return {
        "image": {image.pk: str(image) for image in Image.objects.filter(pk__in=images)},
        "primary_category": dict(Category.objects.filter(pk__in=categories).values_list("pk", "name")),
        "authors": dict(Author.objects.filter(pk__in=authors).values_list("pk", "name")),
    }


def compare(old, new, fields=None):
    """Rows (name, label, old text, new text, diff HTML) for the fields in which two snapshots differ."""
    names = related_names(old, new)
    rows = []
    for name in fields or changed_fields(old, new):
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        if name == "body":
            diff = body_diff(before or "", after or "")
            before, after = plain_body(before), plain_body(after)
        else:
            before, after = readable(name, before, names), readable(name, after, names)
            diff = word_diff(before, after)
        rows.append({"name": name, "label": label(name), "old": before, "new": after, "diff": diff})
    return rows


def word_diff(old, new):
    """Inline HTML diff of two texts: removed words in <del>, added words in <ins>."""
    return _diff_html([(word, ()) for word in re.split(r"(\s+)", old)], [(word, ()) for word in re.split(r"(\s+)", new)])


def body_diff(old, new):
    """Inline diff of two bodies in which formatting counts: a word turned bold is removed plain and added bold."""
    return _diff_html(FormattedWords.of(old), FormattedWords.of(new))


def plain_body(html):
    return "".join(word for word, _marks in FormattedWords.of(html or "")).strip()


# Inline formatting shown in a diff, and how: the editor's marks (editorial.fields.BODY_EXTENSIONS).
MARK_TAGS = {"strong": "strong", "b": "strong", "em": "em", "i": "em", "s": "s", "sub": "sub", "sup": "sup", "a": "u"}
BLOCK_TAGS = {"p", "h2", "h3", "h4", "li", "blockquote", "tr", "figcaption", "figure", "hr"}


class FormattedWords(HTMLParser):
    """Body HTML as (word or space, its inline formatting) pairs, with a line break after each block."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words, self.marks = [], []

    @classmethod
    def of(cls, html):
        parser = cls()
        parser.feed(html or "")
        parser.close()
        return parser.words

    def handle_starttag(self, tag, attrs):
        if tag in MARK_TAGS:
            self.marks.append(MARK_TAGS[tag])
        elif tag == "br":
            self.words.append(("\n", ()))

    def handle_endtag(self, tag):
        if tag in MARK_TAGS and MARK_TAGS[tag] in self.marks:
            self.marks.reverse()
            self.marks.remove(MARK_TAGS[tag])  # the innermost one
            self.marks.reverse()
        elif tag in BLOCK_TAGS and self.words and self.words[-1][0] != "\n":
            self.words.append(("\n", ()))

    def handle_data(self, data):
        marks = tuple(sorted(set(self.marks)))
        self.words += [(part, marks if part.strip() else ()) for part in re.findall(r"\w+|\s+|[^\w\s]", data)]


def _formatted(words):
    html = []
    for word, marks in words:
        text = escape(word)
        for mark in marks:
            text = f"<{mark}>{text}</{mark}>"
        html.append(text)
    return "".join(html)


def _opcodes(old, new):
    """difflib's opcodes, with changes separated only by spaces joined into one, so a rewritten phrase reads as one."""
    merged = []
    for opcode in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        op, a1, a2, b1, b2 = opcode
        if len(merged) >= 2 and op != "equal" and merged[-1][0] == "equal" and merged[-2][0] != "equal" and not any(
            word.strip() for word, _marks in old[merged[-1][1]:merged[-1][2]]
        ):
            merged.pop()
            start = merged.pop()
            opcode = ("replace", start[1], a2, start[3], b2)
        merged.append(opcode)
    return merged


def _diff_html(old, new):
    parts = []
    for op, a1, a2, b1, b2 in _opcodes(old, new):
        if op == "equal":
            parts.append(_formatted(old[a1:a2]))
            continue
        if a2 > a1:
            parts.append(f"<del>{_formatted(old[a1:a2])}</del>")
        if b2 > b1:
            parts.append(f"<ins>{_formatted(new[b1:b2])}</ins>")
    return mark_safe("".join(parts).replace("\n", "<br>"))
