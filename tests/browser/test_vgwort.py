"""Finding 9: the VG Wort counting pixel is requested, and the site's own CSP lets it through."""

import pytest

from tests.factories import ArticleFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PIXEL = "https://vg01.met.vgwort.de/na/0123456789abcdef"
GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")


def test_the_counting_pixel_loads_without_a_csp_violation(page, live_server):
    article = ArticleFactory(vgwort_pixel_url=PIXEL, primary_category=CategoryFactory(slug="kurzmeldungen"))
    requested, violations = [], []
    # No network here: the VG Wort host answers from the test, as it would from the internet.
    page.route("https://vg01.met.vgwort.de/**", lambda route: (requested.append(route.request.url),
                                                              route.fulfill(status=200, content_type="image/gif", body=GIF)))
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy: ' + e.blockedURI))")
    page.goto(live_server.url + article.get_absolute_url())
    page.wait_for_load_state("networkidle")
    assert requested == [PIXEL]
    assert violations == []
