import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, ImageFactory, png_file
from tests.public_pages import listing_pages_for, pages_showing

pytestmark = pytest.mark.django_db


class TestVisibilityOnPublicPages:
    @pytest.fixture
    def hidden_articles(self, kurzmeldungen):
        draft = ArticleFactory(
            title="Geheimer Entwurf", status=Article.Status.DRAFT, primary_category=kurzmeldungen, tags=["Energie"]
        )
        future = ArticleFactory(
            title="Noch nicht erschienen",
            published_at=timezone.now() + timedelta(hours=3),
            primary_category=kurzmeldungen,
            tags=["Energie"],
        )
        return [draft, future]

    def test_hidden_articles_appear_on_no_public_page(self, client, live_article, hidden_articles):
        for hidden in hidden_articles:
            assert pages_showing(client, hidden) == []
        assert len(pages_showing(client, live_article)) == len(listing_pages_for(live_article)) + 1

    def test_hidden_articles_have_no_page(self, client, hidden_articles):
        for hidden in hidden_articles:
            assert client.get(hidden.get_absolute_url()).status_code == 404
            assert client.get(reverse("website:detail_by_id", args=[hidden.pk])).status_code == 404

    def test_scheduled_article_appears_once_its_time_has_come(self, client, kurzmeldungen):
        from unittest import mock

        six = timezone.now() + timedelta(minutes=5)
        article = ArticleFactory(title="Pünktlich um sechs", published_at=six)
        assert client.get(article.get_absolute_url()).status_code == 404  # and the article is now in the lookup cache
        with mock.patch("django.utils.timezone.now", return_value=six + timedelta(seconds=1)):
            assert client.get(article.get_absolute_url()).status_code == 200
            assert "Pünktlich um sechs" in client.get(reverse("website:home")).content.decode()

    def test_hidden_articles_are_not_related_articles(self, client, live_article, hidden_articles):
        html = client.get(live_article.get_absolute_url()).content.decode()
        for hidden in hidden_articles:
            assert hidden.title not in html


class TestCanonicalUrls:
    def test_canonical_url_answers_200_with_canonical_link(self, client, live_article):
        response = client.get(live_article.get_absolute_url())
        assert response.status_code == 200
        assert f'rel="canonical" href="http://testserver{live_article.get_absolute_url()}"' in response.content.decode()

    @pytest.mark.parametrize("suffix", ["", "falscher-slug/", "alter%20slug/"])
    def test_other_addresses_redirect_permanently(self, client, live_article, suffix):
        response = client.get(f"/artikel/{live_article.pk}/{suffix}")
        assert response.status_code == 301
        assert response["Location"] == live_article.get_absolute_url()

    def test_old_slug_keeps_working_after_a_rename(self, client, live_article):
        old_url = live_article.get_absolute_url()
        live_article.slug = "neuer-slug"
        live_article.save()
        response = client.get(old_url)
        assert response.status_code == 301
        assert response["Location"] == f"/artikel/{live_article.pk}/neuer-slug/"

    @pytest.mark.parametrize("url", ["/artikel/0/x/", "/artikel/99999999999999999999999999/x/", "/rubrik/gibt-es-nicht/",
                                     "/autor/niemand/", "/schlagwort/nichts/", "/artikel/abc/"])
    def test_unknown_addresses_are_404(self, client, url):
        response = client.get(url)
        assert response.status_code == 404
        assert "Seite nicht gefunden" in response.content.decode()


class TestPagination:
    @pytest.fixture
    def many_articles(self, kurzmeldungen, settings):
        settings.ARTICLES_PER_PAGE = 12
        return [
            ArticleFactory(primary_category=kurzmeldungen, published_at=timezone.now() - timedelta(hours=i))
            for i in range(1, 15)
        ]

    @pytest.mark.parametrize(
        "page, expected_page", [("abc", 1), ("0", 1), ("-1", 1), ("99999", 2), ("1", 1), ("2", 2), ("", 1), ("1.5", 1)]
    )
    def test_odd_page_numbers_show_a_real_page(self, client, kurzmeldungen, many_articles, page, expected_page):
        response = client.get(kurzmeldungen.get_absolute_url(), {"page": page})
        assert response.status_code == 200
        assert response.context["page_obj"].number == expected_page
        assert f"Seite {expected_page}<" in response.content.decode()

    def test_second_page_holds_the_oldest_articles(self, client, kurzmeldungen, many_articles):
        response = client.get(kurzmeldungen.get_absolute_url(), {"page": 2})
        assert list(response.context["page_obj"]) == many_articles[12:]

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(page=st.text(max_size=40))
    def test_any_page_parameter_is_handled(self, client, kurzmeldungen, page):
        for url in (kurzmeldungen.get_absolute_url(), "/autor/x/", reverse("website:home")):
            assert client.get(url, {"page": page}).status_code in (200, 404)


class TestArticlePage:
    @pytest.fixture
    def article(self, kurzmeldungen, magazin):
        author = AuthorFactory(name="Jonas Becker", bio="Schreibt über Rechenzentren.", photo=png_file("jb.png"),
                               linkedin_url="https://www.linkedin.com/in/jb")
        return ArticleFactory(
            kicker="KI-Infrastruktur",
            title="Rechenzentren für Kliniken",
            teaser="Der Strombedarf steigt.",
            body="<p>Der erste Absatz.</p>",
            primary_category=kurzmeldungen,
            categories=[magazin],
            tags=["Energie"],
            authors=[author],
            image=ImageFactory(credit="Newsroom"),
            published_at=datetime(2026, 11, 29, 14, 5, tzinfo=ZoneInfo("Europe/Berlin")),
        )

    def test_elements_appear_in_the_reference_order(self, client, article):
        from banners.models import Banner

        Banner.objects.create(
            title="Online-Kompaktkurse", text="zu neuesten Gesetzesänderungen", target_url="https://kurse.example.org/"
        )
        html = client.get(article.get_absolute_url()).content.decode()
        markers = [
            'data-banner-slot="header"',
            "Online-Kompaktkurse",
            ">Abo</a>",
            ">KI-Infrastruktur</p>",
            "<h1>Rechenzentren für Kliniken</h1>",
            "Der Strombedarf steigt.",
            'rel="author">Jonas Becker</a>',
            "29.11.2026, 14:05",
            'class="label" href="/rubrik/kurzmeldungen/">Kurzmeldungen</a>',
            'class="label" href="/rubrik/magazin/">Magazin</a>',
            "Lesezeit 1 Min.",
            'alt="Serverschränke in einem Rechenzentrum"',
            "Ein Rechenzentrum",
            "Bild: Newsroom",
            "Der erste Absatz.",
            ">Energie</a>",
            ">Jonas Becker</a>",
            "Diesen Beitrag teilen",
        ]
        position = html.index("<body")
        for marker in markers:
            position = html.index(marker, position + 1)
        assert html.count("<h1") == 1

    def test_share_bar_links_to_the_networks_without_third_party_code(self, client, article):
        html = client.get(article.get_absolute_url()).content.decode()
        share = html[html.index('class="share-bar"'):]
        for network in ("linkedin.com", "xing.com", "x.com", "facebook.com", "wa.me", "mailto:"):
            assert network in share
        assert "http%3A%2F%2Ftestserver%2Fartikel%2F" in share
        assert "<iframe" not in html
        assert not re.search(r"<script[^>]+src=\"https?://", html)

    def test_category_labels_link_to_category_pages(self, client, article, kurzmeldungen, magazin):
        html = client.get(article.get_absolute_url()).content.decode()
        assert f'href="{kurzmeldungen.get_absolute_url()}">Kurzmeldungen</a>' in html
        assert f'href="{magazin.get_absolute_url()}">Magazin</a>' in html

    def test_related_articles_share_tags_or_category_and_exclude_the_article(self, client, article, magazin):
        same_tag = ArticleFactory(title="Mehr zur Energie", tags=["Energie"])
        same_category = ArticleFactory(title="Auch im Magazin", primary_category=magazin)
        unrelated = ArticleFactory(title="Ganz anderes Thema")
        related = list(client.get(article.get_absolute_url()).context["related_articles"])
        assert related == [same_tag, same_category]
        assert unrelated not in related

    def test_author_page_shows_bio_photo_and_articles(self, client, article):
        author = article.ordered_authors[0]
        html = client.get(author.get_absolute_url()).content.decode()
        assert "Schreibt über Rechenzentren." in html
        assert 'alt="Porträt von Jonas Becker"' in html
        assert "Rechenzentren für Kliniken" in html


def test_home_page_shows_lead_story_and_both_categories(client, kurzmeldungen, magazin):
    lead = ArticleFactory(title="Der Aufmacher", primary_category=magazin, published_at=timezone.now())
    news = ArticleFactory(title="Eine Kurzmeldung", primary_category=kurzmeldungen,
                          published_at=timezone.now() - timedelta(hours=2))
    response = client.get(reverse("website:home"))
    html = response.content.decode()
    assert response.context["lead"] == lead
    assert html.index("Der Aufmacher") < html.index('id="section-kurzmeldungen"') < html.index("Eine Kurzmeldung")
    assert f'href="{magazin.get_absolute_url()}"' in html
    assert news in dict(response.context["sections"])[kurzmeldungen]


def test_empty_site_renders(client):
    response = client.get(reverse("website:home"))
    assert response.status_code == 200
    assert "Es wurden noch keine Artikel veröffentlicht." in response.content.decode()
