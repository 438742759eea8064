"""Settings for the test suite: the real settings with test-only speed-ups.

The database still comes from DATABASE_URL, so `make test` and CI run the
suite against PostgreSQL.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-suite-only-" + "x" * 40)

from newsroom.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None  # WhiteNoise serves nothing collected in tests
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SECURE_SSL_REDIRECT = False
# Tests see every page rendered; the page cache is switched on by the tests about it (tests/website/test_page_cache.py).
PAGE_CACHE_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
NOTIFICATION_EMAILS_IN_BACKGROUND = False  # no mail thread outlives the test that started it
# Live-server threads must not keep connections open, or the test database cannot be dropped.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# A replica alias that mirrors the test database; reads go there only in tests that install the router.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
