"""The article form as a writing desk: counters while typing, a warning before work is lost, Ctrl+S saves."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.test_workflow import log_in
from tests.conftest import staff_with_role
from tests.factories import AuthorFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_counters_leave_warning_and_ctrl_s(browser, live_server):
    CategoryFactory(slug="kurzmeldungen", name="Kurzmeldungen")
    reporter = staff_with_role("autorin", "Autor/in")
    AuthorFactory(name="Anna Autorin", user=reporter)
    desk = log_in(browser, live_server, "autorin")
    desk.goto(live_server.url + "/admin/articles/article/add/")

    desk.fill("#id_title", "Kliniken sparen Energie")
    expect(desk.locator(".field-title .desk-counter")).to_have_text("23 von 200 Zeichen")
    desk.get_by_text("Suchmaschinen und VG Wort").click()
    desk.fill("#id_seo_title", "x" * 70)
    expect(desk.locator(".field-seo_title .desk-counter")).to_have_text("70 von 70 Zeichen")
    desk.fill("#id_seo_title", "")
    desk.fill("#id_teaser", "Lang. " * 60)
    expect(desk.locator(".field-teaser .desk-counter")).to_have_class("desk-counter desk-counter--over")
    desk.fill("#id_teaser", "Zwei Sätze.")
    expect(desk.locator(".field-teaser .desk-counter")).to_have_text("11 von 300 Zeichen")
    desk.locator(".ProseMirror[contenteditable=true]").click()
    desk.keyboard.type("Die")
    expect(desk.locator(".field-body .desk-counter")).to_have_text("1 Wort · Lesezeit 1 Min.")
    desk.keyboard.type(" Kliniken senken ihren Verbrauch deutlich.")
    expect(desk.locator(".field-body .desk-counter")).to_have_text("6 Wörter · Lesezeit 1 Min.")

    # Leaving with unsaved work asks first; staying keeps everything.
    asked = []
    desk.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    desk.locator(".breadcrumbs a").first.click()
    desk.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    expect(desk.locator("#id_title")).to_have_value("Kliniken sparen Energie")

    # Ctrl+S saves and stays on the form.
    desk.select_option("#id_primary_category", label="Kurzmeldungen")
    desk.keyboard.press("Control+s")
    expect(desk.locator(".messagelist .success")).to_be_visible()
    assert Article.objects.filter(title="Kliniken sparen Energie").exists()
    assert "/change/" in desk.url


def test_two_people_on_one_article_see_each_other(browser, live_server):
    category = CategoryFactory(slug="kurzmeldungen", name="Kurzmeldungen")
    reporter = staff_with_role("autorin", "Autor/in")
    reporter.first_name, reporter.last_name = "Anna", "Autorin"
    reporter.save()
    author = AuthorFactory(name="Anna Autorin", user=reporter)
    editor = staff_with_role("redakteur", "Redakteur/in")
    editor.first_name, editor.last_name = "Miriam", "Hartmann"
    editor.save()
    from tests.factories import ArticleFactory

    article = ArticleFactory(title="Gemeinsam offen", status=Article.Status.DRAFT, published_at=None,
                             primary_category=category, authors=[author], created_by=reporter)
    url = f"{live_server.url}/admin/articles/article/{article.pk}/change/"

    first = log_in(browser, live_server, "autorin")
    first.goto(url)
    expect(first.locator(".desk-presence")).to_have_text("")  # alone so far
    second = log_in(browser, live_server, "redakteur")
    second.goto(url)
    expect(second.locator(".desk-presence")).to_contain_text("Anna Autorin bearbeitet diesen Artikel seit")
    first.reload()  # the next heartbeat, at once
    expect(first.locator(".desk-presence")).to_contain_text("Miriam Hartmann bearbeitet diesen Artikel seit")
    second.goto(live_server.url + "/admin/")  # leaving says so
    first.wait_for_timeout(300)
    first.reload()
    expect(first.locator(".desk-presence")).to_have_text("")
