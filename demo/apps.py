from django.apps import AppConfig


class DemoConfig(AppConfig):
    """German demo content for a local run (``manage.py load_demo``); no other app imports it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
    verbose_name = "Demo"
