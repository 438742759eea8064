"""load_demo fills the legal pages with an invented German publisher, once."""

from io import StringIO

import pytest
from django.core.management import call_command

from pages.models import AccessibilityStatement, LegalNotice, PrivacyPolicy

pytestmark = pytest.mark.django_db


def test_the_demo_fills_every_legal_page_without_duplicates(client):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    assert (LegalNotice.objects.count(), PrivacyPolicy.objects.count(), AccessibilityStatement.objects.count()) == (1, 1, 1)

    notice = LegalNotice.current()
    assert notice.company_name == "Fachverlag Beispiel GmbH" and notice.vat_id.startswith("DE")
    assert notice.register_court.startswith("Amtsgericht") and notice.register_number.startswith("HRB")
    fields = [field.name for field in LegalNotice._meta.fields if field.name not in {"id", "updated_at"}]
    assert all(getattr(notice, name) for name in fields)
    assert all(
        "BITTE AUSFÜLLEN" not in str(getattr(page, field.name))
        for page in (notice, PrivacyPolicy.current(), AccessibilityStatement.current())
        for field in page._meta.fields
    )

    impressum = client.get("/impressum/").content.decode()
    assert "Musterstraße 12" in impressum and "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV" in impressum
    privacy = client.get("/datenschutz/").content.decode()
    for section in ("Verantwortlicher", "Cookies", "Stripe", "Ihre Rechte", "Kontakt"):
        assert section in privacy
    statement = client.get("/barrierefreiheit/").content.decode()
    assert "teilweise barrierefrei" in statement and "(MLBF)" in statement
    assert "barrierefreiheit@example.org" in statement


def test_the_demo_has_terms_and_a_withdrawal_policy_an_order_can_link_to(client):
    call_command("load_demo", stdout=StringIO())
    terms = client.get("/agb/").content.decode()
    assert "§ 5 Laufzeit und Kündigung" in terms and "zahlungspflichtig bestellen" in terms
    policy = client.get("/widerrufsbelehrung/").content.decode()
    for part in ("binnen 14 Tagen", "Folgen des Widerrufs", "Muster-Widerrufsformular", "Vertrag widerrufen"):
        assert part in policy, part
