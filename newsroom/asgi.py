import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "5000")  # as in wsgi.py
application = get_asgi_application()

from newsroom.security import require_secret_key  # noqa: E402  (needs the settings loaded)

require_secret_key()
