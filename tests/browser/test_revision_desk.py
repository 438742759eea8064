"""The desk in Chromium: a crashed page loses nothing, a conflict is decided per field, corrections and restores."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from editorial import actions
from tests.browser.test_workflow import log_in
from tests.conftest import staff_with_role
from tests.editorial.conftest import created
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def desk(db):
    """A reporter with her draft, and two editors."""
    category = CategoryFactory(slug="kurzmeldungen", name="Kurzmeldungen")
    reporter = staff_with_role("autorin", "Autor/in")
    author = AuthorFactory(name="Anna Autorin", user=reporter)
    editors = []
    for username, first, last in [("redakteur", "Miriam", "Hartmann"), ("zweite", "Zora", "Zweite")]:
        editor = staff_with_role(username, "Redakteur/in")
        editor.first_name, editor.last_name = first, last
        editor.save()
        editors.append(editor)
    article = created(ArticleFactory(
        title="Kliniken sparen Energie", teaser="Der erste Teaser.", status=Article.Status.DRAFT, published_at=None,
        primary_category=category, authors=[author], created_by=reporter,
    ), reporter)
    return {"article": article, "reporter": reporter, "editors": editors}


def change_url(live_server, article):
    return f"{live_server.url}/admin/articles/article/{article.pk}/change/"


def test_typed_text_survives_a_crashed_page(browser, live_server, desk):
    article = desk["article"]
    page = log_in(browser, live_server, "autorin")
    page.goto(change_url(live_server, article))
    page.fill("#id_title", "Kliniken sparen deutlich mehr Energie")
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Ein Satz, der nie gespeichert wurde.")
    expect(page.locator(".desk-autosave")).to_contain_text("Gespeichert um", timeout=15_000)
    assert Article.objects.get(pk=article.pk).title == "Kliniken sparen Energie"  # the article itself is untouched

    context = page.context
    page.close(run_before_unload=False)  # the tab crashes: no leave-page question, no save
    reopened = context.new_page()
    reopened.goto(change_url(live_server, article))
    expect(reopened.locator(".desk-recover")).to_be_visible()
    reopened.locator(".desk-recover a").click()
    expect(reopened.locator("#id_title")).to_have_value("Kliniken sparen deutlich mehr Energie")
    expect(reopened.locator(".ProseMirror[contenteditable=true]")).to_contain_text("Ein Satz, der nie gespeichert wurde.")
    reopened.keyboard.press("Control+s")
    expect(reopened.locator(".messagelist .success")).to_be_visible()
    saved = Article.objects.get(pk=article.pk)
    assert saved.title == "Kliniken sparen deutlich mehr Energie" and "nie gespeichert" in saved.body


def test_two_editors_on_one_article_decide_each_field(browser, live_server, desk):
    article = desk["article"]
    miriam = log_in(browser, live_server, "redakteur")
    zora = log_in(browser, live_server, "zweite")
    miriam.goto(change_url(live_server, article))
    zora.goto(change_url(live_server, article))
    expect(zora.locator(".desk-presence")).to_contain_text("Miriam Hartmann bearbeitet diesen Artikel seit")

    zora.fill("#id_title", "Zoras Überschrift")
    zora.fill("#id_kicker", "Energie")
    zora.locator("[name=_continue]").click()
    expect(zora.locator(".messagelist .success")).to_be_visible()

    miriam.fill("#id_title", "Miriams Überschrift")
    miriam.fill("#id_teaser", "Miriams Teaser.")
    miriam.locator("[name=_continue]").click()
    conflict = miriam.locator(".desk-conflict[data-field=title]")
    expect(conflict).to_contain_text("Zoras Überschrift")
    expect(conflict).to_contain_text("Miriams Überschrift")
    expect(miriam.locator("#id_teaser")).to_have_value("Miriams Teaser.")  # nothing typed is lost
    assert Article.objects.get(pk=article.pk).title == "Zoras Überschrift"

    conflict.get_by_text("Gespeichert von Zora Zweite").click()
    expect(miriam.locator("#id_title")).to_have_value("Zoras Überschrift")  # the choice is what the field shows
    conflict.get_by_label("Ihre (noch nicht gespeichert)").check()
    expect(miriam.locator("#id_title")).to_have_value("Miriams Überschrift")
    miriam.locator("[name=_continue]").click()
    expect(miriam.locator(".messagelist .success")).to_be_visible()
    saved = Article.objects.get(pk=article.pk)
    assert (saved.title, saved.teaser, saved.kicker) == ("Miriams Überschrift", "Miriams Teaser.", "Energie")


def test_corrections_merge_and_are_accepted_field_by_field(browser, live_server, desk):
    article, editor = desk["article"], desk["editors"][0]
    actions.publish(article, by=editor)
    reporter = log_in(browser, live_server, "autorin")
    reporter.goto(change_url(live_server, article))
    reporter.fill("#id_title", "Kliniken sparen ein Drittel Energie")
    reporter.locator("[name=_continue]").click()
    expect(reporter.locator(".messagelist")).to_contain_text("Ihre Korrekturen warten")
    reporter.fill("#id_teaser", "Ein Teaser mit falscher Zahl.")
    reporter.locator("[name=_continue]").click()
    expect(reporter.locator("#id_title")).to_have_value("Kliniken sparen ein Drittel Energie")  # still there

    miriam = log_in(browser, live_server, "redakteur")
    miriam.goto(change_url(live_server, article))
    miriam.get_by_role("link", name="Korrekturen prüfen").click()
    proposal = miriam.locator(".correction-proposal")
    expect(proposal).to_have_count(1)  # the two saves are one proposal
    proposal.get_by_label("Teaser").uncheck()
    proposal.get_by_role("button", name="Angehakte Änderungen übernehmen").click()
    expect(miriam.locator(".messagelist .success")).to_be_visible()
    live = Article.objects.get(pk=article.pk)
    assert (live.title, live.teaser) == ("Kliniken sparen ein Drittel Energie", "Der erste Teaser.")


def test_restoring_asks_first(browser, live_server, desk):
    article, editor = desk["article"], desk["editors"][0]
    actions.edit(article, {"title": "Eine spätere Überschrift"}, by=editor)
    page = log_in(browser, live_server, "redakteur")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/revisions/")
    page.get_by_role("link", name="Diese Version wiederherstellen").last.click()
    expect(page.locator(".version-diff")).to_contain_text("Kliniken sparen Energie")
    assert Article.objects.get(pk=article.pk).title == "Eine spätere Überschrift"  # nothing happened yet
    page.get_by_role("button", name="Ja, diese Version wiederherstellen").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert Article.objects.get(pk=article.pk).title == "Kliniken sparen Energie"


def test_taking_an_article_offline_asks_first(browser, live_server, desk):
    article, editor = desk["article"], desk["editors"][0]
    actions.publish(article, by=editor)
    page = log_in(browser, live_server, "redakteur")
    page.goto(change_url(live_server, article))
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Zurückziehen").click()
    page.wait_for_timeout(300)
    assert questions and "offline" in questions[0] and Article.objects.get(pk=article.pk).is_live
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Zurückziehen").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert not Article.objects.get(pk=article.pk).is_live


def test_the_desk_pages_fit_a_phone(browser, live_server, desk):
    article, editor = desk["article"], desk["editors"][0]
    actions.publish(article, by=editor)
    actions.propose_changes(article, {"title": "Eine sehr lange vorgeschlagene Überschrift mit vielen Wörtern darin"}, by=desk["reporter"])
    page = log_in(browser, live_server, "redakteur")
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("revisions", "corrections"):
        page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/{path}/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
