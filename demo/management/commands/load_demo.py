from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html

from articles.models import Article, Author, Byline, Category
from demo.articles import ARTICLES
from demo.authors import AUTHORS, STAFF_USERS
from demo.banners import load_banners
from demo.legal_pages import load_legal_pages
from demo.pictures import photo, picture
from demo.subscriptions import load_licence, load_plans, load_readers
from editorial import actions
from images.models import Image


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
        load_legal_pages()
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
            body=self.body(data, editor),
            primary_category=categories[data["categories"][0]],
            image=self.hero_image(data, editor),
            access=data.get("access", ""),
            is_sponsored=data.get("is_sponsored", False),
            sponsor=data.get("sponsor", ""),
        )

        def relate():
            article.categories.set(categories[slug] for slug in data["categories"])
            article.tags.set(data["tags"])
            for position, slug in enumerate(data["authors"]):
                Byline.objects.create(article=article, author=authors[slug], position=position)

        actions.edit(article, {}, by=reporter if "jonas-becker" in data["authors"] else editor, save_relations=relate)
        state, hours_ago = data.get("state"), data["hours_ago"]
        if state in {"review", "returned"}:
            actions.submit(article, by=reporter)
        if state == "returned":
            actions.return_for_changes(article, by=editor, comment=data.get("comment", ""))
        if hours_ago is not None:
            actions.publish(article, by=editor, at=timezone.now() - timedelta(hours=hours_ago))
        for correction in data.get("corrections", []):
            actions.propose_changes(article, correction, by=reporter)
        for note in data.get("correction_notes", []):
            actions.publish_correction(article, note, by=editor)
        return True

    def hero_image(self, data, uploader):
        if reused := data.get("image_from"):
            return Article.objects.get(slug=reused).image
        if not data["caption"]:
            return None
        return self.library_image(
            f"{data['slug'][:60]}.jpg", data["color"], data.get("focal", (0.5, 0.45)), data["kicker"], uploader,
            alt_text=data["caption"], caption=data["caption"], credit=data["credit"],
        )

    def library_image(self, name, color, focal, label, uploader, **texts):
        """A photo-like picture in the media library, with its credit, rights and focal point."""
        image = Image(
            focal_x=focal[0], focal_y=focal[1], source="Newsroom", licence="Eigenes Bild", uploaded_by=uploader, **texts
        )
        image.file.save(name, photo((1920, 1280), color, focal, label), save=False)
        image.save()
        return image

    def body(self, data, uploader):
        """The paragraphs, with a picture or embeds from the media library after the paragraph the data names."""
        blocks = [f"<p>{paragraph}</p>" for paragraph in data["paragraphs"]]
        if figure := data.get("figure"):
            image = self.library_image(
                f"{data['slug'][:50]}-figur.jpg", figure["color"], figure["focal"], figure["label"], uploader,
                alt_text=figure["alt"], caption=figure["caption"], credit=figure["credit"],
            )
            blocks.insert(figure["after"], format_html(
                '<figure class="figure"><img src="{}" alt="{}" data-file="{}"><figcaption>{}</figcaption></figure>',
                image.file.url, image.alt_text, image.pk, image.caption,
            ))
        if embeds := data.get("embeds"):
            blocks[embeds["after"]:embeds["after"]] = [
                format_html('<div class="embed" data-embed="{}" data-url="{}" data-title="{}"></div>', provider, url, title)
                for provider, url, title in embeds["items"]
            ]
        return "".join(blocks)

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
