"""No English on the admin pages a journalist uses: each role walks its pages in German.

The walk reads what a person sees or hears from a screen reader: text, the title,
placeholder, aria-label and alt attributes, and the labels of input buttons; not
<script> and <style>, nor what the admin hides with its ``hidden`` class. It looks for
words that give English away. The rich-text editor builds its toolbar and dialogs in
the browser: tests/browser/test_editor_german.py reads those.
"""

import json
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from lxml import etree, html

from articles.models import Article
from banners.models import Banner
from editorial import actions
from tests.conftest import log_in, staff_with_role
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, ImageFactory, UserFactory

pytestmark = pytest.mark.django_db

# English UI words, matched as whole words with their case. Words that are German as well
# ("Status", "Filter", "Link", "Tags", "Name", "Position", "Start", "Optional", "Version") are left out.
ENGLISH_WORDS = [
    "Save", "Delete", "Add", "Change", "Edit", "Update", "Remove", "Create", "Insert", "Search", "Choose", "Select",
    "Selected", "selected", "Merge", "Upload", "Browse", "Show", "Hide", "View", "Preview", "Submit", "Cancel",
    "Close", "Back", "Next", "Previous", "Reset", "Clear", "Apply", "Go", "Yes", "No", "None", "Unknown",
    "Enabled", "Disabled", "Title", "History", "Home", "Log out", "Logout", "Flat", "Page", "Pages", "Author",
    "Authors", "Published", "Draft", "Scheduled", "tags", "Image", "Images", "Caption", "Category", "Categories",
    "Description", "Date", "Time", "Today", "Now", "Password", "Username", "Email", "Permissions", "Groups",
    "Required", "Settings", "Notifications", "Comment", "Action", "Actions", "Versions", "Revision", "Correction",
    "Corrections", "Review", "Raw", "Can", "historical", "opened", "editing", "session",
    # Words of English sentences (help texts) that German does not use.
    "the", "The", "and", "of", "to", "is", "are", "be", "by", "for", "from", "with", "you", "your", "this",
    "This", "that", "not", "or", "after", "before", "only", "may", "must", "have", "has", "been", "there",
    "which", "when", "what", "who", "way", "user", "users", "article", "articles", "here",
]
ENGLISH = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(word) for word in ENGLISH_WORDS) + r")(?![\w-])")
SEEN_ATTRIBUTES = ["title", "placeholder", "aria-label", "alt"]
UNSEEN = "//script | //style | //template | //*[@hidden] | //*[contains(concat(' ', normalize-space(@class), ' '), ' hidden ')]"

# django-axes names its log entries in English without gettext ("Access Log for … @ …"), in its
# lists and pages, which only the editor-in-chief opens.
UNTRANSLATABLE = re.compile(r"Access Log for .*@ [\d-]+ [\d:.+]+|Failed access: .*")


def seen_texts(page):
    """What a person sees of a page, one string per text node or attribute."""
    document = html.fromstring(page)
    for element in document.xpath(UNSEEN):
        element.drop_tree()
    texts = list(document.xpath("//text()"))
    for element in document.iter(tag=etree.Element):
        texts += [element.get(name) for name in SEEN_ATTRIBUTES if element.get(name)]
    texts += document.xpath("//input[@type='submit' or @type='button' or @type='reset']/@value")
    return [" ".join(text.split()) for text in texts if text.strip()]


def english_on(page, content=()):
    """(word, text) for each tell-tale English word on the page, outside the test's own content."""
    found = []
    for text in seen_texts(page):
        for own in content:
            text = text.replace(own, "")
        text = UNTRANSLATABLE.sub("", text)
        found += [(match.group(), text) for match in ENGLISH.finditer(text)]
    return found


def german_client(username):
    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    assert log_in(client, username, "correct-horse-battery")
    return client


def maybe_reverse(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # a page this version of the admin does not have
        return None


def admin_links(page):
    """The lists and add pages the index offers, and the first entry of a list."""
    document = html.fromstring(page)
    hrefs = document.xpath("//div[@id='content-main']//a/@href | //table[@id='result_list']//tbody/tr[1]//a/@href")
    return {href for href in hrefs if href.startswith("/admin/") and "/jsi18n/" not in href}


@pytest.fixture
def newsroom_content(kurzmeldungen, magazin, plan):
    """Something in every list a role may open, all of it in German."""
    colleague = staff_with_role("kollegin", "Autor/in")
    AuthorFactory(name="Klara Kollegin", slug="klara-kollegin", user=colleague)
    CategoryFactory(name="Gesundheit", slug="gesundheit")
    ImageFactory()
    ArticleFactory(title="Kliniken bekommen mehr Geld", primary_category=kurzmeldungen, tags=["Pflege"])
    submitted = ArticleFactory(
        title="Pflegekräfte fehlen überall", status=Article.Status.DRAFT, published_at=None, created_by=colleague,
        authors=[colleague.author_profile], primary_category=kurzmeldungen,
    )
    actions.submit(submitted, by=colleague)
    Banner.objects.create(
        title="Weiterbildung Pflege", target_url="https://example.org/kurse", starts_at=timezone.now() - timedelta(days=1)
    )
    return [
        "Klara Kollegin", "Gesundheit", "Kliniken bekommen mehr Geld", "Pflegekräfte fehlen überall",
        "Weiterbildung Pflege", "Digital-Abo",
    ]


ROLES = {"Autor/in": "autorin", "Redakteur/in": "redakteur", "Chefredaktion": "chefin"}


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_of_a_role_is_german(role, newsroom_content, kurzmeldungen):
    user = staff_with_role(ROLES[role], role)
    author = AuthorFactory(name="Anna Autorin", slug="anna-autorin", user=user)
    draft = ArticleFactory(
        title="Ein Entwurf über Kliniken", status=Article.Status.DRAFT, published_at=None, created_by=user,
        authors=[author], primary_category=kurzmeldungen,
    )
    content = [*newsroom_content, "Anna Autorin", "Ein Entwurf über Kliniken", ROLES[role]]
    client = german_client(ROLES[role])

    articles = reverse("admin:articles_article_changelist")
    pages = {
        reverse("admin:index"),
        articles,
        f"{articles}?state=draft",
        f"{articles}?mine=1",
        f"{articles}?state=review&q=Kliniken",
        reverse("admin:articles_article_add"),
        reverse("admin:articles_article_change", args=[draft.pk]),
        reverse("admin:password_change"),
        reverse("editorial:desk_settings"),
        # The pictures, as the article form's magnifier and the body editor's picker open them.
        f"{reverse('admin:images_image_changelist')}?_to_field=id&_popup=1",
        reverse("admin:images_image_picker"),
    }
    if user.has_perm("subscriptions.add_subscription"):
        pages.add(reverse("admin:subscriptions_subscription_import"))
    # The article's history, under whichever name this version of the admin gives it.
    for name in ("versions", "revisions", "corrections"):
        if url := maybe_reverse(f"admin:articles_article_{name}", draft.pk):
            pages.add(url)
    index = client.get(reverse("admin:index"))
    pages |= admin_links(index.content.decode())
    lists = {url for url in pages if url.endswith("/") and url.count("/") == 4}  # /admin/<app>/<model>/
    for url in lists:
        pages |= admin_links(client.get(url, follow=True).content.decode())  # a single-record list leads to its record

    english = []
    for url in sorted(pages):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        english += [f"{url}: {word!r} in {text!r}" for word, text in english_on(response.content.decode(), content)]
    assert not english, "\n".join(english)


def test_staff_accounts_name_permissions_in_german(chief):
    colleague = staff_with_role("kollegin", "Autor/in")
    colleague.user_permissions.set(Permission.objects.filter(codename__in=["add_category", "publish_article"]))
    change = reverse("admin:auth_user_change", args=[colleague.pk])

    shown = german_client("chefin").get(change).content.decode()  # the editor-in-chief sees them, read-only
    assert "Artikel | Rubrik | hinzufügen" in shown
    assert english_on(shown, ["kollegin"]) == []

    UserFactory(username="admin", is_staff=True, is_superuser=True)
    choices = html.fromstring(german_client("admin").get(change).content.decode()).xpath("//select[@name='user_permissions']/option/text()")
    assert "Artikel | Rubrik | hinzufügen" in choices
    assert [text for text in choices if ENGLISH.search(text)] == []


def test_the_admin_scripts_get_the_editors_german(reporter):
    """The catalogue every admin form loads first has the rich-text editor's texts: ours and the library's."""
    catalogue = german_client("autorin").get(reverse("admin:jsi18n")).content.decode()
    ours_and_the_librarys = [
        ("bold", "Fett"), ("Browse...", "Aus der Mediathek …"), ("Edit Link", "Link bearbeiten"), ("Start at", "Starten mit"),
    ]
    for msgid, german in ours_and_the_librarys:
        assert f"{json.dumps(msgid)}: {json.dumps(german)}" in catalogue  # as the view writes them
    assert '"Today": "Heute"' in catalogue  # the admin's own calendar


def test_the_walk_finds_english():
    page = '<html><head><title>Artikel | Newsroom</title></head><body><p>Kein Titel</p><button title="Save">Sichern</button>'
    assert english_on(page + "</body></html>") == [("Save", "Save")]
    assert english_on('<p class="hidden">Opened version</p><script>gettext("Update")</script>') == []
    assert english_on('<input type="submit" value="Update">') == [("Update", "Update")]
