"""Full-text search over live articles.

On PostgreSQL: German stemming, headline (A) above kicker and teaser (B) above
body (C), ranked, with snippets highlighted by ts_headline from the text the
reader may see (title, teaser and, for gated articles, only the public
preview). The weighted vector is stored in ``Article.search_document`` by a
trigger (migration 0005) and has a GIN index; a trigram index on titles
(migration 0007) finds headlines despite typos. Elsewhere (SQLite for local
runs) a plain substring match.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import F, Q
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe


MAX_QUERY_LENGTH = 200
CONFIG = "german"
MARK_START, MARK_END = "\x02", "\x03"


def clean_query(text):
    """Printable, bounded search text: no NUL or control characters, at most 200 characters."""
    text = "".join(ch for ch in (text or "") if ch.isprintable() or ch == " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search(queryset, text):
    """``queryset`` narrowed to matches for ``text``, best first; titles forgive typos."""
    if connection.vendor != "postgresql":
        terms = text.split()
        for term in terms:
            queryset = queryset.filter(Q(title__icontains=term) | Q(kicker__icontains=term) | Q(teaser__icontains=term))
        return queryset.order_by("-published_at")
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    return (
        queryset.filter(Q(search_document=query) | Q(title__trigram_word_similar=text))
        .annotate(rank=SearchRank(F("search_document"), query), similarity=TrigramWordSimilarity(text, "title"))
        .order_by("-rank", "-similarity", "-published_at")
    )


def visible_text(article):
    """What every reader may read of ``article``: teaser, and the body or its public preview."""
    body = article.preview_body if article.is_gated else article.body
    return f"{article.teaser} {strip_tags(body)}"


def snippets(articles, text):
    """Highlighted snippets for ``articles`` in one query, drawn from visible text only."""
    articles = list(articles)
    if not articles or not text:
        return {}
    sources = [visible_text(article) for article in articles]
    if connection.vendor != "postgresql":
        return {article.pk: escape(source[:240]) for article, source in zip(articles, sources)}
    options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ts_headline(%s::regconfig, source, websearch_to_tsquery(%s::regconfig, %s), %s) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS sources(source, position) ORDER BY position",
            [CONFIG, CONFIG, text, options, sources],
        )
        headlines = [row[0] for row in cursor.fetchall()]
    return {
        article.pk: mark_safe(escape(headline).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
        for article, headline in zip(articles, headlines)
    }
