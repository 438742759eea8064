"""Public pages cost a fixed number of queries, however much content there is."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db

# Queries per page: a regression here means an N+1 crept in.
# +2 on each page since the paywall: the reader's licence check and the banners.
EXPECTED_QUERIES = {"home": 10, "category": 7, "tag": 7, "author": 7, "article": 9}


def add_content(count, category, other_category, author):
    for i in range(count):
        ArticleFactory(
            primary_category=category if i % 2 else other_category,
            categories=[other_category],
            authors=[author, AuthorFactory()],
            tags=["Energie", f"Thema {i}", f"Extra {i}"],
            published_at=timezone.now() - timedelta(minutes=i + 1),
        )


def page_urls(author):
    article = author.articles.latest("published_at")
    return {
        "home": reverse("website:home"),
        "category": reverse("website:category", args=["kurzmeldungen"]),
        "tag": reverse("website:tag", args=["energie"]),
        "author": author.get_absolute_url(),
        "article": article.get_absolute_url(),
    }


def test_query_counts_stay_constant_as_content_grows(client, kurzmeldungen, magazin, django_assert_num_queries):
    author = AuthorFactory(slug="vielschreiberin")
    add_content(3, kurzmeldungen, magazin, author)
    urls = page_urls(author)
    for name, url in urls.items():
        with django_assert_num_queries(EXPECTED_QUERIES[name]):
            assert client.get(url).status_code == 200

    add_content(30, kurzmeldungen, magazin, author)
    for name, url in page_urls(author).items():
        with django_assert_num_queries(EXPECTED_QUERIES[name]):
            assert client.get(url).status_code == 200
