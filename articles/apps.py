import warnings

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from django.db.models.signals import pre_save
        from PIL import Image
        from taggit.models import Tag

        from .tags import transliterate_new_tag

        pre_save.connect(transliterate_new_tag, sender=Tag, dispatch_uid="articles-transliterate-tag-slugs")

        # Uploads over 40 megapixels are refused with a message (articles.validators); Pillow's own
        # warning about them would only repeat it in the logs.
        warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
