from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    """Paywall and subscriptions: plans, subscriptions, metering, institutional licences."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "subscriptions"
    verbose_name = _("Subscriptions")
