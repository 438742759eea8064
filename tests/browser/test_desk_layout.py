"""The article form laid out for writing: a main column and a side panel, on phones too, with live previews."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from editorial import actions
from editorial.models import EditorialNote, ShareLink
from tests.browser.test_workflow import log_in
from tests.conftest import staff_with_role
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, ImageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def returned_article():
    """A reporter's article with two authors, a picture, a note, a share link and a workflow log, back from review."""
    category = CategoryFactory(slug="kurzmeldungen", name="Kurzmeldungen")
    reporter = staff_with_role("autorin", "Autor/in")
    editor = staff_with_role("redakteur", "Redakteur/in")
    editor.first_name, editor.last_name = "Miriam", "Hartmann"
    editor.save()
    article = ArticleFactory(
        title="Krankenhausfinanzierungsreformgesetz: Kliniken erhalten mehr Geld für die Pflege",
        status=Article.Status.DRAFT, published_at=None, created_by=reporter, primary_category=category,
        authors=[AuthorFactory(name="Anna Autorin", user=reporter), AuthorFactory(name="Bernd Beispiel")],
        image=ImageFactory(), tags=["Pflege", "Kliniken"],
    )
    source = "https://www.example.org/pressemitteilungen/2025/krankenhausfinanzierung-und-pflegebudgets"  # a long word
    EditorialNote.objects.create(article=article, author=editor, text=f"Quelle: {source}")
    ShareLink.objects.create(article=article, created_by=editor)
    actions.submit(article, by=reporter)
    actions.return_for_changes(article, by=editor, comment="Bitte die Höhe der Budgets nennen.")
    return article


def change_url(live_server, article):
    return f"{live_server.url}/admin/articles/article/{article.pk}/change/"


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_the_side_panel_stands_beside_the_writing_and_below_it_on_a_phone(browser, live_server, screenshot):
    article = returned_article()
    desk = log_in(browser, live_server, "redakteur")
    desk.goto(change_url(live_server, article))
    main, panel = box(desk, ".desk-main"), box(desk, "aside.desk-panel")
    assert panel["x"] >= main["x"] + main["width"] and panel["y"] < main["y"] + 200
    for selector in ("#id_title", "#id_teaser", ".field-body", "#id_seo_title", ".desk-snippets"):
        expect(desk.locator(f".desk-main {selector}")).to_have_count(1)
    for selector in (".workflow-actions", "#id_workflow_comment", "#id_published_at_0", "#id_primary_category",
                     "#id_image", "#bylines-group", "#editorial_notes-group", "#share_links-group", ".workflow-log"):
        expect(desk.locator(f"aside.desk-panel {selector}")).to_have_count(1)
    screenshot("desk-wide", desk)

    desk.set_viewport_size(PHONE)
    desk.reload()
    main, panel = box(desk, ".desk-main"), box(desk, "aside.desk-panel")
    assert panel["y"] >= main["y"] + main["height"] - 1  # below the writing
    assert desk.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot("desk-phone", desk)


def test_a_new_article_fits_a_phone(browser, live_server):
    CategoryFactory(slug="kurzmeldungen", name="Kurzmeldungen")
    AuthorFactory(name="Anna Autorin", user=staff_with_role("autorin", "Autor/in"))
    desk = log_in(browser, live_server, "autorin")
    desk.set_viewport_size(PHONE)
    desk.goto(live_server.url + "/admin/articles/article/add/")
    expect(desk.locator(".ProseMirror[contenteditable=true]")).to_be_visible()
    assert desk.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_search_result_and_social_card_follow_the_typing(browser, live_server):
    CategoryFactory(slug="kurzmeldungen", name="Kurzmeldungen")
    AuthorFactory(name="Anna Autorin", user=staff_with_role("autorin", "Autor/in"))
    desk = log_in(browser, live_server, "autorin")
    desk.goto(live_server.url + "/admin/articles/article/add/")
    placeholder = desk.locator(".desk-snippets").get_attribute("data-empty-title")
    assert placeholder.startswith("Hier erscheint")
    expect(desk.locator(".desk-serp__title")).to_have_text(placeholder)

    desk.fill("#id_title", "Kliniken sparen Energie")
    desk.fill("#id_teaser", "Die Häuser senken ihren Verbrauch. " * 8)
    expect(desk.locator(".desk-serp__title")).to_have_text("Kliniken sparen Energie")
    expect(desk.locator(".desk-card__title")).to_have_text("Kliniken sparen Energie")
    expect(desk.locator(".desk-serp__address")).to_contain_text("/kliniken-sparen-energie/")
    description = desk.locator(".desk-serp__text").text_content()
    assert description.startswith("Die Häuser senken") and description.endswith("…") and len(description) <= 155

    desk.fill("#id_title", "Ein sehr langer Titel, der in den Suchergebnissen nicht mehr ganz angezeigt wird")
    title = desk.locator(".desk-serp__title").text_content()
    assert title.endswith("…") and len(title) <= 60
    desk.get_by_text("Suchmaschinen und VG Wort").click()
    desk.fill("#id_seo_title", "Kliniken: weniger Strom")
    desk.fill("#id_seo_description", "Was die Häuser sparen.")
    expect(desk.locator(".desk-serp__title")).to_have_text("Kliniken: weniger Strom")
    expect(desk.locator(".desk-serp__text")).to_have_text("Was die Häuser sparen.")
    expect(desk.locator(".desk-card__text")).to_have_text("Was die Häuser sparen.")


def test_the_unsaved_text_shows_in_a_preview_beside_the_form(browser, live_server, screenshot):
    article = returned_article()
    desk = log_in(browser, live_server, "redakteur")
    desk.goto(change_url(live_server, article))
    desk.fill("#id_title", "Noch nicht gespeicherte Schlagzeile")
    desk.locator(".ProseMirror[contenteditable=true]").click()
    desk.keyboard.press("Control+End")
    desk.keyboard.type(" Ein ungespeicherter Satz.")

    desk.locator(".desk-actions .desk-preview-open").click()
    frame = desk.frame_locator("iframe[name=desk-preview]")
    expect(frame.get_by_role("heading", level=1)).to_have_text("Noch nicht gespeicherte Schlagzeile")
    expect(frame.get_by_text("Ein ungespeicherter Satz.")).to_be_visible()
    expect(frame.get_by_text("Anna Autorin").first).to_be_attached()  # the saved bylines come with it
    preview, main = box(desk, ".desk-preview"), box(desk, ".desk-main")
    assert preview["x"] >= main["x"] + main["width"]  # beside the form
    screenshot("desk-preview-beside", desk)
    assert Article.objects.get(pk=article.pk).title.startswith("Krankenhausfinanzierungsreformgesetz")

    desk.fill("#id_title", "Zweite Fassung der Schlagzeile")
    desk.locator(".desk-preview").get_by_role("button", name="Aktualisieren").click()
    expect(frame.get_by_role("heading", level=1)).to_have_text("Zweite Fassung der Schlagzeile")
    desk.locator(".desk-preview").get_by_role("button", name="Schließen").click()
    expect(desk.locator(".desk-preview")).to_be_hidden()

    # The preview saved nothing, so leaving still asks first.
    asked = []
    desk.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    desk.locator(".breadcrumbs a").first.click()
    desk.wait_for_timeout(500)
    assert asked == ["beforeunload"]


def test_a_returned_article_opens_with_the_return_comment(browser, live_server):
    article = returned_article()
    desk = log_in(browser, live_server, "autorin")
    desk.goto(change_url(live_server, article))
    notice = desk.locator(".desk-returned")
    expect(notice).to_contain_text("Bitte die Höhe der Budgets nennen.")
    expect(notice).to_contain_text("Miriam Hartmann")
    assert box(desk, ".desk-returned")["y"] < box(desk, "#id_title")["y"]
