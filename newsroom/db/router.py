"""Public reads from a replica, everything else from the primary (when DATABASE_REPLICA_URL is set).

A request may read from the replica when it is a GET or HEAD outside the
admin, and only until it writes itself. A replica lags behind the primary, so
it must also have replayed the primary's write-ahead log up to

- the last committed content change (its position is noted in the cache when
  the change commits): pages and lookups rendered now are cached under the
  new content generation and must not show what was there before, and
- the reader's own last write (the position travels in a cookie): a reader
  who just logged in, subscribed or changed a setting must see it.

Otherwise, and while the replica does not answer, the request reads from the
primary. Outside a request (commands, migrations, jobs) everything does.
"""

import logging
import re
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections
from django.dispatch import receiver

from articles.freshness import content_committed

logger = logging.getLogger(__name__)

ROUTER = "newsroom.db.router.PrimaryReplicaRouter"
REPLICA = "replica"
CONTENT_POSITION_KEY = "replica:content-position"
WROTE_COOKIE = "newsroom_wrote"
WROTE_COOKIE_SECONDS = 300
LOG_POSITION = re.compile(r"^[0-9A-F]{1,8}/[0-9A-F]{1,8}$")
CHECK_SECONDS = 1.0  # how often a process asks the replica how far it has come
DOWN_SECONDS = 30  # how long a replica that failed is left alone

replica_allowed = ContextVar("replica_allowed", default=False)
wrote = ContextVar("wrote", default=False)


def routing_enabled():
    return ROUTER in settings.DATABASE_ROUTERS


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


def log_number(position):
    """A write-ahead log position ('16/B374D848') as a number that grows with the log."""
    high, low = position.split("/")
    return (int(high, 16) << 32) + int(low, 16)


def primary_position():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        return cursor.fetchone()[0]


class ReplicaProgress:
    """How far this process last saw the replica: asked at most every CHECK_SECONDS, left alone when it fails."""

    def __init__(self):
        self.replayed, self.checked_at, self.down_until = -1, float("-inf"), 0.0

    def reached(self, position):
        now = time.monotonic()
        if now < self.down_until:
            return False
        if self.replayed >= position:
            return True
        if now - self.checked_at < CHECK_SECONDS:
            return False
        self.checked_at = now
        try:
            with connections[REPLICA].cursor() as cursor:
                cursor.execute("SELECT pg_last_wal_replay_lsn()::text")
                replayed = cursor.fetchone()[0]
        except DatabaseError:
            logger.warning("Database replica unavailable; reading from the primary", exc_info=True)
            self.down_until = now + DOWN_SECONDS
            connections[REPLICA].close()
            return False
        # A server that is not in recovery replays nothing: it is a primary, or one with the same data.
        self.replayed = float("inf") if replayed is None else log_number(replayed)
        return self.replayed >= position


progress = ReplicaProgress()


def content_position():
    """The primary's log position after the last content change (the current one, if the cache forgot it)."""
    position = cache.get(CONTENT_POSITION_KEY)
    if position is None:
        position = primary_position()
        cache.add(CONTENT_POSITION_KEY, position, timeout=None)
    return log_number(position)


@receiver(content_committed)
def note_content_position(**kwargs):
    if routing_enabled():
        cache.set(CONTENT_POSITION_KEY, primary_position(), timeout=None)


def may_read_from_replica(request):
    if request.method not in ("GET", "HEAD") or request.path.startswith("/admin/"):
        return False
    own_write = request.COOKIES.get(WROTE_COOKIE, "")
    if own_write and not LOG_POSITION.match(own_write):
        return False
    needed = max(content_position(), log_number(own_write) if own_write else 0)
    return progress.reached(needed)


class ReplicaRoutingMiddleware:
    """Decides per request whether reads may go to the replica; a reader who wrote carries the position along."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not routing_enabled():
            return self.get_response(request)
        allowed, written = replica_allowed.set(may_read_from_replica(request)), wrote.set(False)
        try:
            response = self.get_response(request)
            if wrote.get():
                response.set_cookie(
                    WROTE_COOKIE, primary_position(), max_age=WROTE_COOKIE_SECONDS, httponly=True, samesite="Lax",
                    secure=settings.SESSION_COOKIE_SECURE,
                )
            return response
        finally:
            replica_allowed.reset(allowed)
            wrote.reset(written)
