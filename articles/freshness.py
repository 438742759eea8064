"""One number that changes whenever what readers see changes.

Cached pages and cached lookups put this content generation into their keys,
so a publication, an edit, a banner or plan change makes them fresh on the next
request without anyone deleting keys. ``content_changed()`` is called for every
saved change readers could see (website.apps listens for them) and by bulk
imports. Without a reachable cache every lookup is simply computed again:
slower, never wrong.
"""

import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal

GENERATION_KEY = "content-generation"
LOOKUP_SECONDS = 300


_pinned = ContextVar("pinned_generation", default=None)
# Sent once a content change is committed (newsroom.db.router notes how far a replica must have come).
content_committed = Signal()


def generation():
    """The current content generation (a number that only grows)."""
    pinned = _pinned.get()
    if pinned is not None and pinned[0] is not None:
        return pinned[0]
    current = cache.get(GENERATION_KEY)
    if current is None:
        current = time.time_ns()  # never smaller than a generation from before a cache restart
        cache.add(GENERATION_KEY, current, timeout=None)
    if pinned is not None:
        pinned[0] = current
    return current


@contextmanager
def one_generation():
    """Within this block (one request), the generation is read from the cache once."""
    token = _pinned.set([None])
    try:
        yield
    finally:
        _pinned.reset(token)


def content_changed():
    """Start a new generation now, and again when the current transaction commits.

    The second step matters: a request that reads between the change and the
    commit would cache the old content under the new generation.
    """
    new_generation()
    transaction.on_commit(_committed)


def _committed():
    new_generation()
    content_committed.send(sender=None)


def new_generation():
    """Make everything cached so far stale; also used when the cache comes back after an outage."""
    pinned = _pinned.get()
    if pinned is not None:
        pinned[0] = None  # this request reads the new generation
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key was missing, e.g. after a cache restart
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


# Small site-wide lists every page needs, kept in this process too: their keys carry the
# generation, so a change reaches every process on its next request, without a cache round trip.
_in_process = {}
IN_PROCESS_ENTRIES = 64


def cached_lookup(name, compute, timeout=LOOKUP_SECONDS, in_process=False):
    """``compute()`` cached for the current generation; ``in_process`` for the small lists of every page."""
    key = f"lookup:{name}:{generation()}"
    if in_process and (entry := _in_process.get(key)) and entry[0] > time.monotonic():
        return entry[1]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    if in_process:
        if len(_in_process) >= IN_PROCESS_ENTRIES:
            _in_process.clear()
        _in_process[key] = (time.monotonic() + timeout, value)
    return value
