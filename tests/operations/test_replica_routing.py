"""With DATABASE_REPLICA_URL, public reads go to the replica; the admin, writes and a reader who just wrote use the primary.

The test settings give a ``replica`` alias that mirrors the test database; these tests install the router.
"""

import time

import pytest
from django.core.cache import cache
from django.db import connections
from django.test.utils import CaptureQueriesContext

from articles.freshness import GENERATION_KEY, content_changed
from newsroom.db.router import LAG_SECONDS, STICKY_COOKIE
from tests.conftest import log_in

pytestmark = [
    pytest.mark.django_db(transaction=True, databases=["default", "replica"]),
    pytest.mark.usefixtures("replica_router"),
]


@pytest.fixture
def replica_router(settings):
    settings.DATABASE_ROUTERS = ["newsroom.db.router.PrimaryReplicaRouter"]


def settle():
    """Let the last content change be older than a replica's lag."""
    cache.set(GENERATION_KEY, time.time_ns() - (LAG_SECONDS + 1) * 10**9, timeout=None)


def queries_on_each(client, method, url, **kwargs):
    with CaptureQueriesContext(connections["default"]) as primary, CaptureQueriesContext(connections["replica"]) as replica:
        response = getattr(client, method)(url, **kwargs)
    return response, len(primary), len(replica)


def test_public_pages_read_from_the_replica(client, live_article):
    settle()
    response, primary, replica = queries_on_each(client, "get", live_article.get_absolute_url())
    assert response.status_code == 200 and live_article.title in response.content.decode()
    assert replica > 0 and primary == 0
    assert STICKY_COOKIE not in response.cookies


def test_right_after_a_content_change_pages_read_from_the_primary(client, live_article):
    """What is rendered now is cached under the new content generation; a lagging replica would put old content there."""
    settle()
    content_changed()
    response, primary, replica = queries_on_each(client, "get", live_article.get_absolute_url())
    assert response.status_code == 200 and primary > 0 and replica == 0


def test_the_admin_reads_from_the_primary(client, editor, live_article):
    log_in(client, "redakteur", "correct-horse-battery")
    settle()
    client.cookies.pop(STICKY_COOKIE, None)  # the login wrote; that reader would stay on the primary anyway
    response, primary, replica = queries_on_each(client, "get", f"/admin/articles/article/{live_article.pk}/change/")
    assert response.status_code == 200
    assert primary > 0 and replica == 0


def test_a_reader_who_just_wrote_reads_from_the_primary(client, live_article, reader):
    settle()
    response, primary, replica = queries_on_each(
        client, "post", "/konto/anmelden/", data={"username": "leserin", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302 and primary > 0 and replica == 0
    assert response.cookies[STICKY_COOKIE]["max-age"] > 0
    response, primary, replica = queries_on_each(client, "get", live_article.get_absolute_url())
    assert response.status_code == 200 and replica == 0


def test_reads_after_a_write_in_the_same_request_use_the_primary(rf, live_article):
    from articles.models import Article
    from newsroom.db.router import PrimaryReplicaRouter, ReplicaRoutingMiddleware

    router, seen = PrimaryReplicaRouter(), []

    def view(request):
        seen.append(router.db_for_read(Article))
        router.db_for_write(Article)
        seen.append(router.db_for_read(Article))
        from django.http import HttpResponse

        return HttpResponse()

    settle()
    response = ReplicaRoutingMiddleware(view)(rf.get("/"))
    assert seen == ["replica", "default"]
    assert STICKY_COOKIE in response.cookies
    assert router.db_for_read(Article) == "default"  # outside a request: commands and jobs use the primary
