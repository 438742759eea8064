"""Bad input from the outside never causes a 500: URLs, query strings and headers."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.crawl import iter_patterns

pytestmark = pytest.mark.django_db
ROUTES = sorted(
    {route for route, _ in iter_patterns(__import__("django.urls", fromlist=["get_resolver"]).get_resolver().url_patterns)
     if "<" in route and not route.startswith(("admin/", "^"))}
)
segment = st.text(min_size=1, max_size=40).filter(lambda text: text not in {".", ".."})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=segment)
@pytest.mark.parametrize("route", ROUTES)
def test_any_url_parameter_is_handled(client, live_article, route, value):
    import re

    url = "/" + re.sub(r"<(?:\w+:)?\w+>", quote(value, safe=""), route)
    assert client.get(url).status_code < 500


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.dictionaries(st.sampled_from(["page", "q", "rubrik", "autor", "von", "bis", "next", "x"]), st.text(max_size=60)),
    forwarded=st.text(max_size=60),
    agent=st.text(max_size=60),
)
def test_query_strings_and_headers_are_handled(client, live_article, settings, query, forwarded, agent):
    settings.TRUSTED_PROXIES = ["127.0.0.0/8"]
    printable = "".join(ch for ch in forwarded + agent if 32 <= ord(ch) < 127)
    for url in ("/", "/suche/", live_article.get_absolute_url(), "/rubrik/kurzmeldungen/", "/konto/anmelden/", "/korrekturen/"):
        response = client.get(url, query, HTTP_X_FORWARDED_FOR=printable, HTTP_USER_AGENT=printable, HTTP_REFERER=printable)
        assert response.status_code < 500


def test_bad_host_header_is_refused_politely(client):
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400
