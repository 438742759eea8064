"""The Impressum, the privacy policy and the accessibility statement as records of their own.

A fresh database gets one record of each with placeholders marked "BITTE AUSFÜLLEN", so the
pages never answer 404; the Chefredaktion fills them in the admin under "Seiten".
The flat pages at /impressum/ and /datenschutz/ go; text staff had written there is kept (the
Impressum's as its further information, to be moved into the fields). /agb/ and
/widerrufsbelehrung/ stay flat pages.
"""

from datetime import date

from django.db import migrations

TODO = "BITTE AUSFÜLLEN"
# What pages/migrations/0001_legal_pages.py wrote: nobody's text, so not worth keeping.
OLD_PLACEHOLDERS = {
    "/impressum/": "<p>Angaben gemäß § 5 DDG. Bitte tragen Sie hier Verlag, Anschrift, "
    "Vertretungsberechtigte, Kontakt und Registereintrag ein.</p>",
    "/datenschutz/": "<p>Hier steht die Datenschutzerklärung des Verlags. Diese Website setzt keine "
    "Tracking-Skripte und keine Inhalte fremder Server ein.</p>",
}

LEGAL_NOTICE = {
    "company_name": f"[{TODO}: Firma des Verlags]",
    "legal_form": f"[{TODO}: Rechtsform]",
    "street": f"[{TODO}: Straße und Hausnummer]",
    "postal_code": "[PLZ]",
    "city": f"[{TODO}: Ort]",
    "country": "Deutschland",
    "phone": f"[{TODO}: Telefon]",
    "email": "bitte-ausfuellen@example.org",
    "represented_by": f"[{TODO}: Geschäftsführer/innen]",
    "register_court": f"[{TODO}: Registergericht]",
    "register_number": "[HRB …]",
    "vat_id": "[USt-IdNr.]",
    "responsible_name": f"[{TODO}: verantwortliche Person nach § 18 Abs. 2 MStV]",
    "responsible_address": f"[{TODO}: Straße und Hausnummer]\n[{TODO}: PLZ und Ort]",
}
PRIVACY_TEXT = (
    f"<p><strong>[{TODO}]</strong> Die Datenschutzerklärung des Verlags fehlt noch. Sie nennt den "
    "Verantwortlichen und den Datenschutzbeauftragten, die verarbeiteten Daten und ihre Zwecke und "
    "Rechtsgrundlagen, Cookies, Zahlungsdienstleister, Speicherdauer und die Rechte der Betroffenen.</p>"
)
ACCESSIBILITY_TEXT = (
    f"<p><strong>[{TODO}]</strong> Die Erklärung zur Barrierefreiheit fehlt noch. Sie nennt den Stand der "
    "Vereinbarkeit mit den Anforderungen (barrierefrei, teilweise barrierefrei), die nicht barrierefreien "
    "Inhalte mit ihren Gründen und das Durchsetzungsverfahren bei der Marktüberwachungsstelle.</p>"
)


def create_records(apps, schema_editor):
    FlatPage = apps.get_model("flatpages", "FlatPage")
    LegalNotice = apps.get_model("pages", "LegalNotice")
    PrivacyPolicy = apps.get_model("pages", "PrivacyPolicy")
    AccessibilityStatement = apps.get_model("pages", "AccessibilityStatement")

    def written_by_staff(url):
        page = FlatPage.objects.filter(url=url).first()
        content = page.content.strip() if page else ""
        return "" if content == OLD_PLACEHOLDERS[url] else content

    if not LegalNotice.objects.exists():
        LegalNotice.objects.create(**LEGAL_NOTICE, extra_text=written_by_staff("/impressum/"))
    if not PrivacyPolicy.objects.exists():
        PrivacyPolicy.objects.create(text=written_by_staff("/datenschutz/") or PRIVACY_TEXT)
    if not AccessibilityStatement.objects.exists():
        AccessibilityStatement.objects.create(
            text=ACCESSIBILITY_TEXT, contact_email="bitte-ausfuellen@example.org", statement_date=date.today()
        )
    FlatPage.objects.filter(url__in=list(OLD_PLACEHOLDERS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_legal_page_models"),
        ("flatpages", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_records, migrations.RunPython.noop)]
