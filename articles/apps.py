import warnings

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from PIL import Image

        # Uploads over 40 megapixels are refused with a message (articles.validators); Pillow's own
        # warning about them would only repeat it in the logs.
        warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
