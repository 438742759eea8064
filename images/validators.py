"""Checks an uploaded picture passes before it is stored."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

MAX_IMAGE_MEGABYTES = 10
MAX_IMAGE_PIXELS = 40_000_000  # 40 megapixels: any camera's photo, not a decompression bomb


def validate_image_size(file):
    """Refuse images over 10 MB or 40 megapixels with a message, before they fill the disk or the memory."""
    if file.size > MAX_IMAGE_MEGABYTES * 1024 * 1024:
        raise ValidationError(
            _("The image is larger than %(limit)d MB. Please make it smaller and upload it again."),
            params={"limit": MAX_IMAGE_MEGABYTES},
            code="image_too_large",
        )
    if getattr(file, "_committed", True):
        return  # already stored (and checked) earlier
    try:
        file.seek(0)
        with Image.open(file) as picture:  # reads the header only
            width, height = picture.size
    except (OSError, Image.DecompressionBombError):
        return  # not an image: the ImageField's own check says so
    finally:
        file.seek(0)
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(
            _("The image has %(pixels)d megapixels; at most %(limit)d are allowed. Please scale it down."),
            params={"pixels": width * height // 1_000_000, "limit": MAX_IMAGE_PIXELS // 1_000_000},
            code="image_too_many_pixels",
        )
    try:
        with Image.open(file) as picture:
            picture.load()  # decode it all, as storing it will: a damaged file is a message now, not an error then
    except (OSError, SyntaxError, ValueError):
        raise ValidationError(_("The image file is damaged. Please export it again and upload it anew."), code="image_damaged")
    finally:
        file.seek(0)
