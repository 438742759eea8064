"""Full-text search over live articles, on PostgreSQL.

German stemming, headline (A) above kicker and teaser (B) above body (C),
ranked, with snippets highlighted by ts_headline from the text the reader may
see (title, teaser and, for gated articles, only the public preview). The
weighted vector is stored in ``Article.search_document`` by a trigger
(migration 0005) and has a GIN index; a trigram index on titles (migration
0007) finds headlines despite typos. Only the newest ``MAX_CANDIDATES``
matches are ranked, so the cost does not grow with the archive.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import F, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import plain_text


MAX_QUERY_LENGTH = 200
MAX_CANDIDATES = 300
CONFIG = "german"
MARK_START, MARK_END = "\x02", "\x03"
FRAGMENT_DELIMITER = " … "


def clean_query(text):
    """Printable, bounded search text: no NUL or control characters, at most 200 characters."""
    text = "".join(ch for ch in (text or "") if ch.isprintable() or ch == " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def matching_ids(queryset, text, limit=MAX_CANDIDATES):
    """Ids of the newest ``limit`` articles in ``queryset`` that match ``text``; titles forgive typos.

    Capping the candidates keeps a search for a word in every fourth article
    as cheap as one for a rare word: nothing counts or ranks every match.
    """
    return list(matches(queryset, text).order_by("-published_at").values_list("pk", flat=True)[:limit])


def matches(queryset, text):
    """Articles whose text matches ``text`` in German full-text search, or whose headline is close to it."""
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    return queryset.filter(Q(search_document=query) | Q(title__trigram_word_similar=text))


def ranked(queryset, text):
    """``queryset`` best match first: weighted full-text rank, then headline similarity, then newest."""
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    return queryset.annotate(
        rank=SearchRank(F("search_document"), query), similarity=TrigramWordSimilarity(text, "title")
    ).order_by("-rank", "-similarity", "-published_at")


def visible_text(article):
    """What every reader may read of ``article``: teaser, and the body or its public preview."""
    body = article.preview_body if article.is_gated else article.body
    return " ".join(f"{article.teaser} {plain_text(body)}".split())


def snippets(articles, text):
    """Highlighted snippets for ``articles`` in one query, drawn from visible text only."""
    articles = list(articles)
    if not articles or not text:
        return {}
    sources = [visible_text(article) for article in articles]
    options = (
        f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, "
        f'FragmentDelimiter="{FRAGMENT_DELIMITER}"'
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ts_headline(%s::regconfig, source, websearch_to_tsquery(%s::regconfig, %s), %s) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS sources(source, position) ORDER BY position",
            [CONFIG, CONFIG, text, options, sources],
        )
        headlines = [row[0] for row in cursor.fetchall()]
    return {
        article.pk: mark_safe(escape(_elided(headline, source)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
        for article, headline, source in zip(articles, headlines, sources)
    }


def _elided(headline, source):
    """The snippet with "…" where it cuts into the text: before, between fragments and after."""
    fragments = [fragment.strip() for fragment in headline.replace(MARK_START, "").replace(MARK_END, "").split(FRAGMENT_DELIMITER)]
    first, last = source.find(fragments[0]), source.rfind(fragments[-1])
    if first < 0 or re.search(r"\w", source[:first]):
        headline = "… " + headline.lstrip()
    if last < 0 or re.search(r"\w", source[last + len(fragments[-1]):]):
        headline = headline.rstrip() + " …"
    return headline
