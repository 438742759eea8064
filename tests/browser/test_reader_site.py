"""The reader's site on a phone (390 px) and a desktop (1280 px), with the demo content:
layout, bylines and corrections, advertisement labels, and axe-core on every public page type.

axe-core comes from npm (package.json, `make test` installs it into node_modules/). Its
script is evaluated through the DevTools protocol, which the site's CSP does not govern.
Screenshots of home, an article and the Abo page land in test-artifacts/screenshots/.
"""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
SCREENSHOTS = ARTIFACTS / "screenshots"


@pytest.fixture
def demo(settings, kurzmeldungen, magazin):
    settings.DEBUG = False  # the demo's reader logins are made for DEBUG only; these tests need none
    call_command("load_demo", verbosity=0)
    return {
        "article": Article.objects.get(slug="neue-gebuehrenordnung-was-sich-ab-januar-aendert"),
        "sponsored": Article.objects.filter(is_sponsored=True).first(),
        "free": next(article for article in Article.objects.live() if not article.is_gated and not article.is_sponsored),
    }


def public_pages(demo):
    """One page of every kind a reader can reach without logging in."""
    article = demo["article"]
    tag = article.tags.first()
    author = article.ordered_authors[0]
    return {
        "home": "/",
        "article": article.get_absolute_url(),
        "free-article": demo["free"].get_absolute_url(),
        "sponsored-article": demo["sponsored"].get_absolute_url(),
        "category": article.primary_category.get_absolute_url(),
        "tag": f"/schlagwort/{tag.slug}/",
        "author": author.get_absolute_url(),
        "search": "/suche/?q=Gebührenordnung",
        "search-empty": "/suche/",
        "corrections": "/korrekturen/",
        "abo": "/abo/",
        "order": "/abo/bestellen/digital/",
        "login": "/konto/anmelden/",
        "signup": "/konto/registrieren/",
        "terminate": "/kuendigen/",
        "withdraw": "/widerrufen/",
        "impressum": "/impressum/",
        "privacy": "/datenschutz/",
        "accessibility": "/barrierefreiheit/",
        "terms": "/agb/",
        "not-found": "/gibt-es-nicht/",
    }


@pytest.fixture(params=list(WIDTHS))
def width(request):
    return request.param


@pytest.fixture
def reader_page(browser, width):
    context = browser.new_context(locale="de-DE", viewport=WIDTHS[width])
    yield context.new_page()
    context.close()


def axe_violations(page):
    if not AXE.exists():
        pytest.fail("axe-core is missing: `make test` installs it with npm ci (package.json)")
    page.evaluate(AXE.read_text())
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        {"rule": violation["id"], "impact": violation["impact"], "where": [node["target"] for node in violation["nodes"]][:3]}
        for violation in result
    ]


def test_the_reader_site(live_server, demo, reader_page, width):
    """One test per width: the demo content takes half a minute to load, so every check shares it."""
    check_axe_finds_no_violation_on_any_public_page(live_server, demo, reader_page)
    check_the_header_is_short_and_the_headline_in_the_first_screen(live_server, demo, reader_page, width)
    check_the_footer_stands_at_the_bottom_of_short_pages(live_server, reader_page, width)
    check_byline_update_correction_and_advertisement_label(live_server, demo, reader_page)
    check_a_lead_story_without_picture_takes_the_width(live_server, demo, reader_page, width)
    check_the_search_filters_are_as_tall_as_the_search_field(live_server, reader_page)
    take_screenshots_of_home_article_and_abo(live_server, demo, reader_page, width)


def check_axe_finds_no_violation_on_any_public_page(live_server, demo, reader_page):
    found = {}
    for name, path in public_pages(demo).items():
        reader_page.goto(live_server.url + path)
        if violations := axe_violations(reader_page):
            found[name] = violations
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)
    reader_page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    assert [violation["rule"] for violation in axe_violations(reader_page)] == ["image-alt"]  # the check does see problems


def check_the_header_is_short_and_the_headline_in_the_first_screen(live_server, demo, reader_page, width):
    reader_page.goto(live_server.url + demo["article"].get_absolute_url())
    header = reader_page.locator(".site-header").bounding_box()
    headline = reader_page.locator("h1").bounding_box()
    if width == "phone":
        assert header["y"] + header["height"] <= 120, header
        banner = reader_page.locator(".banner--header").bounding_box()
        assert banner["height"] <= 40, banner  # one line
    assert headline["y"] + headline["height"] <= WIDTHS[width]["height"], headline
    assert reader_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"


def check_the_footer_stands_at_the_bottom_of_short_pages(live_server, reader_page, width):
    for path in ("/konto/anmelden/", "/abo/", "/gibt-es-nicht/", "/korrekturen/?page=99"):
        reader_page.goto(live_server.url + path)
        footer = reader_page.locator(".site-footer").bounding_box()
        page_height = reader_page.evaluate("document.documentElement.scrollHeight")
        assert abs(footer["y"] + footer["height"] - max(page_height, WIDTHS[width]["height"])) <= 1, (path, footer)


def check_byline_update_correction_and_advertisement_label(live_server, demo, reader_page):
    reader_page.goto(live_server.url + demo["article"].get_absolute_url())
    byline = reader_page.locator(".byline")
    expect(byline).to_contain_text("Von Aylin Demir und Miriam Hartmann")
    expect(byline.get_by_role("link", name="Aylin Demir")).to_have_attribute("href", "/autor/aylin-demir/")
    expect(byline).to_contain_text("Aktualisiert am")
    expect(reader_page.locator(".corrections")).to_contain_text("Richtig ist: Es sind mehr als 5.000.")
    expect(reader_page.get_by_role("navigation", name="Brotkrümelnavigation")).to_contain_text("Magazin")

    reader_page.goto(live_server.url + demo["free"].get_absolute_url())
    expect(reader_page.locator(".byline__updated")).to_have_count(0)
    expect(reader_page.locator(".article__header .ad-label")).to_have_count(0)
    reader_page.goto(live_server.url + demo["sponsored"].get_absolute_url())
    label = reader_page.locator(".article__header .ad-label")
    expect(label).to_contain_text("Anzeige")
    assert label.bounding_box()["y"] < reader_page.locator("h1").bounding_box()["y"]


def check_a_lead_story_without_picture_takes_the_width(live_server, demo, reader_page, width):
    lead = Article.objects.live().order_by("-published_at").first()
    Article.objects.filter(pk=lead.pk).update(image=None)
    from articles.freshness import content_changed

    content_changed()
    reader_page.goto(live_server.url + "/")
    card, main = reader_page.locator(".card--lead").bounding_box(), reader_page.locator("main").bounding_box()
    assert card["width"] >= min(main["width"] - 40, 46 * 16 - 1), (card, main)


def check_the_search_filters_are_as_tall_as_the_search_field(live_server, reader_page):
    reader_page.goto(live_server.url + "/suche/")
    field = reader_page.locator("#id_q").bounding_box()["height"]
    for control in ("#id_rubrik", "#id_autor", "#id_von", "#id_bis", ".search-form button"):
        assert abs(reader_page.locator(control).bounding_box()["height"] - field) <= 2, control


def take_screenshots_of_home_article_and_abo(live_server, demo, reader_page, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in (("home", "/"), ("article", demo["article"].get_absolute_url()), ("abo", "/abo/")):
        reader_page.goto(live_server.url + path)
        reader_page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
        assert (SCREENSHOTS / f"{name}-{width}.png").stat().st_size > 10_000
