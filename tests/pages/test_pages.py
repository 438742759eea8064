import pytest
from django.test import RequestFactory
from django.urls import reverse

from pages.models import LegalNotice
from pages.views import server_error


@pytest.mark.django_db
class TestLegalPages:
    @pytest.mark.parametrize(
        "name, title",
        [("impressum", "Impressum"), ("privacy", "Datenschutzerklärung"), ("accessibility", "Erklärung zur Barrierefreiheit")],
    )
    def test_exist_after_migrating_and_are_linked_in_the_footer(self, client, name, title):
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert f"<h1>{title}</h1>" in response.content.decode()
        footer = client.get(reverse("website:home")).content.decode().split('class="site-footer"')[1]
        assert f'href="{reverse(name)}"' in footer

    def test_staff_edits_show_on_the_site(self, client):
        notice = LegalNotice.current()
        notice.street = "Musterstraße 1"
        notice.save()
        assert "Musterstraße 1" in client.get(reverse("impressum")).content.decode()


@pytest.mark.django_db
def test_404_page_is_designed_and_not_indexed(client):
    response = client.get("/gibt-es-nicht/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Seite nicht gefunden" in html and 'href="/impressum/"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_500_page_renders_without_the_database():
    """No django_db mark: any database access here fails the test."""
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Entschuldigung, da ist etwas schiefgegangen" in html
    assert 'href="/datenschutz/"' in html


@pytest.mark.django_db
def test_unhandled_error_shows_the_500_page(client, monkeypatch):
    from website import views

    def explode(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(views.HomeView, "get_context_data", explode)
    client.raise_request_exception = False
    response = client.get(reverse("website:home"))
    assert response.status_code == 500
    assert "Technisches Problem" in response.content.decode()
