from django.urls import reverse_lazy
from django_prose_editor.fields import ProseEditorField

from images.fields import SanitizedImageField  # noqa: F401  (the migrations use it from here)

from .body import clean_body, validate_body
from .embeds import editor_providers

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
    # Pictures from the media library, with an alignment, and embeds: static/articles/admin/body_editor.js
    # in the editor, DJANGO_PROSE_EDITOR_EXTENSIONS in the settings, articles/body.py for the stored form.
    "Figure": {"pickerUrl": reverse_lazy("admin:images_image_picker")},
    "Caption": True,
    "Image": True,
    "Embed": {"providers": editor_providers()},
    "History": True,
}


class SanitizedHTMLField(ProseEditorField):
    """Rich text that is sanitised on every write, not only in forms.

    ProseEditorField cleans in model validation only; cleaning in
    ``get_prep_value`` also covers ``save()``, ``bulk_create()`` and
    ``update()`` from code, imports and the shell, and ``pre_save`` hands the
    cleaned value back to the instance. After nh3, ``clean_body`` keeps
    figures and embeds only in their stored form (articles/body.py).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", BODY_EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return value if value is None else clean_body(self.sanitize(value))

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        validate_body(value)

    def pre_save(self, model_instance, add):
        value = self.get_prep_value(super().pre_save(model_instance, add))
        setattr(model_instance, self.attname, value)
        return value
