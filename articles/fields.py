import io
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import models
from django_prose_editor.fields import ProseEditorField
from PIL import Image, ImageOps

# What journalists may use in an article body. The same list drives the
# editor's toolbar and the server-side allow-list, so nothing the editor can
# produce is stripped, and nothing else survives.
BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
}


class SanitizedHTMLField(ProseEditorField):
    """Rich text that is sanitised on every write, not only in forms.

    ProseEditorField cleans in model validation only; cleaning in
    ``get_prep_value`` also covers ``save()``, ``bulk_create()`` and
    ``update()`` from code, imports and the shell, and ``pre_save`` hands the
    cleaned value back to the instance.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", BODY_EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return value if value is None else self.sanitize(value)

    def pre_save(self, model_instance, add):
        value = self.get_prep_value(super().pre_save(model_instance, add))
        setattr(model_instance, self.attname, value)
        return value


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
    if target_format == "PNG" and picture.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        picture = picture.convert("RGBA")
    buffer = io.BytesIO()
    options = {"quality": 90, "optimize": True} if target_format in ("JPEG", "WEBP") else {"optimize": True}
    picture.save(buffer, format=target_format, **options)
    stem = Path(upload.name or "bild").stem[:80] or "bild"
    return ContentFile(buffer.getvalue(), name=f"{stem}.{extension}")


class SanitizedImageField(models.ImageField):
    """An image field whose uploads are re-encoded before they are stored (see ``reencoded``)."""

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            clean = reencoded(file.file)
            file.file, file.name = clean, clean.name
        return super().pre_save(model_instance, add)
