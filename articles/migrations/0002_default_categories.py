from django.db import migrations

DEFAULT_CATEGORIES = [
    ("Kurzmeldungen", "kurzmeldungen", "Kurz und bündig: die Nachrichten des Tages.", 10),
    ("Magazin", "magazin", "Hintergründe, Analysen und Reportagen.", 20),
]


def create_default_categories(apps, schema_editor):
    Category = apps.get_model("articles", "Category")
    for name, slug, description, position in DEFAULT_CATEGORIES:
        Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(create_default_categories, migrations.RunPython.noop)]
