from django.apps import AppConfig
from django.contrib.flatpages.apps import FlatPagesConfig
from django.utils.translation import gettext_lazy as _
from taggit.apps import TaggitAppConfig


class NewsroomConfig(AppConfig):
    """The project itself: settings, URLs and the deployment checks."""

    name = "newsroom"
    verbose_name = "Newsroom"
    default = True  # the other configs here are for apps of others (settings.INSTALLED_APPS names them)

    def ready(self):
        from . import security  # noqa: F401  (registers the SECRET_KEY deploy check)
        from .db import router  # noqa: F401  (notes where the log stands after each content change)


class TagsConfig(TaggitAppConfig):
    """django-taggit under a name journalists use in the admin's menu."""

    verbose_name = _("Tags")
    default = False


class LegalPagesConfig(FlatPagesConfig):
    """The flat pages (Impressum, Datenschutz) under a name the editors use."""

    verbose_name = _("Legal pages")
    default = False
