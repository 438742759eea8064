"""Library pictures on the site: markup for fast pages, credits, and licences that run out."""

import json
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import ArticleFactory, ImageFactory

pytestmark = pytest.mark.django_db


def img_tags(html):
    return re.findall(r"<img\b[^>]*>", html)


def attribute(tag, name):
    match = re.search(rf'\b{name}="([^"]*)"', tag)
    return match.group(1) if match else None


@pytest.fixture
def pictured(kurzmeldungen):
    """A lead story and two more articles, each with a library picture."""
    return [
        ArticleFactory(title=f"Meldung {n}", primary_category=kurzmeldungen, image=ImageFactory(credit=f"Fotografin {n}"),
                       published_at=timezone.now() - timedelta(hours=n + 1))
        for n in range(3)
    ]


def test_every_picture_has_sizes_alt_and_modern_formats_and_only_the_largest_loads_eagerly(client, pictured):
    html = client.get("/").content.decode()
    tags = [tag for tag in img_tags(html) if "/media/" in tag]
    assert len(tags) == 3
    for tag in tags:
        assert attribute(tag, "width").isdigit() and attribute(tag, "height").isdigit()
        assert attribute(tag, "alt") is not None and attribute(tag, "srcset") and attribute(tag, "sizes")
    eager = [tag for tag in tags if 'fetchpriority="high"' in tag]
    assert len(eager) == 1 and 'loading="lazy"' not in eager[0]
    assert html.index(eager[0]) < min(html.index(tag) for tag in tags if tag is not eager[0])  # the lead story's
    assert all('loading="lazy"' in tag for tag in tags if tag is not eager[0])
    assert html.count('<source type="image/webp"') == 3


def test_credits_appear_under_pictures(client, pictured):
    html = client.get("/").content.decode()
    assert "Bild: Fotografin 0" in html and "Bild: Fotografin 2" in html
    article = client.get(pictured[0].get_absolute_url()).content.decode()
    assert "Bild:" in article and "Fotografin 0" in article and 'fetchpriority="high"' in article


def test_a_picture_whose_licence_expired_is_shown_nowhere(client, pictured):
    image = pictured[0].image
    image.licence_expires_on = timezone.localdate() - timedelta(days=1)
    image.save()
    for url in ("/", pictured[0].get_absolute_url(), pictured[0].primary_category.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Fotografin 0" not in html, url
        assert image.file.name.rsplit(".", 1)[0] + "/" not in html, url  # no rendition of it
        assert image.file.name not in html, url
    article = client.get(pictured[0].get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', article, re.S).group(1))
    news = data[0] if isinstance(data, list) else data
    assert "image" not in news
    assert "logo" in re.search(r'og:image" content="([^"]*)"', article).group(1)


def test_an_expiry_set_after_the_page_was_seen_applies_at_once(client, reporter, pictured, settings):
    """Also for a reader with a session (no page cache) whose article came from the lookup cache."""
    settings.PAGE_CACHE_SECONDS = 60
    client.force_login(reporter)
    url = pictured[0].get_absolute_url()
    assert "Fotografin 0" in client.get(url).content.decode()
    image = pictured[0].image
    image.licence_expires_on = timezone.localdate() - timedelta(days=1)
    image.save()
    assert "Fotografin 0" not in client.get(url).content.decode()
    assert "Fotografin 0" not in Client().get("/").content.decode()


def test_a_picture_shown_until_today_is_still_shown(client, pictured):
    image = pictured[1].image
    image.licence_expires_on = timezone.localdate()
    image.save()
    assert "Fotografin 1" in client.get("/").content.decode()


def test_one_picture_serves_several_articles(client, kurzmeldungen):
    shared = ImageFactory(credit="Geteilt / dpa")
    first = ArticleFactory(primary_category=kurzmeldungen, image=shared)
    second = ArticleFactory(primary_category=kurzmeldungen, image=shared)
    for article in (first, second):
        assert "Bild: Geteilt / dpa" in client.get(article.get_absolute_url()).content.decode()
    assert shared.hero_of.count() == 2


def test_open_graph_image_is_the_1200_by_630_rendition(client, pictured):
    html = client.get(pictured[0].get_absolute_url()).content.decode()
    og = re.search(r'og:image" content="([^"]*)"', html).group(1)
    assert "/media/renditions/" in og and og.endswith(".jpg")


def test_the_queryset_and_the_picture_agree_on_which_pictures_readers_may_see():
    today = timezone.localdate()
    for days in (None, -400, -1, 0, 1, 30):
        ImageFactory(licence_expires_on=None if days is None else today + timedelta(days=days))
    from images.models import Image

    assert set(Image.objects.usable()) == {image for image in Image.objects.all() if image.is_usable()}
    assert Image.objects.usable().count() == 4
