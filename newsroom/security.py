"""The production guard for SECRET_KEY: the server does not start with a published key."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

# Keys that are published in this repository or its docs and so never secret.
PUBLIC_SECRET_KEYS = {"", "change-me", "django-insecure-local-development-only"}
MESSAGE = (
    "SECRET_KEY is missing or is a published example value. Set SECRET_KEY to a long random "
    "string (python -c 'import secrets; print(secrets.token_urlsafe(50))') or set DEBUG=true "
    "for local development."
)


def secret_key_is_public():
    return settings.SECRET_KEY in PUBLIC_SECRET_KEYS or settings.SECRET_KEY.startswith("django-insecure")


def require_secret_key():
    """Called by the WSGI and ASGI entry points before they serve anything."""
    if not settings.DEBUG and secret_key_is_public():
        raise ImproperlyConfigured(MESSAGE)


@register(Tags.security, deploy=True)
def check_secret_key(app_configs, **kwargs):
    if not settings.DEBUG and secret_key_is_public():
        return [Error(MESSAGE, id="newsroom.E001")]
    return []
