import io
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from articles.demo.articles import ARTICLES
from articles.demo.authors import AUTHORS, STAFF_USERS
from articles.models import Article, Author, Byline, Category



class Command(BaseCommand):
    help = "Load German demo content (authors, articles, images, staff logins). Safe to run repeatedly."

    @transaction.atomic
    def handle(self, *args, **options):
        authors = {data["slug"]: self.author(data) for data in AUTHORS}
        categories = {category.slug: category for category in Category.objects.all()}
        created = sum(self.article(data, authors, categories) for data in ARTICLES)
        self.stdout.write(f"Demo content: {created} new articles, {Article.objects.count()} in total.")
        if settings.DEBUG:
            self.staff_users(authors)
        else:
            self.stdout.write("DEBUG is off: no demo logins were created.")

    def author(self, data):
        fields = {key: value for key, value in data.items() if key not in {"slug", "color"}}
        author, created = Author.objects.get_or_create(slug=data["slug"], defaults=fields)
        if not author.photo:
            initials = "".join(part[0] for part in author.name.split()[:2])
            author.photo.save(f"{author.slug}.png", picture((400, 400), data["color"], initials, 140), save=True)
        return author

    def article(self, data, authors, categories):
        if Article.objects.filter(slug=data["slug"]).exists():
            return False
        hours_ago = data["hours_ago"]
        article = Article(
            slug=data["slug"],
            kicker=data["kicker"],
            title=data["title"],
            teaser=data["teaser"],
            body="".join(f"<p>{paragraph}</p>" for paragraph in data["paragraphs"]),
            primary_category=categories[data["categories"][0]],
            status=Article.Status.DRAFT if hours_ago is None else Article.Status.PUBLISHED,
            published_at=None if hours_ago is None else timezone.now() - timedelta(hours=hours_ago),
            hero_image_alt=data["caption"],
            hero_image_caption=data["caption"],
            hero_image_credit=data["credit"],
        )
        if data["caption"]:
            image = picture((1200, 675), data["color"], data["kicker"], 72)
            article.hero_image.save(f"{data['slug'][:60]}.png", image, save=False)
        article.save()
        article.categories.set(categories[slug] for slug in data["categories"])
        article.tags.set(data["tags"])
        for position, slug in enumerate(data["authors"]):
            Byline.objects.create(article=article, author=authors[slug], position=position)
        return True

    def staff_users(self, authors):
        User = get_user_model()
        self.stdout.write("Demo logins for the admin at /admin/ (local use only):")
        for data in STAFF_USERS:
            user, created = User.objects.get_or_create(
                username=data["username"],
                defaults={"first_name": data["first_name"], "last_name": data["last_name"], "is_staff": True},
            )
            if created:
                user.set_password(data["password"])
                user.save()
                user.groups.set([Group.objects.get(name=data["role"])])
            author = authors[data["author"]]
            if author.user_id is None:
                author.user = user
                author.save(update_fields=["user"])
            self.stdout.write(f"  {data['role']:<15} {data['username']} / {data['password']}")


def picture(size, color, text, font_size):
    """A PNG with a colour gradient and a caption, standing in for a photo."""
    width, height = size
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        shade = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(c + (255 - c) * shade * 0.35) for c in color))
    try:  # Pillow's built-in font has no umlauts; DejaVu does where it is installed.
        font = ImageFont.truetype("DejaVuSans.ttf", font_size)
    except OSError:
        font = ImageFont.load_default(size=font_size)
    draw.text((width / 2, height / 2), text, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return ContentFile(buffer.getvalue())
