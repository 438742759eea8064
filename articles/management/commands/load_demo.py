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
from banners.demo import load_banners
from editorial.models import Transition
from subscriptions.demo import load_licence, load_plans, load_readers



class Command(BaseCommand):
    help = "Load German demo content (authors, articles, images, staff logins). Safe to run repeatedly."

    @transaction.atomic
    def handle(self, *args, **options):
        authors = {data["slug"]: self.author(data) for data in AUTHORS}
        users = self.staff_users(authors) if settings.DEBUG else {}
        categories = {category.slug: category for category in Category.objects.all()}
        created = sum(self.article(data, authors, categories, users) for data in ARTICLES)
        load_plans()
        load_licence()
        load_banners()
        self.stdout.write(f"Demo content: {created} new articles, {Article.objects.count()} in total.")
        if settings.DEBUG:
            self.stdout.write("Demo reader logins for the site at /konto/anmelden/ (local use only):")
            for role, login, password in load_readers():
                self.stdout.write(f"  {role:<15} {login} / {password}")
        else:
            self.stdout.write("DEBUG is off: no demo logins were created.")

    def author(self, data):
        fields = {key: value for key, value in data.items() if key not in {"slug", "color"}}
        author, created = Author.objects.get_or_create(slug=data["slug"], defaults=fields)
        if not author.photo:
            initials = "".join(part[0] for part in author.name.split()[:2])
            author.photo.save(f"{author.slug}.png", picture((400, 400), data["color"], initials, 140), save=True)
        return author

    def article(self, data, authors, categories, users):
        if Article.objects.filter(slug=data["slug"]).exists():
            return False
        hours_ago = data["hours_ago"]
        reporter, editor = users.get("autorin"), users.get("redakteur")
        article = Article(
            created_by=reporter if "jonas-becker" in data["authors"] else editor,
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
            access=data.get("access", ""),
        )
        if data["caption"]:
            image = picture((1200, 675), data["color"], data["kicker"], 72)
            article.hero_image.save(f"{data['slug'][:60]}.png", image, save=False)
        article.save()
        article.categories.set(categories[slug] for slug in data["categories"])
        article.tags.set(data["tags"])
        for position, slug in enumerate(data["authors"]):
            Byline.objects.create(article=article, author=authors[slug], position=position)
        self.workflow_history(article, data, reporter, editor)
        return True

    def workflow_history(self, article, data, reporter, editor):
        """Put demo articles into the states the desk works with, with their log."""
        Action, Status = Transition.Action, Article.Status
        steps = {
            "review": [(Action.SUBMIT, Status.DRAFT, Status.IN_REVIEW, reporter, "")],
            "returned": [
                (Action.SUBMIT, Status.DRAFT, Status.IN_REVIEW, reporter, ""),
                (Action.RETURN, Status.IN_REVIEW, Status.RETURNED, editor, data.get("comment", "")),
            ],
            "scheduled": [(Action.SCHEDULE, Status.DRAFT, Status.PUBLISHED, editor, "")],
        }.get(data.get("state"), [])
        for action, from_status, to_status, by, comment in steps:
            Transition.objects.create(
                article=article, action=action, from_status=from_status, to_status=to_status, by=by, comment=comment
            )
        if steps:
            Article.objects.filter(pk=article.pk).update(status=steps[-1][2])

    def staff_users(self, authors):
        """Create the local demo logins, one per role; returns them by username."""
        User = get_user_model()
        users = {}
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
            users[data["username"]] = user
            self.stdout.write(f"  {data['role']:<15} {data['username']} / {data['password']}")
        return users


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
