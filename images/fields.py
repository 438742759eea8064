"""Image uploads that keep only pixels."""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from PIL import Image, ImageOps

# Formats kept as they are; anything else Pillow opens (GIF, BMP, TIFF …) is stored as PNG.
KEPT_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def reencoded(upload):
    """The upload drawn anew by Pillow: orientation applied, every other byte of metadata and payload gone.

    Re-encoding keeps only pixels, so EXIF and GPS tags, comments and files
    hidden in a picture (a script after the JPEG end marker, HTML in a GIF)
    do not survive.
    """
    upload.seek(0)
    with Image.open(upload) as original:
        source_format = original.format
        picture = ImageOps.exif_transpose(original)
        picture.load()
    extension = KEPT_FORMATS.get(source_format, "png")
    target_format = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP"}[extension]
    if target_format == "JPEG" and picture.mode not in ("RGB", "L"):
        picture = picture.convert("RGB")
    if target_format == "PNG" and picture.mode not in ("RGB", "RGBA", "L", "LA"):
        picture = picture.convert("RGBA")
    # Only the pixels go on: Pillow would write the EXIF block and comment kept in ``info`` again.
    picture = Image.frombytes(picture.mode, picture.size, picture.tobytes())
    buffer = io.BytesIO()
    options = {"quality": 90, "optimize": True} if target_format in ("JPEG", "WEBP") else {"optimize": True}
    picture.save(buffer, format=target_format, **options)
    stem = Path(upload.name or "bild").stem[:80] or "bild"
    return ContentFile(buffer.getvalue(), name=f"{stem}.{extension}")


class SanitizedImageFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        """Whatever stores a picture (a form, an import, ``file.save()`` in code) stores it re-encoded."""
        content.name = name
        clean = reencoded(content)
        super().save(clean.name, clean, save=save)


class SanitizedImageField(models.ImageField):
    """An image field whose files are re-encoded before they are stored (see ``reencoded``)."""

    attr_class = SanitizedImageFieldFile

    def pre_save(self, model_instance, add):
        file = super().pre_save(model_instance, add)
        if file and self.width_field and not getattr(model_instance, self.width_field):
            # A file saved through ``FieldFile.save(…, save=False)`` leaves the dimension fields empty.
            self.update_dimension_fields(model_instance, force=True)
        return file
