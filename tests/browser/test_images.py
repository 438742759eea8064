"""Pictures as a phone and a desktop browser load them: bytes, layout shift, lazy loading, attributes.

The figures (image bytes before and after renditions) are printed and written
to test-artifacts/image-report.txt. "Before" is what the former markup loaded:
the original upload of every picture on the page.
"""

import json
import mimetypes
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from demo.pictures import photo
from images.models import Image
from tests.browser.conftest import ARTIFACTS
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}

# Layout shifts seen since the page started.
OBSERVE = """
window.__shift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""
# The image with the largest visible area in the first screen.
LARGEST_IMAGE = """() => {
  let best = null, bestArea = 0;
  for (const img of document.images) {
    const box = img.getBoundingClientRect();
    const width = Math.max(0, Math.min(box.right, innerWidth) - Math.max(box.left, 0));
    const height = Math.max(0, Math.min(box.bottom, innerHeight) - Math.max(box.top, 0));
    if (width * height > bestArea) { best = img; bestArea = width * height; }
  }
  return best && {loading: best.getAttribute("loading"), priority: best.getAttribute("fetchpriority"), area: bestArea};
}"""


@pytest.fixture
def pictured(settings):
    """A home page of pictured articles with photo-like 1920×1280 uploads, as the demo has."""
    settings.PAGE_CACHE_SECONDS = 0
    category = CategoryFactory(slug="kurzmeldungen", name="Kurzmeldungen")
    author = AuthorFactory()
    articles = []
    for n in range(7):
        image = Image(alt_text=f"Szene {n}", caption=f"Bildunterschrift {n}", credit=f"Fotograf {n}", focal_x=0.6, focal_y=0.4)
        image.file.save(f"szene-{n}.jpg", photo((1920, 1280), (40 + 25 * n, 90, 140), (0.6, 0.4), f"Szene {n}"), save=False)
        image.save()  # outside a transaction: the renditions are made now
        articles.append(ArticleFactory(
            title=f"Meldung mit Bild {n}", primary_category=category, authors=[author], image=image,
            published_at=timezone.now() - timedelta(hours=n + 1),
        ))
    return articles


def serve_media(route):
    """The live server serves no uploads (DEBUG is off); the files come from MEDIA_ROOT as a web server would."""
    path = Path(settings.MEDIA_ROOT) / route.request.url.split("/media/", 1)[1]
    if not path.is_file():
        return route.fulfill(status=404)
    route.fulfill(status=200, body=path.read_bytes(), content_type=mimetypes.guess_type(path.name)[0])


def visit(browser, url, viewport):
    context = browser.new_context(locale="de-DE", viewport=viewport)
    page = context.new_page()
    page.route("**/media/**", serve_media)
    page.add_init_script(OBSERVE)
    transferred = {}

    def record(response):
        if response.request.resource_type == "image" and "/media/" in response.url:
            transferred[response.url] = len(response.body())

    page.on("response", record)
    page.goto(url, wait_until="load")
    largest = page.evaluate(LARGEST_IMAGE)
    first_screen = sum(transferred.values())
    # Then the whole page, as a reader scrolling down: lazy pictures load, nothing may move.
    height = page.evaluate("document.body.scrollHeight")
    for y in range(0, height + viewport["height"], viewport["height"] // 2):
        page.mouse.wheel(0, viewport["height"] // 2)
        page.wait_for_timeout(60)
    page.wait_for_load_state("networkidle")
    images = page.evaluate("""() => [...document.images].map((img) => ({
        src: img.currentSrc || img.src, width: img.getAttribute("width"), height: img.getAttribute("height"),
        alt: img.getAttribute("alt"), shown: img.getBoundingClientRect().width,
    }))""")
    shift = page.evaluate("window.__shift")
    context.close()
    return {
        "largest": largest, "first_screen": first_screen, "all": sum(transferred.values()), "loaded": len(transferred),
        "images": images, "shift": shift,
    }


def originals(images):
    """The uploads behind the renditions a page showed: what the former markup loaded instead."""
    stems = {re.search(r"/media/renditions/(.+)/[0-9a-f]+\.\w+$", image["src"]).group(1)
             for image in images if "/media/renditions/" in image["src"]}
    return [image for image in Image.objects.all() if image.file.name.rsplit(".", 1)[0] in stems]


def test_pictures_are_light_stable_and_described(browser, live_server, pictured):
    report, lines = {}, []
    pages = {"home": "/", "article": pictured[0].get_absolute_url()}
    for page_name, path in pages.items():
        for device, viewport in VIEWPORTS.items():
            result = visit(browser, live_server.url + path, viewport)
            shown = originals(result["images"])
            before = sum(image.file.size for image in shown)
            report[f"{page_name} {device}"] = {**result, "before": before}
            lines.append(
                f"{page_name:8} {viewport['width']:>4} px: images {before / 1024:7.0f} KB before, "
                f"{result['all'] / 1024:6.0f} KB after for {result['loaded']} pictures "
                f"({result['first_screen'] / 1024:.0f} KB in the first screen), "
                f"layout shift {result['shift']:.4f}, largest image {result['largest']}"
            )
            assert result["shift"] == 0, (page_name, device, result["shift"])
            assert result["largest"] and result["largest"]["loading"] != "lazy", (page_name, device)
            assert result["largest"]["priority"] == "high"
            for image in result["images"]:
                assert image["width"] and image["height"] and image["alt"] is not None, image
            assert result["loaded"] == len(shown)  # every picture loaded once scrolled to, one size each
            assert result["all"] < before / 3, (page_name, device)  # renditions, not the uploads
            assert all(".webp" in image["src"] for image in result["images"] if "/media/" in image["src"])
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "image-report.txt").write_text("\n".join(lines) + "\n")
    (ARTIFACTS / "image-report.json").write_text(json.dumps(
        {name: {key: value for key, value in result.items() if key != "images"} for name, result in report.items()}, indent=2
    ))
    print("\n" + "\n".join(lines))
