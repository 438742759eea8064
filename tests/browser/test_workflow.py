"""The editorial workflow walked through in a real browser by a reporter and an editor."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from tests.conftest import staff_with_role
from tests.factories import AuthorFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(browser, live_server, username):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct-horse-battery")
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", name="Redaktion")).to_be_visible()
    return page


def test_reporter_and_editor_take_an_article_from_draft_to_scheduled(browser, live_server, screenshot):
    CategoryFactory(slug="kurzmeldungen", name="Kurzmeldungen")
    reporter = staff_with_role("autorin", "Autor/in")
    AuthorFactory(name="Anna Autorin", user=reporter)
    staff_with_role("redakteur", "Redakteur/in")

    # The reporter writes a draft and submits it.
    desk = log_in(browser, live_server, "autorin")
    violations = []
    desk.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    desk.goto(live_server.url + "/admin/articles/article/add/")
    desk.fill("#id_kicker", "Klinikfinanzen")
    desk.fill("#id_title", "Kliniken erhalten mehr Geld für Pflege")
    desk.fill("#id_teaser", "Die Pflegebudgets steigen deutlich.")
    desk.locator(".ProseMirror[contenteditable=true]").click()
    desk.keyboard.type("Die Verbände haben sich geeinigt.")
    desk.select_option("#id_primary_category", label="Kurzmeldungen")
    desk.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    desk.get_by_role("button", name="Zur Prüfung einreichen").click()
    expect(desk.get_by_text("Erledigt: zur Prüfung eingereicht.")).to_be_visible()
    assert violations == []  # the editor and the admin run under the strict policy
    article = Article.objects.get(title="Kliniken erhalten mehr Geld für Pflege")
    assert article.status == Article.Status.IN_REVIEW

    # The editor finds it in the review queue and returns it with a comment.
    editor = log_in(browser, live_server, "redakteur")
    editor.locator(".editorial-counts").get_by_role("link", name="in Prüfung").click()
    editor.get_by_role("link", name="Kliniken erhalten mehr Geld für Pflege").click()
    editor.fill("#id_workflow_comment", "Bitte die Höhe der Budgets nennen.")
    editor.get_by_role("button", name="An Autor/in zurückgeben").click()
    expect(editor.get_by_text("Erledigt: zur Überarbeitung zurückgegeben.")).to_be_visible()

    # The reporter reads the comment, fixes the text and resubmits.
    desk.reload()
    expect(desk.get_by_text("Bitte die Höhe der Budgets nennen.")).to_be_visible()
    desk.fill("#id_teaser", "Die Pflegebudgets steigen um zwölf Prozent.")
    desk.get_by_role("button", name="Zur Prüfung einreichen").click()
    expect(desk.get_by_text("Erledigt: zur Prüfung eingereicht.")).to_be_visible()

    # The editor schedules it a few seconds ahead.
    editor.reload()
    go_live = timezone.localtime() + timedelta(seconds=6)
    editor.fill("#id_published_at_0", go_live.strftime("%d.%m.%Y"))
    editor.fill("#id_published_at_1", go_live.strftime("%H:%M:%S"))
    editor.get_by_role("button", name="Veröffentlichen / planen").click()
    expect(editor.get_by_text("Erledigt: zur Veröffentlichung geplant.")).to_be_visible()
    screenshot("workflow-scheduled", editor)

    # Readers see it once its time has come, with no job running.
    reader = browser.new_context(locale="de-DE").new_page()
    url = live_server.url + article.get_absolute_url()
    assert reader.goto(url).status == 404
    time.sleep(max(0.0, (go_live - timezone.localtime()).total_seconds()) + 0.5)
    assert reader.goto(url).status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text("Kliniken erhalten mehr Geld für Pflege")
    expect(reader.get_by_text("Die Pflegebudgets steigen um zwölf Prozent.")).to_be_visible()
    reader.goto(live_server.url + "/")
    expect(reader.get_by_role("link", name="Kliniken erhalten mehr Geld für Pflege").first).to_be_visible()
