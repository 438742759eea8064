"""Queries per public page: few, and the same however large the archive grows."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction
from tests.factories import ArticleFactory, AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db

# With warm lookups (menu, banners, licences, plans, the article and its related articles: cached per content generation).
# A regression here means an N+1 or a lookup that lost its cache crept in.
ANONYMOUS = {
    "home": 4, "category": 3, "category page 2": 3, "tag": 3, "author": 3, "article": 0, "gated article": 0, "corrections": 1,
}
LOGGED_IN = {name: count + 3 for name, count in ANONYMOUS.items()}  # + session, user, subscription
LOGGED_IN["gated article"] += 1  # + this month's metered articles
LOGGED_IN["corrections"] = 3  # session, user, one page of corrections (not cached for a logged-in reader)


def add_content(count, category, other_category, author):
    for i in range(count):
        article = ArticleFactory(
            primary_category=category if i % 2 else other_category,
            categories=[other_category],
            authors=[author, AuthorFactory()],
            tags=["Energie", f"Thema {i}", f"Extra {i}"],
            published_at=timezone.now() - timedelta(minutes=i + 1),
            access="premium" if i == 0 else "",
        )
        Correction.objects.create(article=article, text=f"In einer früheren Fassung stand Zahl {i}.")


def page_urls(author):
    free, gated = author.articles.filter(access=""), author.articles.filter(access="premium")
    return {
        "home": reverse("website:home"),
        "category": reverse("website:category", args=["kurzmeldungen"]),
        "category page 2": reverse("website:category", args=["kurzmeldungen"]) + "?page=2",
        "tag": reverse("website:tag", args=["energie"]),
        "author": author.get_absolute_url(),
        "article": free.latest("published_at").get_absolute_url(),
        "gated article": gated.latest("published_at").get_absolute_url(),
        "corrections": reverse("website:corrections"),
    }


def assert_counts(client, author, expected, django_assert_num_queries):
    for name, url in page_urls(author).items():
        assert client.get(url).status_code == 200  # warms the cached lookups
        with django_assert_num_queries(expected[name], info=name):
            assert client.get(url).status_code == 200


def test_anonymous_pages_stay_within_six_queries_as_content_grows(client, kurzmeldungen, magazin, django_assert_num_queries):
    assert max(ANONYMOUS.values()) <= 6
    author = AuthorFactory(slug="vielschreiberin")
    add_content(30, kurzmeldungen, magazin, author)
    assert_counts(client, author, ANONYMOUS, django_assert_num_queries)
    add_content(40, kurzmeldungen, magazin, author)
    assert_counts(client, author, ANONYMOUS, django_assert_num_queries)


def test_logged_in_readers_stay_within_eight_queries_as_content_grows(client, kurzmeldungen, magazin, django_assert_num_queries):
    assert max(LOGGED_IN.values()) <= 8
    author = AuthorFactory(slug="vielschreiberin")
    client.force_login(UserFactory(username="leserin@example.org", email="leserin@example.org"))
    add_content(30, kurzmeldungen, magazin, author)
    assert_counts(client, author, LOGGED_IN, django_assert_num_queries)
    add_content(40, kurzmeldungen, magazin, author)
    assert_counts(client, author, LOGGED_IN, django_assert_num_queries)


def test_the_same_queries_over_a_generated_archive(client, django_assert_num_queries):
    from demo.archive import generate

    generate(400)
    article = Article.objects.live().filter(access="free").first()
    pages = {"home": "/", "category": "/rubrik/magazin/", "category page 2": "/rubrik/magazin/?page=2", "article": article.get_absolute_url()}
    for name, url in pages.items():
        assert client.get(url).status_code == 200
        with django_assert_num_queries(ANONYMOUS[name], info=name):
            assert client.get(url).status_code == 200
