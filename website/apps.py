from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    """The public site: pages, feeds, sitemaps and search, composed from the apps below it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "website"
    verbose_name = _("Public website")
