"""Health endpoints for load balancers and orchestrators (django-health-check).

``/health/live`` answers 200 as long as the process serves requests; it
touches nothing else, so a database outage never gets healthy replicas
restarted. ``/health/ready`` checks the database, the cache and the media
storage and answers 503 while the database or the storage fails. A Redis
outage only slows pages down (newsroom/cache.py), and without its database
replica the site reads from the primary (newsroom/db/router.py): both are
reported as warnings, and the web server stays in rotation.

Both are answered by a middleware at the top of the stack: a probe needs no
session, page cache, HTTPS redirect or host name check (probes send the
container's own address as Host).
"""

import asyncio
import dataclasses

from asgiref.sync import async_to_sync
from health_check.checks import Cache, Database, Storage
from health_check.exceptions import HealthCheckException, ServiceWarning
from health_check.views import HealthCheckView

from newsroom.db.router import REPLICA, routing_enabled


def as_warning(error):
    return error if isinstance(error, ServiceWarning) else ServiceWarning(error.message)


@dataclasses.dataclass
class CacheCheck(Cache):
    """The cache, whose outage is a warning: the site still serves, only slower."""

    async def run(self):
        try:
            await super().run()
        except HealthCheckException as error:
            raise as_warning(error) from error


@dataclasses.dataclass
class ReplicaCheck(Database):
    """The read replica, whose outage is a warning: the primary takes over its reads."""

    alias: str = REPLICA

    def run(self):
        try:
            super().run()
        except HealthCheckException as error:
            raise as_warning(error) from error


class HealthView(HealthCheckView):
    """The library's checks, answered as JSON: 503 when a check failed, 200 with warnings only."""

    def get_checks(self):
        yield from super().get_checks()
        if self.checks and routing_enabled():
            yield ReplicaCheck()

    async def get(self, request, *args, **kwargs):
        with self.get_executor() as executor:
            self.results = await asyncio.gather(*(check.get_result(executor) for check in self.get_checks()))
        failed = any(result.error and not isinstance(result.error, ServiceWarning) for result in self.results)
        return self.render_to_response_json(503 if failed else 200)


PROBES = {
    "/health/live": HealthView.as_view(checks=()),
    "/health/ready": HealthView.as_view(checks=(Database, CacheCheck, Storage)),
}


class HealthCheckMiddleware:
    """Answers the probes before any other middleware runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path.rstrip("/"))
        if probe is None or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        return async_to_sync(probe)(request)
