"""Makes the renditions that are missing: after migrating old pictures, restoring a backup or adding a slot."""

from django.core.management.base import BaseCommand

from articles.models import Author
from images.models import Image
from images.renditions import generate_renditions


class Command(BaseCommand):
    help = "Generate missing renditions of every library picture and author photo (existing ones are kept)."

    def handle(self, *args, **options):
        pictures = 0
        for image in Image.objects.exclude(width=None).iterator():
            generate_renditions(image.file, image.size, image.focal_point)
            pictures += 1
        for author in Author.objects.exclude(photo="").exclude(photo_width=None).iterator():
            generate_renditions(author.photo, (author.photo_width, author.photo_height), slots=("portrait",))
            pictures += 1
        self.stdout.write(f"Renditions complete for {pictures} pictures.")
