from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """The project itself: settings, URLs and the deployment checks."""

    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from . import security  # noqa: F401  (registers the SECRET_KEY deploy check)
        from .db import router  # noqa: F401  (notes where the log stands after each content change)
