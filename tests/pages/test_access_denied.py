"""Refusals speak German: the 403 page and the page of an expired form (CSRF)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_reporter_refused_in_the_admin_gets_a_german_page(client, reporter):
    client.force_login(reporter)
    response = client.get("/admin/auth/user/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Zugriff verweigert" in html and "Forbidden" not in html


def test_a_form_sent_without_its_token_gets_a_german_page(reader):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/konto/anmelden/", {"username": "leserin", "password": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Das Formular ist abgelaufen" in html and "CSRF verification failed" not in html
