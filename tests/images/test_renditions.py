"""Renditions: every slot in WebP and JPEG, crops around the focal point, no metadata, made once."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from PIL import Image as Picture
from PIL import ImageDraw

from images.models import Image
from images.renditions import SLOTS, generate_renditions, picture, rendition_files
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

LIBRARY_SLOTS = ["card", "lead", "article", "inline", "og"]


def stored(url):
    """The stored file behind a rendition URL, opened with Pillow."""
    name = url.removeprefix("/media/")
    with default_storage.open(name) as file:
        data = file.read()
    return Picture.open(io.BytesIO(data)), data


def photo_with_marker(size, focal, **texts):
    """A grey picture with one red square at ``focal``, so a crop shows whether it kept the point."""
    image = Picture.new("RGB", size, (128, 128, 128))
    x, y = focal[0] * size[0], focal[1] * size[1]
    ImageDraw.Draw(image).rectangle([x - 12, y - 12, x + 12, y + 12], fill=(255, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    library_image = Image(focal_x=focal[0], focal_y=focal[1], alt_text="Testbild", **texts)
    library_image.file.save("marker.png", ContentFile(buffer.getvalue()), save=False)
    library_image.save()
    return library_image


def has_red(image):
    return any(r > 200 and g < 60 and b < 60 for _count, (r, g, b) in image.convert("RGB").getcolors(1 << 24))


@pytest.mark.parametrize("slot", LIBRARY_SLOTS)
def test_each_slot_is_generated_in_webp_and_jpeg_at_its_widths(slot, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory()  # 1600 × 900: the generation runs when the picture is saved
    chosen = picture(image.file, image.size, slot, image.focal_point)
    for mime_type, srcset in chosen.sources:
        assert mime_type == "image/webp"
        for candidate in srcset.split(", "):
            url, width = candidate.rsplit(" ", 1)
            rendition, _data = stored(url)
            assert rendition.format == "WEBP" and f"{rendition.width}w" == width
    for candidate in chosen.srcset.split(", "):
        url, width = candidate.rsplit(" ", 1)
        rendition, _data = stored(url)
        assert rendition.format == "JPEG" and f"{rendition.width}w" == width
        if SLOTS[slot].ratio:
            ratio = SLOTS[slot].ratio
            assert abs(rendition.height - rendition.width * ratio[1] / ratio[0]) <= 1
        else:
            assert abs(rendition.height - rendition.width * 900 / 1600) <= 1
    assert {int(candidate.rsplit(" ", 1)[1][:-1]) for candidate in chosen.srcset.split(", ")} <= set(SLOTS[slot].widths)


def test_a_small_picture_is_never_enlarged_beyond_its_own_width(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory(file__width=500, file__height=400)
    chosen = picture(image.file, image.size, "article")
    widths = [int(candidate.rsplit(" ", 1)[1][:-1]) for candidate in chosen.srcset.split(", ")]
    assert widths == [500]
    assert stored(chosen.src)[0].size == (500, 281)


@pytest.mark.parametrize("focal", [(0.06, 0.07), (0.94, 0.1), (0.5, 0.93), (0.9, 0.9), (0.3, 0.5)])
@pytest.mark.parametrize("size", [(1800, 1000), (900, 1600)])
def test_crops_keep_the_focal_point_in_the_picture(focal, size, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = photo_with_marker(size, focal)
    for slot in ("card", "lead", "article", "og"):
        chosen = picture(image.file, image.size, slot, image.focal_point)
        for candidate in chosen.srcset.split(", "):
            rendition, _data = stored(candidate.rsplit(" ", 1)[0])
            assert has_red(rendition), (slot, candidate)


def test_the_centre_crop_loses_a_corner_the_focal_point_keeps(django_capture_on_commit_callbacks):
    """The check above can fail: without the focal point, a 16:9 crop of a tall picture misses the corner."""
    with django_capture_on_commit_callbacks(execute=True):
        image = photo_with_marker((900, 1600), (0.9, 0.06))
        image.focal_x = image.focal_y = 0.5
        image.save()
    rendition, _data = stored(picture(image.file, image.size, "card", image.focal_point).src)
    assert not has_red(rendition)


def test_uploads_and_renditions_carry_no_metadata(django_capture_on_commit_callbacks):
    source = Picture.new("RGB", (1200, 800), (10, 120, 60))
    exif = Picture.Exif()
    exif[0x010F] = "SpyCam"  # camera make
    exif.get_ifd(0x8825)[2] = (52.0, 31.0, 0.0)  # GPS latitude
    buffer = io.BytesIO()
    source.save(buffer, format="JPEG", exif=exif, comment=b"secret comment")
    with django_capture_on_commit_callbacks(execute=True):
        image = Image(alt_text="Ein Foto")
        image.file.save("kamera.jpg", ContentFile(buffer.getvalue()), save=False)
        image.save()
    with default_storage.open(image.file.name) as file:
        original = Picture.open(io.BytesIO(file.read()))
    assert not original.getexif() and "comment" not in original.info
    for slot in LIBRARY_SLOTS:
        for renditions in rendition_files(image.file, SLOTS[slot], image.focal_point, image.size).values():
            for cache_file, _width, _height in renditions:
                rendition, data = stored(cache_file.url)
                assert not rendition.getexif() and b"SpyCam" not in data


def test_renditions_are_made_once_and_pages_only_compute_their_urls(django_capture_on_commit_callbacks, monkeypatch):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory()
    stored_files = set(default_storage.listdir(f"renditions/{image.file.name.rsplit('.', 1)[0]}")[1])
    generate_renditions(image.file, image.size, image.focal_point)  # a second run finds them all
    assert stored_files
    storage_class = type(storages["default"])
    monkeypatch.setattr(storage_class, "exists", lambda *args: pytest.fail("a page asked the storage"))
    monkeypatch.setattr(storage_class, "save", lambda *args, **kwargs: pytest.fail("a page wrote a rendition"))
    picture(image.file, image.size, "card", image.focal_point)


def test_a_new_focal_point_makes_new_crops(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory(file__width=1600, file__height=1200)  # 4:3, so a 16:9 card crops it
    before = picture(image.file, image.size, "card", image.focal_point).src
    with django_capture_on_commit_callbacks(execute=True):
        image.focal_y = 0.1  # a 4:3 picture is cropped top and bottom for 16:9
        image.save()
    after = picture(image.file, image.size, "card", image.focal_point).src
    assert before != after
    assert stored(after)[0].format == "JPEG"
