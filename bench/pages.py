"""Render the public pages against a throw-away test database and print timings.

    make bench                         # SQLite in memory
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom make bench
    make bench BENCH_ARGS="--articles 2000 --repeat 50"

Prints, per page: median and 95th percentile milliseconds and the query count.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.test_settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402


def populate(count):
    from datetime import timedelta

    from django.utils import timezone

    from articles.models import Article, Author, Byline, Category

    categories = list(Category.objects.all())
    authors = Author.objects.bulk_create(Author(name=f"Autorin {i}", slug=f"autorin-{i}") for i in range(20))
    paragraph = "<p>" + " ".join(["Wort"] * 120) + "</p>"
    now = timezone.now()
    for i in range(count):
        article = Article.objects.create(
            title=f"Meldung {i}", kicker="Benchmark", teaser="Ein Teaser.", body=paragraph * 4,
            status=Article.Status.PUBLISHED, published_at=now - timedelta(minutes=i),
            primary_category=categories[i % len(categories)],
        )
        article.categories.set(categories)
        article.tags.add(f"Thema {i % 40}", "Energie")
        Byline.objects.create(article=article, author=authors[i % len(authors)], position=0)
        Byline.objects.create(article=article, author=authors[(i + 1) % len(authors)], position=1)
    return Article.objects.live().first(), authors[0]


def measure(client, url, repeat):
    client.get(url)  # warm-up
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        article, author = populate(args.articles)
        pages = {
            "home": reverse("website:home"),
            "category": reverse("website:category", args=["kurzmeldungen"]),
            "category p.10": reverse("website:category", args=["kurzmeldungen"]) + "?page=10",
            "tag": reverse("website:tag", args=["energie"]),
            "author": author.get_absolute_url(),
            "article": article.get_absolute_url(),
            "search": reverse("website:search") + "?q=Meldung",
            "feed (RSS)": reverse("website:feed_rss"),
            "sitemap articles": "/sitemap-artikel.xml",
            "news sitemap": "/sitemap-news.xml",
        }
        client = Client()
        print(f"{connection.vendor}, {args.articles} articles, {args.repeat} requests per page")
        print(f"{'page':<16}{'median ms':>10}{'p95 ms':>10}{'queries':>9}")
        for name, url in pages.items():
            median, p95, queries = measure(client, url, args.repeat)
            print(f"{name:<16}{median:>10.1f}{p95:>10.1f}{queries:>9}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
