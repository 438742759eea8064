"""The Chefredaktion edits the legal pages with the same rich-text editor as articles, under the admin's CSP."""

import pytest
from playwright.sync_api import expect

from tests.conftest import staff_with_role

from .test_workflow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_privacy_policy_is_edited_in_the_rich_text_editor(browser, live_server):
    from pages.models import PrivacyPolicy

    if PrivacyPolicy.current() is None:  # the flush after a transactional test takes the migration's record
        PrivacyPolicy.objects.create(text="<p>Alt.</p>")
    staff_with_role("chefin", "Chefredaktion")
    page = log_in(browser, live_server, "chefin")
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(live_server.url + "/admin/pages/privacypolicy/")
    editor = page.locator(".ProseMirror:visible").first
    expect(editor).to_be_visible()
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Wir verarbeiten nur, was wir brauchen.")
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.goto(live_server.url + "/datenschutz/")
    expect(page.get_by_text("Wir verarbeiten nur, was wir brauchen.")).to_be_visible()
    assert blocked == []
