"""Finding 9: the policy allows exactly VG Wort's counting hosts, and only their pixels can be entered."""

import pytest
from django.core.exceptions import ValidationError

from articles.validators import validate_vgwort_pixel_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_the_csp_allows_vgwort_images_and_no_other_host(client, live_article):
    policy = client.get(live_article.get_absolute_url())["Content-Security-Policy"]
    img_src = next(part for part in policy.split(";") if part.strip().startswith("img-src")).split()[1:]
    assert img_src == ["'self'", "data:", "https://*.met.vgwort.de"]


@pytest.mark.parametrize("url", ["https://vg01.met.vgwort.de/na/abc", "https://ssl-vg03.met.vgwort.de/na/x"])
def test_vgwort_pixels_are_accepted(url):
    validate_vgwort_pixel_url(url)


@pytest.mark.parametrize("url", [
    "http://vg01.met.vgwort.de/na/abc", "https://evil.example/na/abc", "https://vgwort.de.evil.example/",
    "https://met.vgwort.de.evil.example/x", "javascript:alert(1)",
])
def test_other_addresses_are_refused_with_a_message(url):
    with pytest.raises(ValidationError) as error:
        validate_vgwort_pixel_url(url)
    assert error.value.code == "not_vgwort"


def test_the_admin_form_refuses_them(client, editor, kurzmeldungen):
    from tests.editorial.conftest import change_form_data

    article = ArticleFactory(primary_category=kurzmeldungen)
    client.force_login(editor)
    data = change_form_data(article, vgwort_pixel_url="https://tracker.example/pixel.gif")
    response = client.post(f"/admin/articles/article/{article.pk}/change/", data)
    assert response.status_code == 200 and "VG Wort" in response.content.decode()
