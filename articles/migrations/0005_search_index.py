"""A stored, weighted German search vector with a GIN index.

A trigger keeps it current on every insert and update, whichever way the
row is written (ORM, bulk operations, SQL).
"""

import django.contrib.postgres.search
from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

VECTOR = """
    setweight(to_tsvector('german', coalesce({row}title, '')), 'A') ||
    setweight(to_tsvector('german', coalesce({row}kicker, '')), 'B') ||
    setweight(to_tsvector('german', coalesce({row}teaser, '')), 'B') ||
    setweight(to_tsvector('german', coalesce({row}body, '')), 'C')
"""

CREATE = f"""
CREATE FUNCTION articles_article_search_document() RETURNS trigger AS $$
BEGIN
    NEW.search_document := {VECTOR.format(row="NEW.")};
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER articles_article_search_document
    BEFORE INSERT OR UPDATE OF title, kicker, teaser, body ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_document();
UPDATE articles_article SET search_document = {VECTOR.format(row="")};
"""

DROP = """
DROP TRIGGER IF EXISTS articles_article_search_document ON articles_article;
DROP FUNCTION IF EXISTS articles_article_search_document();
"""


def create_trigger(apps, schema_editor):
    schema_editor.execute(CREATE)
    schema_editor.add_index(apps.get_model("articles", "Article"), GinIndex(fields=["search_document"], name="article_search_idx"))


def drop_trigger(apps, schema_editor):
    schema_editor.execute(DROP)
    schema_editor.execute("DROP INDEX IF EXISTS article_search_idx")


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_access_levels")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_trigger, drop_trigger),
    ]
