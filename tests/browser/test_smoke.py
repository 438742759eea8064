"""A reader and a journalist in a real browser (Debian's Chromium through Playwright)."""

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, UserFactory, ImageFactory, png_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def article():
    kurzmeldungen = CategoryFactory(slug="kurzmeldungen", name="Kurzmeldungen")
    magazin = CategoryFactory(slug="magazin", name="Magazin")
    author = AuthorFactory(name="Jonas Becker", bio="Schreibt über Rechenzentren.", photo=png_file("jb.png"))
    ArticleFactory(title="Ein Beitrag im Magazin", primary_category=magazin, authors=[author])
    return ArticleFactory(
        kicker="KI-Infrastruktur",
        title="Rechenzentren für Kliniken",
        teaser="Der Strombedarf steigt deutlich.",
        body="<p>Der erste Absatz über Kühlung.</p>",
        primary_category=kurzmeldungen,
        categories=[magazin],
        tags=["Energie"],
        authors=[author],
        image=ImageFactory(),
    )


def test_reader_opens_home_page_and_article(page, live_server, article, screenshot):
    page.goto(live_server.url)
    expect(page.get_by_role("link", name="Abo")).to_be_visible()
    expect(page.get_by_role("navigation", name="Rubriken").get_by_role("link", name="Magazin")).to_be_visible()
    expect(page.get_by_role("contentinfo").get_by_role("link", name="Impressum")).to_be_visible()
    screenshot("home")

    page.get_by_role("link", name="Rechenzentren für Kliniken").first.click()
    expect(page).to_have_url(live_server.url + article.get_absolute_url())
    main = page.locator("article.article")
    expect(main.locator(".article__header .kicker")).to_have_text("KI-Infrastruktur")
    expect(main.get_by_role("heading", level=1)).to_have_text("Rechenzentren für Kliniken")
    expect(main.get_by_text("Der Strombedarf steigt deutlich.")).to_be_visible()
    expect(main.locator(".article__categories").get_by_role("link", name="Kurzmeldungen")).to_be_visible()
    expect(main.locator(".article__categories").get_by_role("link", name="Magazin")).to_be_visible()
    expect(main.get_by_text("Lesezeit 1 Min.")).to_be_visible()
    expect(main.get_by_role("img", name="Serverschränke")).to_be_visible()
    expect(main.get_by_text("Der erste Absatz über Kühlung.")).to_be_visible()
    expect(main.get_by_role("link", name="Energie")).to_be_visible()
    expect(main.locator(".author-box").get_by_role("link", name="Jonas Becker")).to_be_visible()
    expect(main.get_by_role("heading", name="Diesen Beitrag teilen")).to_be_visible()
    expect(main.locator(".share-bar").get_by_role("link", name="LinkedIn")).to_be_visible()
    main.get_by_role("button", name="Link kopieren").click()
    expect(main.get_by_role("button", name="Link kopiert")).to_be_visible()
    screenshot("article")

    page.reload()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Zum Inhalt springen")).to_be_focused()


def test_journalist_writes_with_the_rich_text_editor(page, live_server, screenshot):
    user = UserFactory(username="redakteurin", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label__in=["articles", "taggit"]))
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "redakteurin")
    page.fill("#id_password", "correct-horse-battery")
    page.get_by_role("button", name="Anmelden").click()
    page.goto(live_server.url + "/admin/articles/article/add/")
    page.locator("#id_title").press_sequentially("Größe über Äpfel")
    expect(page.locator("#id_slug")).to_have_value("groesse-ueber-aepfel")
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.type("Erster Absatz des Berichts.")
    expect(editor).to_contain_text("Erster Absatz des Berichts.")
    screenshot("admin-article-form")
