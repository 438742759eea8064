"""Paid banners (§ 22 MStV, § 6 DDG): a sponsor always named, "Anzeige" shown with them, their link rel="sponsored"."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from banners.models import Banner
from tests.banners.test_banners import banner, header_html

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:banners_banner_add")


def test_an_advertisement_needs_a_sponsor():
    with pytest.raises(ValidationError) as error:
        Banner(title="Kurse", target_url="https://example.org/", is_sponsored=True, sponsor=" ").clean()
    assert error.value.error_dict["sponsor"][0].code == "sponsor_required"
    Banner(title="Kurse", target_url="https://example.org/", is_sponsored=True, sponsor="Beispiel Software AG").clean()


def test_a_sponsored_banner_says_anzeige_before_its_text_and_its_link_is_sponsored(client):
    banner("Praxis-IT", is_sponsored=True, sponsor="Beispiel Software AG", text="Jetzt testen")
    html = header_html(client)
    assert 'rel="sponsored nofollow"' in html
    assert '<span class="ad-label">Anzeige</span>' in html
    assert html.index("Anzeige") < html.index("Praxis-IT")


def test_our_own_banner_has_no_label_and_stays_nofollow(client):
    banner("Kurse")
    html = header_html(client)
    assert "Kurse" in html and "Anzeige" not in html and "ad-label" not in html
    assert 'rel="nofollow"' in html


def test_the_label_shows_inside_the_article_too(client, live_article):
    live_article.body = "".join(f"<p>Absatz {n}.</p>" for n in range(4))
    live_article.save()
    banner("Im-Text", placement="in_article", after_paragraph=1, is_sponsored=True, sponsor="B AG")
    html = client.get(live_article.get_absolute_url()).content.decode()
    start = html.index('data-banner-slot="in_article"')
    assert '<span class="ad-label">Anzeige</span>' in html[start:html.index("</aside>", start)]


class TestAdmin:
    @pytest.fixture
    def admin_client(self, client, django_user_model):
        client.force_login(django_user_model.objects.create_superuser("chefin", "chefin@example.org", "x"))
        return client

    def data(self, **fields):
        return {
            "title": "Praxis-IT", "text": "", "target_url": "https://example.org/praxis", "kind": "promo",
            "placement": "header", "after_paragraph": "3", "audience": "everyone", "weight": "1", "is_active": "on",
            **fields,
        }

    def test_the_form_offers_both_fields(self, admin_client):
        html = admin_client.get(ADD_URL).content.decode()
        assert 'name="is_sponsored"' in html and 'name="sponsor"' in html

    def test_an_advertisement_without_sponsor_comes_back_with_a_message(self, admin_client):
        response = admin_client.post(ADD_URL, self.data(is_sponsored="on", sponsor=""))
        assert response.status_code == 200 and not Banner.objects.exists()
        assert "Eine Anzeige braucht den Namen ihres Auftraggebers." in response.content.decode()

    def test_an_advertisement_with_sponsor_is_saved(self, admin_client):
        response = admin_client.post(ADD_URL, self.data(is_sponsored="on", sponsor="Beispiel Software AG"))
        assert response.status_code == 302
        assert Banner.objects.values_list("is_sponsored", "sponsor").get() == (True, "Beispiel Software AG")
