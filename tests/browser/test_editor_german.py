"""The article body's editor speaks German: toolbar tooltips and its dialogs, under the strict policy."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_workflow import log_in
from tests.conftest import staff_with_role
from tests.editorial.test_admin_german import ENGLISH
from tests.factories import AuthorFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def english_in(texts):
    return sorted({text for text in texts if ENGLISH.search(text)})


def test_a_reporter_sees_the_editor_in_german(browser, live_server, screenshot):
    CategoryFactory(slug="kurzmeldungen", name="Kurzmeldungen")
    AuthorFactory(name="Anna Autorin", user=staff_with_role("autorin", "Autor/in"))
    desk = log_in(browser, live_server, "autorin")
    violations = []
    desk.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    desk.goto(live_server.url + "/admin/articles/article/add/")

    toolbar = desk.locator(".prose-menubar").first
    expect(toolbar.locator('button[data-name="bold"]')).to_have_attribute("title", "Fett")
    expect(toolbar.locator('button[data-name="link"]')).to_have_attribute("title", "Link einfügen")
    expect(toolbar.locator('button[data-name="history:undo"]')).to_have_attribute("aria-label", "Rückgängig")
    expect(toolbar.locator('button[data-name="embed"]')).to_have_attribute("title", "Video, Beitrag oder Grafik einbetten")
    # Tooltips and screen-reader labels of the buttons (their text is the icon's name), and the block type menu.
    labels = toolbar.locator(".prose-menubar__button").evaluate_all(
        "buttons => buttons.flatMap(button => [button.title, button.getAttribute('aria-label') || ''])"
    )
    entries = toolbar.locator(".prose-menubar__option").all_text_contents()
    assert english_in(labels + entries) == []
    assert {"Überschrift 2", "Absatz"} <= set(entries)

    # The link dialog, for a selected word.
    body = desk.locator(".ProseMirror[contenteditable=true]")
    body.click()
    desk.keyboard.type("Kliniken")
    desk.keyboard.press("Shift+Home")
    toolbar.locator('button[data-name="link"]').click()
    dialog = desk.locator("dialog.prose-editor-dialog[open]")
    expect(dialog.locator(".prose-editor-dialog-title")).to_have_text("Link bearbeiten")
    expect(dialog.get_by_label("Adresse (URL)")).to_be_visible()
    expect(dialog.get_by_label("Titel")).to_be_visible()
    expect(dialog.get_by_role("button", name="Übernehmen")).to_be_visible()
    expect(dialog.get_by_role("button", name="Abbrechen")).to_be_visible()
    screenshot("editor-link-dialog-german", desk)
    assert english_in(dialog.inner_text().splitlines()) == []
    dialog.get_by_role("button", name="Abbrechen").click()

    # The picture and embed dialogs.
    toolbar.locator('button[data-name="figure"]').click()
    dialog = desk.locator("dialog.prose-editor-dialog[open]")
    expect(dialog.locator(".prose-editor-dialog-title")).to_have_text("Bild einfügen")
    expect(dialog.get_by_role("button", name="Aus der Mediathek …")).to_be_visible()
    assert english_in(dialog.inner_text().splitlines()) == []
    dialog.get_by_role("button", name="Abbrechen").click()
    toolbar.locator('button[data-name="embed"]').click()
    dialog = desk.locator("dialog.prose-editor-dialog[open]")
    expect(dialog.locator(".prose-editor-dialog-title")).to_have_text("Einbetten")
    assert english_in(dialog.inner_text().splitlines()) == []
    dialog.get_by_role("button", name="Abbrechen").click()

    assert violations == []
