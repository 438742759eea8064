"""The legal pages in the admin: the Chefredaktion alone edits them; bad input gets a form error, never a 500."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from pages.models import AccessibilityStatement, LegalNotice, PrivacyPolicy

pytestmark = pytest.mark.django_db

MODELS = [LegalNotice, PrivacyPolicy, AccessibilityStatement]
NOTICE = {
    "company_name": "Fachverlag Beispiel GmbH", "legal_form": "Gesellschaft mit beschränkter Haftung",
    "street": "Musterstraße 12", "postal_code": "10115", "city": "Berlin", "country": "Deutschland",
    "phone": "+49 30 1234567-0", "email": "verlag@example.org", "represented_by": "Dr. Erika Beispiel",
    "register_court": "Amtsgericht Charlottenburg", "register_number": "HRB 123456 B", "vat_id": "DE123456789",
    "responsible_name": "Aylin Demir", "responsible_address": "Musterstraße 12\n10115 Berlin", "extra_text": "",
}
FORMS = {
    LegalNotice: NOTICE,
    PrivacyPolicy: {"text": "<h2>Verantwortlicher</h2><p>Fachverlag Beispiel GmbH</p>"},
    AccessibilityStatement: {
        "text": "<p>Teilweise barrierefrei.</p>", "statement_date": "15.01.2026",
        "contact_email": "barrierefreiheit@example.org", "contact_phone": "",
    },
}


def change_url(model):
    return reverse(f"admin:pages_{model._meta.model_name}_change", args=[model.current().pk])


def test_only_the_chief_holds_permissions_for_the_legal_pages():
    def codenames(role):
        return set(Group.objects.get(name=role).permissions.filter(content_type__app_label="pages").values_list("codename", flat=True))

    assert codenames("Chefredaktion") == {
        f"{action}_{model._meta.model_name}" for model in MODELS for action in ("view", "change")
    }
    assert codenames("Redakteur/in") == codenames("Autor/in") == set()


@pytest.mark.parametrize("model", MODELS)
def test_the_chief_edits_each_page_and_the_site_shows_it(client, chief, model):
    client.force_login(chief)
    listing = client.get(reverse(f"admin:pages_{model._meta.model_name}_changelist"))
    assert listing.status_code == 302 and listing["Location"] == change_url(model)
    assert client.get(change_url(model)).status_code == 200
    response = client.post(change_url(model), FORMS[model])
    assert response.status_code == 302, response.context["adminform"].form.errors
    page = client.get(model.current().get_absolute_url()).content.decode()
    assert ("Musterstraße 12" if model is LegalNotice else "barrierefrei" if model is AccessibilityStatement else "Verantwortlicher") in page


@pytest.mark.parametrize("model", MODELS)
def test_the_chief_can_neither_add_a_second_record_nor_delete_one(client, chief, model):
    client.force_login(chief)
    name = model._meta.model_name
    assert client.get(reverse(f"admin:pages_{name}_add")).status_code == 403
    assert client.post(reverse(f"admin:pages_{name}_delete", args=[model.current().pk]), {"post": "yes"}).status_code == 403
    assert model.objects.count() == 1


@pytest.mark.parametrize("role", ["editor", "reporter"])
@pytest.mark.parametrize("model", MODELS)
def test_editors_and_reporters_cannot_see_or_change_them(client, request, role, model):
    client.force_login(request.getfixturevalue(role))
    before = model.current().updated_at
    assert client.get(reverse(f"admin:pages_{model._meta.model_name}_changelist")).status_code == 403
    assert client.get(change_url(model)).status_code == 403
    assert client.post(change_url(model), FORMS[model]).status_code == 403
    assert model.current().updated_at == before
    assert f"/admin/pages/{model._meta.model_name}/" not in client.get(reverse("admin:index")).content.decode()


@pytest.mark.parametrize(
    "model, bad, field",
    [
        (LegalNotice, {"email": "keine-adresse"}, "email"),
        (LegalNotice, {"vat_id": "DE 12"}, "vat_id"),
        (LegalNotice, {"postal_code": "1" * 40}, "postal_code"),
        (LegalNotice, {"responsible_address": ""}, "responsible_address"),
        (LegalNotice, {"register_number": ""}, None),  # court without number
        (LegalNotice, {"company_name": "\x00Verlag"}, "company_name"),
        (PrivacyPolicy, {"text": ""}, "text"),
        (AccessibilityStatement, {"statement_date": "31.02.2026"}, "statement_date"),
        (AccessibilityStatement, {"contact_email": ""}, "contact_email"),
    ],
)
def test_bad_input_gets_a_form_error_not_a_500(client, chief, model, bad, field):
    client.force_login(chief)
    response = client.post(change_url(model), {**FORMS[model], **bad})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert (field in errors) if field else ("__all__" in errors)


def test_rich_text_from_the_admin_is_stored_sanitised(client, chief):
    client.force_login(chief)
    client.post(change_url(PrivacyPolicy), {"text": '<h2>Cookies</h2><script>alert(1)</script><p onmouseover="x()">Nur nötige.</p>'})
    assert PrivacyPolicy.current().text == "<h2>Cookies</h2><p>Nur nötige.</p>"
