"""Finding 7: uploads lose their metadata and anything hidden in them, and giant pixel counts are refused."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from articles.models import Author
from banners.models import Banner

pytestmark = pytest.mark.django_db


def jpeg_with_gps(orientation=6):
    picture = Image.new("RGB", (40, 30), (200, 30, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Quellenkamera"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef], gps[ExifTags.GPS.GPSLatitude] = "N", (52.0, 31.0, 12.0)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def stored(field_file):
    field_file.open("rb")
    try:
        return field_file.read()
    finally:
        field_file.close()


def test_exif_and_gps_are_gone_and_the_orientation_is_applied():
    raw = jpeg_with_gps()
    assert b"Quellenkamera" in raw and Image.open(io.BytesIO(raw)).getexif()
    author = Author.objects.create(name="Fotografin", slug="fotografin", photo=SimpleUploadedFile("quelle.jpg", raw))
    data = stored(author.photo)
    picture = Image.open(io.BytesIO(data))
    assert b"Quellenkamera" not in data and not picture.getexif()
    assert picture.size == (30, 40)  # turned upright, as the camera meant it


def test_a_script_after_the_jpeg_end_does_not_survive():
    payload = b"<?php system($_GET['c']); ?>"
    banner = Banner.objects.create(title="B", target_url="https://example.org/",
                                   image=SimpleUploadedFile("bild.jpg", jpeg_with_gps(1) + payload))
    assert payload not in stored(banner.image)


def test_html_in_a_gif_does_not_survive_and_the_gif_becomes_a_png():
    buffer = io.BytesIO()
    Image.new("P", (10, 10)).save(buffer, format="GIF", comment=b"<script>alert(1)</script>")
    assert b"<script>" in buffer.getvalue()
    author = Author.objects.create(name="G", slug="g", photo=SimpleUploadedFile("bild.gif", buffer.getvalue()))
    assert b"<script>" not in stored(author.photo) and author.photo.name.endswith(".png")


def test_a_144_megapixel_image_is_refused_with_a_message(client, editor):
    buffer = io.BytesIO()
    Image.new("1", (12000, 12000)).save(buffer, format="PNG")
    assert len(buffer.getvalue()) < 100_000  # tiny on disk, huge in memory
    client.force_login(editor)
    response = client.post("/admin/articles/author/add/", {
        "name": "Bombe", "slug": "bombe", "photo": SimpleUploadedFile("bombe.png", buffer.getvalue(), content_type="image/png"),
    })
    assert response.status_code == 200 and "Megapixel" in response.content.decode()
    assert not Author.objects.filter(slug="bombe").exists()


def test_a_damaged_image_is_a_message_not_an_error(client, editor):
    client.force_login(editor)
    damaged = jpeg_with_gps(1)[:-60]  # the file ends before the picture does
    response = client.post("/admin/articles/author/add/", {
        "name": "Kaputt", "slug": "kaputt", "photo": SimpleUploadedFile("kaputt.jpg", damaged, content_type="image/jpeg"),
    })
    html = response.content.decode()
    assert response.status_code == 200 and ("beschädigt" in html or "defekt" in html)
    assert not Author.objects.filter(slug="kaputt").exists()
