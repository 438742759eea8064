"""The workflow log becomes the one revision model: each step keeps the whole article.

Existing steps keep their place in the log; the newest one of each article
gets the article's content as it stands, and proposed corrections kept in
the article's shadow columns become open proposals.
"""

from datetime import UTC

from django.db import migrations

TEXT_FIELDS = ["kicker", "title", "slug", "teaser", "body", "seo_title", "seo_description", "vgwort_pixel_url"]


def time_value(value):
    return value.astimezone(UTC).replace(microsecond=0).isoformat() if value else None


def snapshot(article, tags, authors):
    content = {name: getattr(article, name) for name in TEXT_FIELDS}
    content.update({
        "status": article.status, "access": article.access, "preview_paragraphs": article.preview_paragraphs,
        "image": article.image_id, "primary_category": article.primary_category_id,
        "published_at": time_value(article.published_at), "expires_at": time_value(article.expires_at),
        "categories": sorted(category.pk for category in article.categories.all()),
        "tags": sorted(tags.get(article.pk, [])), "authors": authors.get(article.pk, []),
    })
    return content


def forwards(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    TaggedArticle = apps.get_model("articles", "TaggedArticle")
    Byline = apps.get_model("articles", "Byline")
    Revision = apps.get_model("editorial", "Revision")
    articles = Article.objects.order_by("pk").prefetch_related("categories")
    last = 0
    while batch := list(articles.filter(pk__gt=last)[:1000]):
        last = batch[-1].pk
        ids = [article.pk for article in batch]
        tags, authors = {}, {}
        for article_id, name in TaggedArticle.objects.filter(content_object_id__in=ids).values_list("content_object_id", "tag__name"):
            tags.setdefault(article_id, []).append(name)
        for article_id, author_id in Byline.objects.filter(article_id__in=ids).order_by("position", "pk").values_list("article_id", "author_id"):
            authors.setdefault(article_id, []).append(author_id)
        newest = {}
        for revision in Revision.objects.filter(article_id__in=ids).exclude(action="propose").order_by("pk"):
            newest[revision.article_id] = revision
        for article in batch:
            content = snapshot(article, tags, authors)
            live = newest.get(article.pk)
            if live is None:
                live = Revision.objects.create(
                    article=article, action="edit", from_status=article.status, to_status=article.status,
                    at=article.updated_at, comment="", content=content,
                )
            else:
                live.content = content
                live.save(update_fields=["content"])
            if article.pending_changes is not None:
                Revision.objects.create(
                    article=article, action="propose", from_status=article.status, to_status=article.status,
                    by_id=article.pending_by_id, at=article.pending_at or article.updated_at,
                    content={**content, **article.pending_changes, "corrected_fields": sorted(article.pending_changes)},
                    based_on=live, outcome="open",
                )


def drop_transition_permissions(apps, schema_editor):
    """The renamed model keeps its content type, but its permissions are named anew (view_revision)."""
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="editorial", codename__endswith="_transition").delete()


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('editorial', '0007_revisions'),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(drop_transition_permissions, migrations.RunPython.noop, elidable=True),
    ]
