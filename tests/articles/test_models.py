from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import Article
from articles.text import german_slugify, reading_minutes
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


class TestVisibilityRule:
    def test_live_contains_published_articles_whose_time_has_come(self, live_article):
        assert list(Article.objects.live()) == [live_article]
        assert live_article.is_live

    def test_drafts_are_not_live(self):
        draft = ArticleFactory(status=Article.Status.DRAFT, published_at=timezone.now() - timedelta(days=1))
        assert not Article.objects.live().exists()
        assert list(Article.objects.not_live()) == [draft]
        assert not draft.is_live

    def test_articles_scheduled_for_the_future_are_not_live(self):
        scheduled = ArticleFactory(published_at=timezone.now() + timedelta(minutes=1))
        assert not Article.objects.live().exists()
        assert not scheduled.is_live

    def test_instance_rule_agrees_with_queryset_rule(self):
        now = timezone.now()
        past, future = now - timedelta(hours=2), now + timedelta(hours=2)
        articles = {
            (status, published_at, expires_at): ArticleFactory(
                status=status, published_at=published_at, expires_at=expires_at
            )
            for status in Article.Status.values
            for published_at in (past, future)
            for expires_at in (None, now - timedelta(minutes=1), future + timedelta(hours=1))
        }
        live_ids = set(Article.objects.live().values_list("pk", flat=True))
        expected = {
            articles[(Article.Status.PUBLISHED, past, None)].pk,
            articles[(Article.Status.PUBLISHED, past, future + timedelta(hours=1))].pk,
        }
        assert {a.pk for a in articles.values() if a.is_live} == live_ids == expected

    def test_expired_articles_are_not_live(self):
        article = ArticleFactory(expires_at=timezone.now() - timedelta(seconds=1))
        assert not Article.objects.live().exists()
        assert not article.is_live and article.is_expired

    def test_saving_leaves_publication_times_to_the_workflow(self):
        """Only editorial.actions.publish sets publication times; a bare save fills derived fields only."""
        article = ArticleFactory(published_at=None)
        assert article.published_at is None and article.first_published_at is None
        assert not article.is_live and not Article.objects.live().exists()


class TestSlugs:
    @pytest.mark.parametrize(
        "title, slug",
        [
            ("Größe über Äpfel", "groesse-ueber-aepfel"),
            ("Straße der Ölförderung", "strasse-der-oelfoerderung"),
            ("„Digitalisierung braucht einen langen Atem“", "digitalisierung-braucht-einen-langen-atem"),
            ("KI & Co.: 5 Fragen", "ki-co-5-fragen"),
        ],
    )
    def test_german_transliteration(self, title, slug):
        assert german_slugify(title) == slug

    def test_slug_is_generated_from_the_title_and_kept_unique(self):
        first = ArticleFactory(title="Größe über Äpfel")
        second = ArticleFactory(title="Größe über Äpfel")
        third = ArticleFactory(title="Größe über Äpfel")
        assert [first.slug, second.slug, third.slug] == [
            "groesse-ueber-aepfel",
            "groesse-ueber-aepfel-2",
            "groesse-ueber-aepfel-3",
        ]

    def test_edited_slug_is_kept(self):
        article = ArticleFactory(title="Größe über Äpfel")
        article.slug = "aepfel"
        article.title = "Ganz neue Überschrift"
        article.save()
        article.refresh_from_db()
        assert article.slug == "aepfel"

    def test_title_without_letters_still_gets_a_slug(self):
        assert ArticleFactory(title="!!!").slug == "artikel"


class TestReadingTime:
    def words(self, count):
        return " ".join(["Wort"] * count)

    @pytest.mark.parametrize("words, minutes", [(0, 1), (50, 1), (250, 1), (299, 1), (300, 2), (450, 2), (1000, 5)])
    def test_rounds_to_the_nearest_minute_and_is_at_least_one(self, words, minutes):
        assert reading_minutes(self.words(words)) == minutes

    def test_markup_does_not_count_as_words(self):
        html = "<p><strong>" + "</strong> <em>".join(["Wort"] * 300) + "</em></p>"
        assert reading_minutes(html) == 2

    def test_stored_from_teaser_and_body(self):
        article = ArticleFactory(teaser=self.words(100), body=f"<p>{self.words(250)}</p>")
        assert article.reading_minutes == 2
        article.body = "<p>kurz</p>"
        article.save()
        assert Article.objects.get(pk=article.pk).reading_minutes == 1


def test_primary_category_comes_first(live_article, kurzmeldungen, magazin):
    assert live_article.all_categories == [kurzmeldungen, magazin]


def test_canonical_url_contains_id_and_slug(live_article):
    assert live_article.get_absolute_url() == f"/artikel/{live_article.pk}/{live_article.slug}/"
