import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
# Web requests give up on a statement after 5 s (management commands, such as migrations, do not).
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "5000")
application = get_wsgi_application()

from newsroom.security import require_secret_key  # noqa: E402  (needs the settings loaded)

require_secret_key()
