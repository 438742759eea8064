"""Redis as the cache, with a circuit breaker.

django-redis already turns a connection error into a cache miss
(``IGNORE_EXCEPTIONS``), but a Redis that stops answering costs every call its
socket timeout, and a page makes a dozen calls. After one failure this cache
skips Redis for ``PAUSE_SECONDS``, so an outage costs a page one timeout, not
twelve; then it tries again by itself. When Redis answers again, a new content
generation starts: changes made during the outage could not mark the cached
pages stale.
"""

import logging
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

from articles.freshness import new_generation

logger = logging.getLogger(__name__)
PAUSE_SECONDS = 5


class _GuardedClient:
    """Passes calls to the django-redis client unless the breaker is open; a failure opens it."""

    def __init__(self, client, breaker):
        self._client, self._breaker = client, breaker

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if not callable(attribute):
            return attribute

        def call(*args, **kwargs):
            if self._breaker.is_open():
                raise ConnectionInterrupted(connection=None)
            try:
                result = attribute(*args, **kwargs)
            except ConnectionInterrupted:
                self._breaker.open()
                raise
            if self._breaker.tripped:
                self._breaker.tripped = False
                new_generation()
            return result

        return call


class _Breaker:
    def __init__(self):
        self.open_until = 0.0
        self.tripped = False  # failed since the last successful call

    def is_open(self):
        return time.monotonic() < self.open_until

    def open(self):
        if not self.is_open():
            logger.warning("Redis does not answer: the cache is skipped for %d seconds", PAUSE_SECONDS)
        self.open_until = time.monotonic() + PAUSE_SECONDS
        self.tripped = True


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._breaker = _Breaker()

    @property
    def client(self):
        return _GuardedClient(super().client, self._breaker)
