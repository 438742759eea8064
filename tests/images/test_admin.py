"""The media library in the admin: search with thumbnails, the editor's picker, focal points, warnings."""

import re
from datetime import date

import pytest

from images.models import Image
from tests.factories import ImageFactory, png_file

pytestmark = pytest.mark.django_db
PICKER = "/admin/images/image/picker/"


@pytest.fixture
def desk(client, reporter):
    client.force_login(reporter)
    return client


def test_the_library_is_searchable_and_shows_thumbnails(desk):
    ImageFactory(caption="Windpark vor Rügen", credit="Jens Ahrens / dpa")
    ImageFactory(caption="Serverraum")
    html = desk.get("/admin/images/image/", {"q": "dpa"}).content.decode()
    assert "Windpark vor Rügen" in html and "Serverraum" not in html
    assert re.search(r'<img src="/media/renditions/[^"]+\.jpg"[^>]*class="image-thumbnail"', html)


def test_the_picker_finds_pictures_and_hands_them_to_the_editor(desk):
    wanted = ImageFactory(caption="Klinikflur", alt_text="Ein leerer Klinikflur")
    ImageFactory(caption="Anderes")
    html = desk.get(PICKER, {"q": "Klinik", "CKEditorFuncNum": "-3"}).content.decode()
    assert 'data-callback="-3"' in html
    assert f'data-id="{wanted.pk}"' in html and 'data-alt="Ein leerer Klinikflur"' in html
    assert "Anderes" not in html


def test_uploading_in_the_picker_adds_to_the_library_and_inserts_it(desk, reporter):
    response = desk.post(
        f"{PICKER}?CKEditorFuncNum=-1",
        {"file": png_file("neu.png", size=(800, 600)), "alt_text": "Neues Bild", "caption": "Neu", "credit": "Ich"},
    )
    image = Image.objects.get()
    assert image.uploaded_by == reporter and (image.width, image.height) == (800, 600)
    assert f'data-chosen-id="{image.pk}"' in response.content.decode()


def test_a_failed_upload_in_the_picker_keeps_what_was_typed(desk):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("bild.png", b"not a picture", content_type="image/png")
    html = desk.post(PICKER, {"file": fake, "caption": "Meine Bildunterschrift"}).content.decode()
    assert "Meine Bildunterschrift" in html and "errorlist" in html
    assert not Image.objects.exists()


def test_the_focal_point_is_saved_and_must_lie_in_the_picture(desk):
    image = ImageFactory()
    url = f"/admin/images/image/{image.pk}/change/"
    form = {"alt_text": image.alt_text, "caption": "", "credit": "", "source": "", "licence": "", "usage_rights": ""}
    response = desk.post(url, {**form, "focal_x": "1.5", "focal_y": "0.2"})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    desk.post(url, {**form, "focal_x": "0.8", "focal_y": "0.2"})
    image.refresh_from_db()
    assert image.focal_point == (0.8, 0.2)
    assert 'class="focal-picker"' in desk.get(url).content.decode()


def test_expired_licences_and_missing_alt_texts_are_flagged(desk):
    ImageFactory(caption="Abgelaufen", licence_expires_on=date(2020, 1, 1))
    ImageFactory(caption="Ohne Text", alt_text="")
    html = desk.get("/admin/images/image/").content.decode()
    assert "Lizenz abgelaufen" in html and "Alternativtext fehlt" in html
    assert "Abgelaufen" not in desk.get("/admin/images/image/", {"licence": "usable"}).content.decode()


def test_readers_may_not_open_the_library(client, reader):
    client.force_login(reader)
    assert client.get(PICKER).status_code in (302, 403)
