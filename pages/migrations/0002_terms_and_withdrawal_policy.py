"""The pages an order links to: terms and conditions and the withdrawal policy (placeholders for the publisher's text)."""

from django.conf import settings
from django.db import migrations

PAGES = [
    (
        "/agb/",
        "Allgemeine Geschäftsbedingungen",
        "<p>Hier stehen die Allgemeinen Geschäftsbedingungen des Verlags für Abonnements: "
        "Vertragspartner, Leistung, Preise, Laufzeit und Kündigung, Zahlung.</p>",
    ),
    (
        "/widerrufsbelehrung/",
        "Widerrufsbelehrung",
        "<p>Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen. "
        "Die Widerrufsfrist beträgt vierzehn Tage ab dem Tag des Vertragsabschlusses. Um Ihr Widerrufsrecht "
        "auszuüben, nutzen Sie „Vertrag widerrufen“ unten auf jeder Seite oder schreiben Sie uns eine eindeutige "
        "Erklärung.</p>",
    ),
]


def create_pages(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    FlatPage = apps.get_model("flatpages", "FlatPage")
    site, _ = Site.objects.get_or_create(pk=settings.SITE_ID, defaults={"domain": "localhost", "name": "Newsroom"})
    for url, title, content in PAGES:
        page, _ = FlatPage.objects.get_or_create(url=url, defaults={"title": title, "content": content})
        page.sites.add(site)


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_legal_pages")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
