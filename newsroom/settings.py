"""Newsroom settings.

Every value that differs between a laptop and production comes from an
environment variable (see .env.example). The defaults are safe: DEBUG is off
unless asked for, and without DEBUG the web server refuses to start with a
missing or well-known SECRET_KEY (newsroom/security.py); management commands
such as makemigrations still run without one.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "").strip() or "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "newsroom.apps.NewsroomAdminConfig",  # django.contrib.admin
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "newsroom.apps.LegalPagesConfig",  # django.contrib.flatpages
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "django.contrib.postgres",
    "newsroom.apps.TagsConfig",  # taggit
    "simple_history",
    "django_prose_editor",
    "csp",
    "newsroom.apps.LoginLockoutsConfig",  # axes
    "imagekit",
    # The project's apps, bottom layer first (see [tool.importlinter] in pyproject.toml).
    "images",
    "articles",
    "subscriptions",
    "editorial",
    "banners",
    "orders",
    "accounts",
    "pages",
    "website",
    "demo",
    "newsroom",
]

MIDDLEWARE = [
    "newsroom.request_logging.RequestIdMiddleware",
    "newsroom.health.HealthCheckMiddleware",  # probes skip everything below
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "banners.middleware.BannerImpressionsMiddleware",
    # Outside everything below, so a cached page costs no session, CSRF or template work.
    "website.page_cache.AnonymousPageCacheMiddleware",
    "newsroom.db.router.ReplicaRoutingMiddleware",  # inside the page cache: reads the generation it pinned
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "newsroom.csp.SiteCSPMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pages.context_processors.site",
                "website.context_processors.navigation",
                "website.context_processors.banner_slots",
            ],
        },
    },
]

# PostgreSQL is the only engine: the server DATABASE_URL names, or else an embedded one in
# .pgdata/ under the project (newsroom/embedded_postgres.py), for `make run` and `make test`.
DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
else:
    from newsroom.embedded_postgres import database_settings

    DATABASES = {"default": database_settings(BASE_DIR / ".pgdata")}
# Public pages may read from a streaming replica (newsroom/db/router.py decides when).
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "").strip()
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(DATABASE_REPLICA_URL)
    DATABASE_ROUTERS = ["newsroom.db.router.PrimaryReplicaRouter"]
# Behind PgBouncer in transaction mode a connection's session state does not survive the transaction:
# no server-side cursors, no prepared statements, and no startup options (set jit and statement_timeout
# on the database role instead, see README "Scaling").
DATABASE_TRANSACTION_POOLING = env_bool("DATABASE_TRANSACTION_POOLING")
# A database that is down or frozen must not hold a request for long: connecting gives up after
# DATABASE_CONNECT_TIMEOUT seconds, and web processes (newsroom/wsgi.py) cancel statements after
# DATABASE_STATEMENT_TIMEOUT milliseconds; the page then answers 503 (pages.views.server_error).
# PostgreSQL's JIT compiler costs more than it saves on the short queries of web pages.
server_options = ["-c jit=off"]
if statement_timeout := env_int("DATABASE_STATEMENT_TIMEOUT", 0):
    server_options.append(f"-c statement_timeout={statement_timeout}")
for database in DATABASES.values():
    database.update(
        # Connections are reused; before each request a health check that waits at most a second
        # (newsroom/db/base.py) drops one whose server froze, so the request fails fast instead of hanging.
        ENGINE="newsroom.db",
        CONN_MAX_AGE=env_int("DATABASE_CONN_MAX_AGE", 60),
        CONN_HEALTH_CHECKS=True,
    )
    options = database.setdefault("OPTIONS", {})
    options["connect_timeout"] = env_int("DATABASE_CONNECT_TIMEOUT", 3)
    if DATABASE_TRANSACTION_POOLING:
        database["DISABLE_SERVER_SIDE_CURSORS"] = True
        options["prepare_threshold"] = None
    else:
        options["options"] = " ".join(server_options)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A Redis outage must only slow pages down: django-redis swallows connection
# errors (and logs them) and the short timeouts keep each miss cheap. Redis holds
# pages, lookups, banner counts and rate limits; never sessions (see SESSION_ENGINE).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.ResilientRedisCache",  # django-redis with a circuit breaker
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Sessions live in the database only: a logout or password change ends a session everywhere at once,
# whatever the cache does (a cached copy could outlive a logout during a Redis outage).
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins while locked out
    "django.contrib.auth.backends.ModelBackend",
]

# Login lockout (django-axes) and rate limits (django-ratelimit), see accounts/throttling.py.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # an account, or an address, with too many failures
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip"
AXES_USERNAME_CALLABLE = "accounts.throttling.login_name"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
RATELIMIT_IP_META_KEY = "accounts.throttling.client_ip"
RATELIMIT_VIEW = "accounts.throttling.rate_limited"
RATELIMIT_FAIL_OPEN = True  # without Redis nothing is counted, and nobody is refused

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "de")
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

SITE_ID = 1
SITE_NAME = os.environ.get("SITE_NAME", "Newsroom")

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Renditions of pictures (images/renditions.py) live beside the uploads, made once when a picture is saved.
IMAGEKIT_CACHEFILE_DIR = "renditions"
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"
# The article body's figures (with an alignment) and embeds: the module adds them to the editor,
# the processors to nh3's allow-list; articles/body.py then keeps exactly their stored form.
# Its Menu is the library's with German tooltips (the library writes them in English without gettext).
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("articles/admin/body_editor.js")],
        "extensions": {
            "Menu": html_tags([]),
            "Figure": html_tags(
                ["figure", "figcaption", "img"], {"figure": ["class", "data-align"], "img": ["src", "alt", "data-file"]}
            ),
            "Embed": html_tags(["div"], {"div": ["class", "data-embed", "data-url", "data-title"]}),
        },
    },
]
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Uploads go to MEDIA_ROOT on the local disk (served by `runserver` in DEBUG, else by the web server
# in front), or, when S3_BUCKET is set, to an S3-compatible object store that every replica shares
# (django-storages); S3_PUBLIC_URL is where readers fetch them (a CDN, or the proxy in front of MinIO).
S3_BUCKET = os.environ.get("S3_BUCKET", "").strip()
if S3_BUCKET:
    from urllib.parse import urlsplit

    s3_public_url = urlsplit(os.environ.get("S3_PUBLIC_URL", "").strip().rstrip("/"))
    media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL", "").strip() or None,
            "access_key": os.environ.get("S3_ACCESS_KEY_ID", "").strip() or None,
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY", "").strip() or None,
            "region_name": os.environ.get("S3_REGION", "").strip() or "us-east-1",
            "addressing_style": "path",  # MinIO and most S3-compatible stores
            "querystring_auth": False,  # media are public: plain, cacheable URLs
            "file_overwrite": False,
            "default_acl": None,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    if s3_public_url.netloc:
        media_storage["OPTIONS"].update(
            custom_domain=s3_public_url.netloc + s3_public_url.path, url_protocol=f"{s3_public_url.scheme}:"
        )
        MEDIA_URL = f"{s3_public_url.geturl()}/"
else:
    media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": media_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)  # seconds; notifications are sent in a thread of their own
NOTIFICATION_EMAILS_IN_BACKGROUND = True  # editorial/notifications.py; the test settings send them at once
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "redaktion@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

VGWORT_PIXEL_HOSTS = "https://*.met.vgwort.de"
# Images from the object store's public address, when it is not this site's own.
MEDIA_ORIGINS = [f"{s3_public_url.scheme}://{s3_public_url.netloc}"] if S3_BUCKET and s3_public_url.netloc else []

# Security headers. Inline scripts run only with the request's nonce (the admin's rich-text
# editor needs one for its import map); newsroom/csp.py adds inline styles for the admin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # VG Wort counts views through a pixel from its own hosts (vg01.met.vgwort.de, ssl-vg03.met.vgwort.de, …).
        "img-src": [SELF, "data:", VGWORT_PIXEL_HOSTS, *MEDIA_ORIGINS],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}
# Browser features the site never uses are switched off for it and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "geolocation",
        "gyroscope", "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
        "screen-wake-lock", "sync-xhr", "usb", "xr-spatial-tracking",
    )
}
# Videos a reader chose to load (articles/embeds.py) may go full screen; nothing else may.
VIDEO_FRAME_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
PERMISSIONS_POLICY |= {"fullscreen": VIDEO_FRAME_ORIGINS, "picture-in-picture": VIDEO_FRAME_ORIGINS}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if env_bool("USE_X_FORWARDED_PROTO"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# One JSON object per line with the request id (newsroom/request_logging.py); plain text for `make run`.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "").strip().lower() or ("text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "newsroom.request_logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "newsroom.request_logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": LOG_FORMAT},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django logs each 4xx/5xx again; the request line and the error's own record say it already.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        "pgserver": {"level": "WARNING"},  # the embedded PostgreSQL's start and stop notes
    },
}

# Error reporting to Sentry, only when SENTRY_DSN is set.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
if SENTRY_DSN:
    from newsroom.error_reporting import start_error_reporting

    start_error_reporting(
        SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0") or 0),
    )

ARTICLES_PER_PAGE = 12
# Anonymous pages are kept this many seconds in the page cache and by proxies (0 turns it off).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)
SHARE_LINK_HOURS = env_int("SHARE_LINK_HOURS", 72)
# For a published premium article a share link gives its full text to anyone: a shorter default.
SHARE_LINK_HOURS_GATED = env_int("SHARE_LINK_HOURS_GATED", 24)

# Paywall: premium articles a registered reader without subscription may read per
# calendar month (0 turns metering off), and the proxies whose X-Forwarded-For is believed.
METERED_ARTICLES_PER_MONTH = env_int("METERED_ARTICLES_PER_MONTH", 3)
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# Shared secret of the payment system's webhook (HMAC-SHA256); empty disables the webhook.
SUBSCRIPTION_WEBHOOK_SECRET = os.environ.get("SUBSCRIPTION_WEBHOOK_SECRET", "")
SUBSCRIPTION_WEBHOOK_TOLERANCE = env_int("SUBSCRIPTION_WEBHOOK_TOLERANCE", 300)
# Stripe (card and SEPA direct debit): off unless both keys are set. STRIPE_API_BASE points the client
# elsewhere than api.stripe.com (the tests' localstripe); days of access kept after a failed payment.
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")
PAYMENT_GRACE_DAYS = env_int("PAYMENT_GRACE_DAYS", 7)
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:account"
LOGOUT_REDIRECT_URL = "website:home"
