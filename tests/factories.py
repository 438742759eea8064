"""factory-boy factories for the whole suite."""

import io
from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from articles.models import Article, Author, Byline, Category
from images.models import Image as LibraryImage


def png_file(name="bild.png", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=name)


class ImageFactory(factory.django.DjangoModelFactory):
    """A picture of the media library (1600×900), with texts and a credit."""

    class Meta:
        model = LibraryImage

    file = factory.django.ImageField(filename="rechenzentrum.jpg", width=1600, height=900, color="steelblue", format="JPEG")
    alt_text = "Serverschränke in einem Rechenzentrum"
    caption = "Ein Rechenzentrum"
    credit = "Anna Schmidt / Newsroom"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct-horse-battery")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Rubrik {n}")
    slug = factory.Sequence(lambda n: f"rubrik-{n}")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Faker("name", locale="de_DE")
    slug = factory.Sequence(lambda n: f"autor-{n}")
    job_title = "Redakteurin"
    bio = "Schreibt über Gesundheitspolitik."


class ArticleFactory(factory.django.DjangoModelFactory):
    """A live article by default; pass ``status`` or ``published_at`` for others."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    kicker = "KI-Infrastruktur"
    title = factory.Sequence(lambda n: f"Meldung Nummer {n}")
    teaser = "Ein kurzer Teaser, der neugierig macht."
    body = "<p>Erster Absatz des Artikels.</p><p>Zweiter Absatz mit mehr Details.</p>"
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    primary_category = factory.SubFactory(CategoryFactory)

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create:
            self.categories.set([self.primary_category, *(extracted or [])])

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if not create:
            return
        for position, author in enumerate(extracted if extracted is not None else [AuthorFactory()]):
            Byline.objects.create(article=self, author=author, position=position)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class BylineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Byline

    article = factory.SubFactory(ArticleFactory)
    author = factory.SubFactory(AuthorFactory)
