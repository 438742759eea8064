from django.db import migrations

from articles.tags import unique_slug


def transliterate(apps, schema_editor):
    """"künstliche-intelligenz" becomes "kuenstliche-intelligenz"; the old address redirects (website.views.TagView)."""
    Tag = apps.get_model("taggit", "Tag")
    taken = set(Tag.objects.values_list("slug", flat=True))
    for tag in Tag.objects.order_by("pk"):
        if tag.slug.isascii():
            continue
        tag.slug = unique_slug(tag.name, taken.__contains__)
        taken.add(tag.slug)
        tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_corrections_and_advertisements"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(transliterate, migrations.RunPython.noop)]
