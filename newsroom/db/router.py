"""Public reads from a replica, everything else from the primary (used when DATABASE_REPLICA_URL is set).

A replica lags behind the primary by up to ``LAG_SECONDS``. So a request may
read from it only when it is a GET or HEAD outside the admin, from a reader
who has not written anything within that time (a reader who just subscribed
or changed a setting must see it), when no content changed within that time
(pages and lookups rendered now are cached under the new content generation
and must not show the old content), and only until the request itself
writes. Outside a request (commands, migrations, tests) everything uses the
primary.
"""

from contextvars import ContextVar

from django.conf import settings

from articles.freshness import seconds_since_change

REPLICA = "replica"
STICKY_COOKIE = "newsroom_primary"
LAG_SECONDS = 10

replica_allowed = ContextVar("replica_allowed", default=False)
wrote = ContextVar("wrote", default=False)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if replica_allowed.get() and not wrote.get() else "default"

    def db_for_write(self, model, **hints):
        wrote.set(True)
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the primary's data

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"


def may_read_from_replica(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith("/admin/")
        and STICKY_COOKIE not in request.COOKIES
        and seconds_since_change() > LAG_SECONDS
    )


class ReplicaRoutingMiddleware:
    """Decides per request whether reads may go to the replica; a request that wrote keeps its reader on the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if REPLICA not in settings.DATABASES:
            return self.get_response(request)
        allowed, written = replica_allowed.set(may_read_from_replica(request)), wrote.set(False)
        try:
            response = self.get_response(request)
            if wrote.get() or request.method not in ("GET", "HEAD", "OPTIONS"):
                response.set_cookie(
                    STICKY_COOKIE, "1", max_age=LAG_SECONDS, httponly=True, samesite="Lax",
                    secure=settings.SESSION_COOKIE_SECURE,
                )
            return response
        finally:
            replica_allowed.reset(allowed)
            wrote.reset(written)
