import pytest
from django.urls import reverse

from articles.models import Article
from images.models import Image as LibraryImage
from tests.articles.test_sanitizing import assert_harmless
from tests.factories import ArticleFactory, AuthorFactory, ImageFactory, png_file

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")
CHANGELIST_URL = reverse("admin:articles_article_changelist")


def management_form(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def article_form_data(category, author, **overrides):
    data = {
        "kicker": "Abrechnung",
        "title": "Größe über Äpfel",
        "slug": "",
        "teaser": "Ein Teaser.",
        "body": "<p>Text</p>",
        "primary_category": category.pk,
        "categories": [],
        "tags": "Energie, Recht",
        "status": Article.Status.DRAFT,
        "access": "",
        "preview_paragraphs": "2",
        "published_at_0": "",
        "published_at_1": "",
        "bylines-TOTAL_FORMS": "1",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "1",
        "bylines-MAX_NUM_FORMS": "1000",
        "bylines-0-author": author.pk,
        "bylines-0-position": "0",
        **management_form("editorial_notes"),
        **management_form("share_links"),
    }
    data.update(overrides)
    return data


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


class TestAccess:
    def test_staff_can_open_list_add_and_change_pages(self, staff_client, live_article):
        for url in (
            CHANGELIST_URL,
            CHANGELIST_URL + "?status__exact=published&q=Meldung",
            ADD_URL,
            reverse("admin:articles_article_change", args=[live_article.pk]),
            reverse("admin:articles_author_changelist"),
            reverse("admin:articles_category_changelist"),
        ):
            assert staff_client.get(url).status_code == 200, url

    def test_changelist_shows_the_editorial_columns(self, staff_client, live_article):
        html = staff_client.get(CHANGELIST_URL).content.decode()
        assert live_article.title in html
        assert live_article.ordered_authors[0].name in html
        assert "Kurzmeldungen" in html

    def test_anonymous_visitors_are_sent_to_the_login(self, client):
        response = client.get(CHANGELIST_URL)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))

    def test_readers_cannot_use_the_admin(self, client, reader, kurzmeldungen):
        client.force_login(reader)
        assert client.get(CHANGELIST_URL).status_code == 302
        response = client.post(ADD_URL, article_form_data(kurzmeldungen, AuthorFactory()))
        assert response.status_code == 302
        assert not Article.objects.exists()

    def test_staff_without_article_permissions_are_refused(self, client, kurzmeldungen):
        from tests.factories import UserFactory

        client.force_login(UserFactory(is_staff=True))
        assert client.get(CHANGELIST_URL).status_code == 403
        assert client.post(ADD_URL, article_form_data(kurzmeldungen, AuthorFactory())).status_code == 403
        assert not Article.objects.exists()


class TestArticleForm:
    def test_creating_an_article_fills_slug_and_primary_category(self, staff_client, kurzmeldungen):
        response = staff_client.post(ADD_URL, article_form_data(kurzmeldungen, AuthorFactory()))
        assert response.status_code == 302
        article = Article.objects.get()
        assert article.slug == "groesse-ueber-aepfel"
        assert list(article.categories.all()) == [kurzmeldungen]
        assert sorted(article.tags.names()) == ["Energie", "Recht"]

    def test_hostile_body_is_cleaned_on_save(self, staff_client, kurzmeldungen):
        from tests.articles.test_sanitizing import HOSTILE

        without_picture = HOSTILE.replace('<img src="x" onerror="alert(1)">', "")
        staff_client.post(ADD_URL, article_form_data(kurzmeldungen, AuthorFactory(), body=without_picture))
        body = Article.objects.get().body
        assert_harmless(body)
        assert "Nachher" in body

    def test_a_picture_from_elsewhere_in_the_body_is_refused_with_a_message(self, staff_client, kurzmeldungen):
        from tests.articles.test_sanitizing import HOSTILE

        response = staff_client.post(ADD_URL, article_form_data(kurzmeldungen, AuthorFactory(), body=HOSTILE))
        assert response.status_code == 200 and not Article.objects.exists()
        assert "Bilder im Text müssen aus der Mediathek stammen" in response.content.decode()

    def test_a_picture_without_alt_text_or_licence_is_saved_with_a_warning(self, staff_client, kurzmeldungen):
        from datetime import date

        image = ImageFactory(alt_text="", licence_expires_on=date(2020, 1, 1))
        response = staff_client.post(ADD_URL, article_form_data(kurzmeldungen, AuthorFactory(), image=image.pk), follow=True)
        html = response.content.decode()
        assert Article.objects.get().image == image
        assert "Alternativtext fehlt" in html and "Lizenz abgelaufen" in html

    def test_an_expired_picture_in_the_text_is_flagged_on_saving(self, staff_client, kurzmeldungen):
        from datetime import date

        image = ImageFactory(caption="Alte Agenturaufnahme", licence_expires_on=date(2020, 1, 1))
        body = f'<p>Text.</p><figure class="figure"><img src="/x.jpg" alt="Alt" data-file="{image.pk}"></figure>'
        response = staff_client.post(ADD_URL, article_form_data(kurzmeldungen, AuthorFactory(), body=body), follow=True)
        html = response.content.decode()
        assert "Bild im Text „Alte Agenturaufnahme“: Lizenz abgelaufen" in html

    def test_the_chosen_picture_and_the_typed_text_survive_a_validation_error(self, staff_client, kurzmeldungen):
        image = ImageFactory()
        data = article_form_data(kurzmeldungen, AuthorFactory(), image=image.pk, title="", teaser="Mein Teaser bleibt")
        response = staff_client.post(ADD_URL, data)
        html = response.content.decode()
        assert response.status_code == 200 and not Article.objects.exists()
        assert "Mein Teaser bleibt" in html
        assert f'name="image" value="{image.pk}"' in html
        # Picking (magnifier) and uploading (plus) happen in popups: the article form stays as it is.
        assert 'id="lookup_id_image"' in html and 'id="add_id_image"' in html and "_popup=1" in html

    def test_an_article_needs_an_author(self, staff_client, kurzmeldungen):
        data = article_form_data(kurzmeldungen, AuthorFactory(), **{"bylines-0-author": ""})
        response = staff_client.post(ADD_URL, data)
        assert response.status_code == 200
        assert not Article.objects.exists()

    def test_duplicate_slug_gets_a_message(self, staff_client, kurzmeldungen):
        ArticleFactory(slug="schon-da")
        response = staff_client.post(ADD_URL, article_form_data(kurzmeldungen, AuthorFactory(), slug="schon-da"))
        assert response.status_code == 200
        assert "existiert bereits" in response.content.decode()

    def test_garbage_publication_time_gets_a_message(self, staff_client, kurzmeldungen):
        data = article_form_data(kurzmeldungen, AuthorFactory(), published_at_0="31.02.2026", published_at_1="25:99")
        response = staff_client.post(ADD_URL, data)
        assert response.status_code == 200
        assert Article.objects.count() == 0


class TestViewOnSite:
    def test_published_articles_link_to_the_site(self, staff_client, live_article):
        html = staff_client.get(reverse("admin:articles_article_change", args=[live_article.pk])).content.decode()
        assert "Auf der Website anzeigen" in html

    def test_drafts_have_no_site_link(self, staff_client):
        draft = ArticleFactory(status=Article.Status.DRAFT)
        html = staff_client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
        assert "Auf der Website anzeigen" not in html


def test_tag_suggestions_come_from_the_admin_autocomplete(staff_client, live_article):
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"term": "Rechen", "app_label": "articles", "model_name": "article", "field_name": "tags"},
    )
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Rechenzentren"]


def test_author_autocomplete(staff_client):
    AuthorFactory(name="Aylin Demir")
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"term": "Ayl", "app_label": "articles", "model_name": "byline", "field_name": "author"},
    )
    assert [result["text"] for result in response.json()["results"]] == ["Aylin Demir"]


IMAGE_ADD_URL = "/admin/images/image/add/"


def test_a_file_that_is_not_an_image_is_refused_with_a_message(staff_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("bild.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = staff_client.post(IMAGE_ADD_URL, {"file": fake, "caption": "Bleibt erhalten", "focal_x": 0.5, "focal_y": 0.5})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte ein gültiges Bild hochladen" in html and "Bleibt erhalten" in html
    assert not LibraryImage.objects.exists()


def test_oversized_images_are_refused_with_a_message(staff_client, monkeypatch):
    from images import validators

    monkeypatch.setattr(validators, "MAX_IMAGE_MEGABYTES", 0)  # any real image is "too large" now
    response = staff_client.post(IMAGE_ADD_URL, {"file": png_file(), "alt_text": "Ein Bild", "focal_x": 0.5, "focal_y": 0.5})
    assert response.status_code == 200
    assert "Das Bild ist größer als 0 MB" in response.content.decode()
    assert not LibraryImage.objects.exists()


def test_the_article_list_finds_articles_by_author_and_by_words_of_the_text(staff_client, kurzmeldungen):
    ArticleFactory(title="Erste Meldung", primary_category=kurzmeldungen, authors=[AuthorFactory(name="Miriam Hartmann")])
    ArticleFactory(title="Zweite Meldung", primary_category=kurzmeldungen, body="<p>Die Wärmepumpen im Klinikum laufen.</p>")
    ArticleFactory(title="Dritte Meldung", primary_category=kurzmeldungen)
    by_author = staff_client.get("/admin/articles/article/", {"q": "Hartmann"}).content.decode()
    assert "Erste Meldung" in by_author and "Zweite Meldung" not in by_author
    by_text = staff_client.get("/admin/articles/article/", {"q": "Wärmepumpe"}).content.decode()
    assert "Zweite Meldung" in by_text and "Erste Meldung" not in by_text and "Dritte Meldung" not in by_text
