"""An embed loads nothing from its provider until the reader asks, and then only its own frame.

Requests to the providers are recorded and aborted, so the test needs no internet.
"""

import re

import pytest
from playwright.sync_api import expect

from articles import embeds
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
VIDEO = "dQw4w9WgXcQ"
PROVIDERS = re.compile(r"https?://(?:[^/]+\.)?(?:youtube\.com|youtube-nocookie\.com|youtu\.be|ytimg\.com|datawrapper\.de|dwcdn\.net)[:/]")


def frame_sources(response):
    """The frame-src directive of a response's CSP, or None when it has none."""
    for directive in response.headers["content-security-policy"].split(";"):
        name, *sources = directive.split()
        if name == "frame-src":
            return sources
    return None


@pytest.fixture
def articles(monkeypatch):
    monkeypatch.setattr(embeds, "OEMBED_ENDPOINTS", {})
    category = CategoryFactory(slug="kurzmeldungen", name="Kurzmeldungen")
    with_embeds = ArticleFactory(
        title="Pflegereform im Bundestag",
        body=(
            "<p>Die Debatte im Video:</p>"
            f'<div class="embed" data-embed="youtube" data-url="https://youtu.be/{VIDEO}" data-title="Debatte zur Pflegereform"></div>'
            "<p>Die Kosten in der Grafik:</p>"
            '<div class="embed" data-embed="datawrapper" data-url="https://datawrapper.dwcdn.net/Ab1Cd/2/" data-title="Kosten je Fall"></div>'
        ),
        primary_category=category,
    )
    return with_embeds, ArticleFactory(title="Ohne Einbettungen", primary_category=category)


def test_embeds_load_only_when_the_reader_asks(page, live_server, articles, screenshot):
    with_embeds, plain = articles
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.route(lambda url: bool(PROVIDERS.match(url)), lambda route: route.abort())

    response = page.goto(live_server.url + with_embeds.get_absolute_url())
    assert frame_sources(response) == ["https://datawrapper.dwcdn.net", "https://www.youtube-nocookie.com"]
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if PROVIDERS.match(url)] == []
    expect(page.locator("iframe")).to_have_count(0)
    expect(page.get_by_text("Debatte zur Pflegereform")).to_be_visible()
    screenshot("embeds-before")

    with page.expect_request(lambda request: request.url.startswith("https://www.youtube-nocookie.com/")) as video:
        page.get_by_role("button", name="Inhalt von YouTube laden").click()
    assert video.value.url == f"https://www.youtube-nocookie.com/embed/{VIDEO}"
    frame = page.locator("figure.embed--youtube iframe")
    expect(frame).to_have_attribute("src", f"https://www.youtube-nocookie.com/embed/{VIDEO}")
    expect(frame).to_have_attribute("title", "Debatte zur Pflegereform")
    expect(frame).to_have_attribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-presentation")
    expect(frame).to_have_attribute("referrerpolicy", "strict-origin-when-cross-origin")
    box = frame.bounding_box()
    assert box["width"] / box["height"] == pytest.approx(16 / 9, rel=0.02)

    page.wait_for_load_state("networkidle")
    assert [url for url in requested if "datawrapper" in url or "dwcdn" in url] == []
    expect(page.locator("figure.embed--datawrapper iframe")).to_have_count(0)
    expect(page.get_by_role("button", name="Inhalt von Datawrapper laden")).to_be_visible()
    screenshot("embeds-after")

    assert frame_sources(page.goto(live_server.url + plain.get_absolute_url())) is None
