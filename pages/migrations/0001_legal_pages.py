"""Create the Impressum and Datenschutz pages every German site must have.

Staff fill in the real text in the admin under "Flat pages".
"""

from django.conf import settings
from django.db import migrations

LEGAL_PAGES = [
    (
        "/impressum/",
        "Impressum",
        "<p>Angaben gemäß § 5 DDG. Bitte tragen Sie hier Verlag, Anschrift, "
        "Vertretungsberechtigte, Kontakt und Registereintrag ein.</p>",
    ),
    (
        "/datenschutz/",
        "Datenschutzerklärung",
        "<p>Hier steht die Datenschutzerklärung des Verlags. Diese Website setzt keine "
        "Tracking-Skripte und keine Inhalte fremder Server ein.</p>",
    ),
]


def create_legal_pages(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    FlatPage = apps.get_model("flatpages", "FlatPage")
    site, _ = Site.objects.get_or_create(pk=settings.SITE_ID, defaults={"domain": "localhost", "name": "Newsroom"})
    for url, title, content in LEGAL_PAGES:
        page, _ = FlatPage.objects.get_or_create(url=url, defaults={"title": title, "content": content})
        page.sites.add(site)


class Migration(migrations.Migration):
    dependencies = [
        ("flatpages", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(create_legal_pages, migrations.RunPython.noop)]
