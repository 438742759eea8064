"""Search indexes only what every reader may read: the body of free articles, the public preview of gated ones.

``public_text`` is filled by ``Article.fill_derived_fields``; the trigger of
migration 0005 now weights it instead of the whole body.
"""

from django.db import migrations, models

from articles.text import html_preview, plain_text

VECTOR = """
    setweight(to_tsvector('german', coalesce({row}title, '')), 'A') ||
    setweight(to_tsvector('german', coalesce({row}kicker, '')), 'B') ||
    setweight(to_tsvector('german', coalesce({row}teaser, '')), 'B') ||
    setweight(to_tsvector('german', coalesce({row}public_text, '')), 'C')
"""
OLD_VECTOR = VECTOR.replace("public_text", "body")
TRIGGER = """
CREATE OR REPLACE FUNCTION articles_article_search_document() RETURNS trigger AS $$
BEGIN
    NEW.search_document := {vector};
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS articles_article_search_document ON articles_article;
CREATE TRIGGER articles_article_search_document
    BEFORE INSERT OR UPDATE OF title, kicker, teaser, {column} ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_document();
UPDATE articles_article SET search_document = {table_vector};
"""


def fill_public_text(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    batch = []
    for article in Article.objects.select_related("primary_category").iterator(chunk_size=2000):
        gated = (article.access or article.primary_category.default_access) != "free"
        article.public_text = plain_text(html_preview(article.body, article.preview_paragraphs) if gated else article.body)
        batch.append(article)
        if len(batch) == 2000:
            Article.objects.bulk_update(batch, ["public_text"])
            batch = []
    Article.objects.bulk_update(batch, ["public_text"])


def index_public_text(apps, schema_editor):
    schema_editor.execute(TRIGGER.format(vector=VECTOR.format(row="NEW."), column="public_text", table_vector=VECTOR.format(row="")))


def index_body(apps, schema_editor):
    schema_editor.execute(TRIGGER.format(vector=OLD_VECTOR.format(row="NEW."), column="body", table_vector=OLD_VECTOR.format(row="")))


class Migration(migrations.Migration):
    dependencies = [("articles", "0010_vgwort_hosts")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="public_text",
            field=models.TextField(blank=True, default="", editable=False, verbose_name="public text"),
        ),
        migrations.RunPython(fill_public_text, migrations.RunPython.noop),
        migrations.RunPython(index_public_text, index_body),
    ]
