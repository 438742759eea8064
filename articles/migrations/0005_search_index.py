"""A GIN index on the weighted German search vector (PostgreSQL only)."""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from articles.search import search_vector

INDEX_NAME = "article_search_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("articles", "Article"), GinIndex(search_vector(), name=INDEX_NAME))


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("articles", "Article"), GinIndex(search_vector(), name=INDEX_NAME))


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_access_levels")]

    operations = [migrations.RunPython(create_index, drop_index)]
