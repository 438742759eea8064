"""A reporter puts a library picture and an embed into an article body, in the real editor."""

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.test_workflow import log_in
from tests.conftest import staff_with_role
from tests.factories import AuthorFactory, CategoryFactory, ImageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose_in_popup(popup, choice):
    """Click a choice in a popup that closes itself on it, possibly while the click is still being finished."""
    with popup.expect_event("close"):
        try:
            choice.click(no_wait_after=True)
        except PlaywrightError as error:
            if "closed" not in str(error):
                raise


def test_a_reporter_inserts_a_picture_and_an_embed_and_writes_on(browser, live_server, screenshot):
    CategoryFactory(slug="kurzmeldungen", name="Kurzmeldungen")
    reporter = staff_with_role("autorin", "Autor/in")
    AuthorFactory(name="Anna Autorin", user=reporter)
    picture = ImageFactory(caption="Klinikflur bei Nacht", alt_text="Ein leerer Klinikflur")

    desk = log_in(browser, live_server, "autorin")
    desk.goto(live_server.url + "/admin/articles/article/add/")
    desk.fill("#id_title", "Nachtschicht in der Klinik")
    desk.fill("#id_teaser", "Wie Kliniken nachts arbeiten.")

    # The article's own picture, through the magnifier: the form shows it at once, with its warnings.
    with desk.expect_popup() as opened:
        desk.locator("#lookup_id_image").click()
    library = opened.value
    choose_in_popup(library, library.get_by_role("link", name="Klinikflur bei Nacht"))
    expect(desk.locator("#id_image")).to_have_value(str(picture.pk))
    expect(desk.locator(".field-image_preview img")).to_be_visible()
    expect(desk.locator(".field-image_preview")).to_contain_text("Klinikflur bei Nacht")
    body = desk.locator(".ProseMirror[contenteditable=true]")
    body.click()
    desk.keyboard.type("Erster Absatz.")
    desk.keyboard.press("Enter")

    # A picture from the library, through the figure dialog's picker popup.
    desk.locator('button[data-name="figure"]').click()
    with desk.expect_popup() as opened:
        desk.get_by_role("button", name="Aus der Mediathek …").click()
    picker = opened.value
    picker.get_by_role("searchbox").fill("Klinikflur")
    picker.get_by_role("searchbox").press("Enter")
    choose_in_popup(picker, picker.locator(f'.image-picker__choice[data-id="{picture.pk}"]'))
    dialog = desk.locator("dialog.prose-editor-dialog")
    expect(dialog.locator("input[name=altText]")).to_have_value("Ein leerer Klinikflur")
    dialog.locator("button[type=submit]").click()

    # An embed, then writing on: the embed stays.
    body.locator("p").last.click()
    desk.keyboard.press("End")
    desk.keyboard.press("Enter")
    desk.locator('button[data-name="embed"]').click()
    dialog = desk.locator("dialog.prose-editor-dialog")
    dialog.locator("input[name=url]").fill("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    dialog.locator("button[type=submit]").click()
    desk.keyboard.type("Schlussabsatz nach dem Video.")
    screenshot("editor-picture-and-embed", desk)

    desk.select_option("#id_primary_category", label="Kurzmeldungen")
    desk.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    expect(desk.locator(".messagelist .success")).to_be_visible()
    saved = Article.objects.get(title="Nachtschicht in der Klinik").body
    assert f'data-file="{picture.pk}"' in saved and "<figcaption>Klinikflur bei Nacht</figcaption>" in saved
    assert 'data-embed="youtube"' in saved and "Schlussabsatz nach dem Video." in saved
    assert Article.objects.get(title="Nachtschicht in der Klinik").image == picture
    assert saved.index('data-embed="youtube"') < saved.index("Schlussabsatz")
