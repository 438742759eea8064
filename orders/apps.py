from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    """Subscriptions bought on the site: the order flow, the contract data, invoices."""

    name = "orders"
    verbose_name = _("Orders")

    def ready(self):
        from . import signals  # noqa: F401  (connects the providers to terminations and withdrawals)
