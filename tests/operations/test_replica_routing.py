"""With DATABASE_REPLICA_URL, public reads go to the replica once it has replayed what they must see.

The test settings give a ``replica`` alias that mirrors the test database (a
server that is not in recovery: always up to date); these tests install the
router and, to play a replica that lags, tell the router how far it has come.
"""

import time

import pytest
from django.core.cache import cache
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.freshness import content_changed
from newsroom.db import router
from newsroom.db.router import WROTE_COOKIE, ReplicaProgress, log_number, primary_position

pytestmark = [
    pytest.mark.django_db(transaction=True, databases=["default", "replica"]),
    pytest.mark.usefixtures("replica_router"),
]


@pytest.fixture
def replica_router(settings, monkeypatch):
    settings.DATABASE_ROUTERS = [router.ROUTER]
    monkeypatch.setattr(router, "progress", ReplicaProgress())


def replica_at(position):
    """The replica has replayed the log up to ``position`` (as of now)."""
    router.progress.replayed, router.progress.checked_at = position, time.monotonic()


def queries_on_each(client, method, url, **kwargs):
    with CaptureQueriesContext(connections["default"]) as primary, CaptureQueriesContext(connections["replica"]) as replica:
        response = getattr(client, method)(url, **kwargs)
    return response, len(primary), len(replica)


def test_public_pages_read_from_a_replica_that_is_up_to_date(client, live_article):
    response, primary, replica = queries_on_each(client, "get", live_article.get_absolute_url())
    assert response.status_code == 200 and live_article.title in response.content.decode()
    assert replica > 0 and primary == 0
    assert WROTE_COOKIE not in response.cookies


def test_a_replica_that_has_not_replayed_the_last_content_change_is_not_read(client, live_article):
    """What is rendered now is cached under the new content generation; a lagging replica would put old content there."""
    live_article.title = "Neue Überschrift"
    live_article.save()
    content_changed()  # committed at once: no transaction in this test
    replica_at(log_number(primary_position()) - 1)
    response, primary, replica = queries_on_each(client, "get", live_article.get_absolute_url())
    assert "Neue Überschrift" in response.content.decode() and primary > 0 and replica == 0

    replica_at(float("inf"))  # caught up
    cache.clear()  # render again, with the queries this time (and look up the log position again: one query)
    response, primary, replica = queries_on_each(Client(), "get", live_article.get_absolute_url())
    assert "Neue Überschrift" in response.content.decode() and primary == 1 and replica > 0


def test_the_admin_reads_from_the_primary(client, editor, live_article):
    client.force_login(editor)
    response, primary, replica = queries_on_each(client, "get", f"/admin/articles/article/{live_article.pk}/change/")
    assert response.status_code == 200
    assert primary > 0 and replica == 0


def test_a_reader_who_just_wrote_reads_from_the_primary_until_the_replica_has_the_write(client, live_article, reader):
    response, primary, replica = queries_on_each(
        client, "post", "/konto/anmelden/", data={"username": "leserin", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302 and primary > 0 and replica == 0
    written = log_number(response.cookies[WROTE_COOKIE].value)

    replica_at(written - 1)
    response, primary, replica = queries_on_each(client, "get", live_article.get_absolute_url())
    assert response.status_code == 200 and primary > 0 and replica == 0

    replica_at(written)
    response, primary, replica = queries_on_each(client, "get", live_article.get_absolute_url())
    assert response.status_code == 200 and replica > 0


@pytest.mark.parametrize("cookie", ["garbage", "1/2/3", "0/" + "F" * 40])
def test_a_forged_position_cookie_only_means_reading_from_the_primary(client, live_article, cookie):
    client.cookies[WROTE_COOKIE] = cookie
    response, primary, replica = queries_on_each(client, "get", live_article.get_absolute_url())
    assert response.status_code == 200 and primary > 0 and replica == 0


def test_a_replica_that_fails_is_left_alone_and_the_primary_serves(client, live_article, monkeypatch):
    replica = connections["replica"]
    monkeypatch.setitem(replica.settings_dict, "PORT", "1")  # nobody listens there
    replica.close()
    monkeypatch.setattr(router.progress, "replayed", -1)
    response = client.get(live_article.get_absolute_url())
    assert response.status_code == 200 and live_article.title in response.content.decode()
    assert router.progress.down_until > time.monotonic()
    replica.close()


def test_reads_after_a_write_in_the_same_request_use_the_primary(rf, live_article):
    from django.http import HttpResponse

    from articles.models import Article

    routing, seen = router.PrimaryReplicaRouter(), []

    def view(request):
        seen.append(routing.db_for_read(Article))
        routing.db_for_write(Article)
        seen.append(routing.db_for_read(Article))
        return HttpResponse()

    response = router.ReplicaRoutingMiddleware(view)(rf.get("/"))
    assert seen == ["replica", "default"]
    assert WROTE_COOKIE in response.cookies
    assert routing.db_for_read(Article) == "default"  # outside a request: commands and jobs use the primary
