"""Hero images that articles had before the media library become library pictures, with their texts."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import png_file

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("articles", "0012_sanitized_images")]


def migrate(targets=None):
    """Migrate to ``targets`` (all the way by default) and return the models as they are there."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_hero_images_move_into_the_library(kurzmeldungen):
    old = migrate(BEFORE)
    try:
        Article, Category = old.get_model("articles", "Article"), old.get_model("articles", "Category")
        category = Category.objects.get(pk=kurzmeldungen.pk)
        with_image = Article(title="Mit Bild", slug="mit-bild", teaser="T", primary_category=category,
                             hero_image_alt="Ein Serverraum", hero_image_caption="Im Keller", hero_image_credit="Foto: Anna")
        with_image.hero_image.save("alt.png", png_file(size=(640, 360)), save=False)
        with_image.save()
        lost = Article(title="Datei fehlt", slug="datei-fehlt", teaser="T", primary_category=category, hero_image="articles/weg.png")
        lost.save()
        Article(title="Ohne Bild", slug="ohne-bild", teaser="T", primary_category=category).save()
    finally:
        new = migrate()
    Article, Image = new.get_model("articles", "Article"), new.get_model("images", "Image")
    moved = Article.objects.get(slug="mit-bild").image
    assert (moved.alt_text, moved.caption, moved.credit, moved.width, moved.height) == (
        "Ein Serverraum", "Im Keller", "Foto: Anna", 640, 360
    )
    assert moved.file.name.startswith("articles/") and moved.file.storage.exists(moved.file.name)
    assert Article.objects.get(slug="datei-fehlt").image is None
    assert Article.objects.get(slug="ohne-bild").image is None
    assert Image.objects.count() == 1
