from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    """The media library: pictures, their rights and their renditions, reused across articles."""

    name = "images"
    verbose_name = _("Media library")
