"""Hero images move into the media library: each becomes an Image that the article points at."""

import django.db.models.deletion
import images.fields
import images.validators
from django.db import migrations, models


def image_size(storage, name):
    from PIL import Image as Picture

    try:
        with storage.open(name) as file, Picture.open(file) as picture:
            return picture.size
    except (OSError, ValueError):
        return None


def hero_images_into_library(apps, schema_editor):
    """Every readable hero image becomes a library picture with its texts; unreadable files are dropped."""
    Article = apps.get_model("articles", "Article")
    Author = apps.get_model("articles", "Author")
    Image = apps.get_model("images", "Image")
    for article in Article.objects.exclude(hero_image="").only("hero_image", "hero_image_alt", "hero_image_caption", "hero_image_credit"):
        size = image_size(article.hero_image.storage, article.hero_image.name)
        if size is None:
            continue
        image = Image.objects.create(
            file=article.hero_image.name, width=size[0], height=size[1], alt_text=article.hero_image_alt,
            caption=article.hero_image_caption, credit=article.hero_image_credit,
        )
        Article.objects.filter(pk=article.pk).update(image=image)
    for author in Author.objects.exclude(photo=""):
        size = image_size(author.photo.storage, author.photo.name)
        if size is not None:
            Author.objects.filter(pk=author.pk).update(photo_width=size[0], photo_height=size[1])


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0012_sanitized_images'),
        ('images', '0001_media_library'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='image',
            field=models.ForeignKey(blank=True, help_text='Choose a picture from the media library with the magnifier, or upload one with the plus sign; its alternative text, caption and credit come with it.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='hero_of', to='images.image', verbose_name='image'),
        ),
        migrations.AddField(
            model_name='author',
            name='photo_height',
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='author',
            name='photo_width',
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='image',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='Choose a picture from the media library with the magnifier, or upload one with the plus sign; its alternative text, caption and credit come with it.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='images.image', verbose_name='image'),
        ),
        migrations.AlterField(
            model_name='author',
            name='photo',
            field=images.fields.SanitizedImageField(blank=True, height_field='photo_height', upload_to='authors/', validators=[images.validators.validate_image_size], verbose_name='photo', width_field='photo_width'),
        ),
        migrations.RunPython(hero_images_into_library, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='article',
            name='hero_image',
        ),
        migrations.RemoveField(
            model_name='article',
            name='hero_image_alt',
        ),
        migrations.RemoveField(
            model_name='article',
            name='hero_image_caption',
        ),
        migrations.RemoveField(
            model_name='article',
            name='hero_image_credit',
        ),
        migrations.RemoveField(
            model_name='historicalarticle',
            name='hero_image',
        ),
        migrations.RemoveField(
            model_name='historicalarticle',
            name='hero_image_alt',
        ),
        migrations.RemoveField(
            model_name='historicalarticle',
            name='hero_image_caption',
        ),
        migrations.RemoveField(
            model_name='historicalarticle',
            name='hero_image_credit',
        ),
    ]
