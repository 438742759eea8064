"""Impressum, Datenschutz and Barrierefreiheit as readers see them: every field, sanitised rich text, footer, cache."""

from datetime import date

import pytest
from django.contrib.flatpages.models import FlatPage
from django.db import connection
from django.test import Client
from django.urls import reverse

from pages.models import AccessibilityStatement, LegalNotice, PrivacyPolicy

pytestmark = pytest.mark.django_db

NOTICE = {
    "company_name": "Testverlag Nord GmbH",
    "legal_form": "Gesellschaft mit beschränkter Haftung",
    "street": "Hafenweg 3",
    "postal_code": "20457",
    "city": "Hamburg",
    "country": "Deutschland",
    "phone": "+49 40 555123-0",
    "email": "kontakt@example.org",
    "represented_by": "Petra Probe, Paul Test",
    "register_court": "Amtsgericht Hamburg",
    "register_number": "HRB 99999",
    "vat_id": "DE999999999",
    "responsible_name": "Rita Redlich",
    "responsible_address": "Kaiweg 7\n20459 Hamburg",
    "extra_text": "<h2>Streitbeilegung</h2><p>Wir nehmen an keinem Schlichtungsverfahren teil.</p>",
}
SCRIPT = '<p onclick="steal()">Text</p><script>alert("x")</script><p><a href="javascript:steal()">Link</a></p>'


def html_of(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    return response.content.decode()


def fill_notice(**changes):
    notice = LegalNotice.current()
    for name, value in {**NOTICE, **changes}.items():
        setattr(notice, name, value)
    notice.save()
    return notice


def test_a_fresh_database_has_each_page_with_marked_placeholders_instead_of_the_flat_pages(client):
    assert (LegalNotice.objects.count(), PrivacyPolicy.objects.count(), AccessibilityStatement.objects.count()) == (1, 1, 1)
    assert "BITTE AUSFÜLLEN" in LegalNotice.current().company_name
    for name in ("impressum", "privacy", "accessibility"):
        assert "BITTE AUSFÜLLEN" in html_of(client, name)
    assert set(FlatPage.objects.values_list("url", flat=True)) == {"/agb/", "/widerrufsbelehrung/"}
    assert client.get("/agb/").status_code == 200


def test_the_impressum_shows_every_field_under_its_heading(client):
    fill_notice()
    html = html_of(client, "impressum")
    for value in ("Testverlag Nord GmbH", "Gesellschaft mit beschränkter Haftung", "Hafenweg 3", "20457 Hamburg",
                  "Petra Probe, Paul Test", "Amtsgericht Hamburg", "HRB 99999", "DE999999999"):
        assert value in html
    assert '<a href="tel:+49405551230">+49 40 555123-0</a>' in html
    assert '<a href="mailto:kontakt@example.org">kontakt@example.org</a>' in html
    for heading in ("Angaben gemäß § 5 DDG", "Vertreten durch", "Kontakt", "Registereintrag", "USt-IdNr."):
        assert f"<h2>{heading}</h2>" in html
    responsible = html.split("<h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV</h2>")[1]
    assert "Rita Redlich<br>" in responsible and "Kaiweg 7<br>20459 Hamburg" in responsible
    assert "<h2>Streitbeilegung</h2><p>Wir nehmen an keinem Schlichtungsverfahren teil.</p>" in html


def test_the_impressum_leaves_out_an_empty_register_and_escapes_plain_fields(client):
    fill_notice(register_court="", register_number="", vat_id="", extra_text="", represented_by="<b>Chef</b>")
    html = html_of(client, "impressum").split("<main")[1]
    assert "Registereintrag" not in html and "Umsatzsteuer" not in html and "USt-IdNr." not in html
    assert "&lt;b&gt;Chef&lt;/b&gt;" in html


@pytest.mark.parametrize("model, name", [(PrivacyPolicy, "privacy"), (AccessibilityStatement, "accessibility")])
def test_rich_text_is_sanitised_when_saved(client, model, name):
    page = model.current()
    page.text = "<h2>Abschnitt</h2>" + SCRIPT
    page.save()
    page.refresh_from_db()
    assert "<script" not in page.text and "onclick" not in page.text and "javascript:" not in page.text
    html = html_of(client, name)
    assert "<h2>Abschnitt</h2>" in html and "<p>Text</p>" in html
    assert "<script>alert" not in html and "steal()" not in html


def test_rich_text_written_around_the_model_is_sanitised_when_shown(client):
    """Rows a migration or raw SQL wrote never went through the field: the page cleans them too."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE pages_privacypolicy SET text = %s", ["<h2>Roh</h2>" + SCRIPT])
    html = html_of(client, "privacy")
    assert "<h2>Roh</h2>" in html and "<script>alert" not in html and "steal()" not in html


def test_the_accessibility_statement_shows_the_feedback_contact_and_its_date(client):
    statement = AccessibilityStatement.current()
    statement.contact_email, statement.contact_phone = "barrieren@example.org", "030 1234-5"
    statement.statement_date = date(2026, 1, 15)
    statement.save()
    html = html_of(client, "accessibility")
    assert "<h2>Feedback und Kontakt</h2>" in html
    assert '<a href="mailto:barrieren@example.org">barrieren@example.org</a>' in html
    assert '<a href="tel:03012345">030 1234-5</a>' in html
    assert "15. Januar 2026" in html


@pytest.mark.parametrize("path", ["/", "/abo/", "/impressum/", "/datenschutz/", "/barrierefreiheit/", "/agb/", "/konto/anmelden/", "/gibt-es-nicht/"])
def test_every_page_links_the_three_legal_pages_in_its_footer(client, path):
    footer = client.get(path).content.decode().split('class="site-footer"')[1]
    for href, label in (("/impressum/", "Impressum"), ("/datenschutz/", "Datenschutz"), ("/barrierefreiheit/", "Barrierefreiheit")):
        assert f'<a href="{href}">{label}</a>' in footer


def test_legal_pages_are_cached_for_anonymous_readers_and_fresh_after_an_edit(settings):
    settings.PAGE_CACHE_SECONDS = 60
    first, second = Client().get("/impressum/"), Client().get("/impressum/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert "public" in second["Cache-Control"]
    fill_notice(street="Neuer Weg 1")
    assert "Neuer Weg 1" in Client().get("/impressum/").content.decode()


def test_impressum_and_privacy_policy_are_in_the_sitemap(client):
    xml = client.get("/sitemap-seiten.xml").content.decode()
    assert "/impressum/</loc>" in xml and "/datenschutz/</loc>" in xml


def test_without_a_record_the_page_answers_404_not_500(client):
    AccessibilityStatement.objects.all().delete()
    assert client.get(reverse("accessibility")).status_code == 404


@pytest.mark.django_db
def test_an_impressum_kept_as_text_stands_alone_until_its_fields_are_filled_in(client):
    from pages.models import LegalNotice

    notice = LegalNotice.current()
    LegalNotice.objects.filter(pk=notice.pk).update(
        company_name=f"[{LegalNotice.PLACEHOLDER}: Firma]", extra_text="<p>Verlag Alt &amp; Co. KG, Altstraße 1</p>",
    )
    html = client.get("/impressum/").content.decode()
    assert "Verlag Alt &amp; Co. KG" in html and LegalNotice.PLACEHOLDER not in html
    notice.refresh_from_db()
    for field in ("company_name", "legal_form", "street", "postal_code", "city", "represented_by", "phone", "email",
                  "responsible_name", "responsible_address", "register_court", "register_number", "vat_id", "country"):
        if LegalNotice.PLACEHOLDER in str(getattr(notice, field, "")):
            setattr(notice, field, "info@example.org" if field == "email" else "Ausgefüllt")
    notice.save()
    assert notice.is_filled_in
    assert "Angaben gemäß § 5 DDG" in client.get("/impressum/").content.decode()
