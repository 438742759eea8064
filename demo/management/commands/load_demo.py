from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Author, Byline, Category
from demo.articles import ARTICLES
from demo.authors import AUTHORS, STAFF_USERS
from demo.banners import load_banners
from demo.pictures import picture
from demo.subscriptions import load_licence, load_plans, load_readers
from editorial import actions


class Command(BaseCommand):
    help = "Load German demo content (authors, articles, images, staff logins). Safe to run repeatedly."

    @transaction.atomic
    def handle(self, *args, **options):
        authors = {data["slug"]: self.author(data) for data in AUTHORS}
        users = self.staff_users(authors)
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
        """Write a demo article the way the desk does: created by its reporter, then through the workflow."""
        if Article.objects.filter(slug=data["slug"]).exists():
            return False
        reporter, editor = users["autorin"], users["redakteur"]
        article = Article(
            slug=data["slug"],
            kicker=data["kicker"],
            title=data["title"],
            teaser=data["teaser"],
            body="".join(f"<p>{paragraph}</p>" for paragraph in data["paragraphs"]),
            primary_category=categories[data["categories"][0]],
            hero_image_alt=data["caption"],
            hero_image_caption=data["caption"],
            hero_image_credit=data["credit"],
            access=data.get("access", ""),
        )
        if data["caption"]:
            image = picture((1200, 675), data["color"], data["kicker"], 72)
            article.hero_image.save(f"{data['slug'][:60]}.png", image, save=False)
        actions.edit(article, {}, by=reporter if "jonas-becker" in data["authors"] else editor)
        article.categories.set(categories[slug] for slug in data["categories"])
        article.tags.set(data["tags"])
        for position, slug in enumerate(data["authors"]):
            Byline.objects.create(article=article, author=authors[slug], position=position)
        state, hours_ago = data.get("state"), data["hours_ago"]
        if state in {"review", "returned"}:
            actions.submit(article, by=reporter)
        if state == "returned":
            actions.return_for_changes(article, by=editor, comment=data.get("comment", ""))
        if hours_ago is not None:
            actions.publish(article, by=editor, at=timezone.now() - timedelta(hours=hours_ago))
        return True

    def staff_users(self, authors):
        """One staff account per role, who write the demo articles; returns them by username.

        With DEBUG on they are demo logins with the passwords printed here;
        otherwise they have no usable password, so nobody can log in with them.
        """
        User = get_user_model()
        users = {}
        if settings.DEBUG:
            self.stdout.write("Demo logins for the admin at /admin/ (local use only):")
        for data in STAFF_USERS:
            user, created = User.objects.get_or_create(
                username=data["username"],
                defaults={"first_name": data["first_name"], "last_name": data["last_name"], "is_staff": True},
            )
            if created:
                user.set_password(data["password"] if settings.DEBUG else None)
                user.save()
                user.groups.set([Group.objects.get(name=data["role"])])
            author = authors[data["author"]]
            if author.user_id is None:
                author.user = user
                author.save(update_fields=["user"])
            users[data["username"]] = user
            if settings.DEBUG:
                self.stdout.write(f"  {data['role']:<15} {data['username']} / {data['password']}")
        return users
