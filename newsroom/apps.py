from axes import apps as axes_apps
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
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


# The configs of others are imported by module: a class imported here would count as one of this
# module's own, and AdminConfig says it is its app's default.
class NewsroomAdminConfig(admin_apps.AdminConfig):
    """Django's admin on the newsroom's site (newsroom/admin_site.py)."""

    default_site = "newsroom.admin_site.NewsroomAdminSite"
    default = False


class TagsConfig(TaggitAppConfig):
    """django-taggit under a name journalists use in the admin's menu."""

    verbose_name = _("Tags")
    default = False


class LegalPagesConfig(FlatPagesConfig):
    """The flat pages (Impressum, Datenschutz) under a name the editors use."""

    verbose_name = _("Legal pages")
    default = False


class LoginLockoutsConfig(axes_apps.AppConfig):
    """django-axes (failed logins and lockouts) under a German name in the admin's menu."""

    verbose_name = _("Login lockouts")
    default = False
