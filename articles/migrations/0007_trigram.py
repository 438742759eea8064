"""pg_trgm for typo-tolerant title search, with a trigram index on titles."""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

INDEX = GinIndex(fields=["title"], opclasses=["gin_trgm_ops"], name="article_title_trgm_idx")


def create(apps, schema_editor):
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.add_index(apps.get_model("articles", "Article"), INDEX)


def drop(apps, schema_editor):
    schema_editor.remove_index(apps.get_model("articles", "Article"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_vg_wort")]

    operations = [migrations.RunPython(create, drop)]
