"""Security headers by the rules of Mozilla's HTTP Observatory, on public pages, the admin and error pages."""

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db
PRODUCTION = {"DEBUG": False, "SECURE_SSL_REDIRECT": False}  # the redirect itself is covered by check --deploy


def headers(url, client=None):
    with override_settings(**PRODUCTION):
        return (client or Client()).get(url, secure=True)


@pytest.mark.parametrize("url", ["/", "/suche/?q=x", "/konto/anmelden/", "/gibt-es-nicht/", "/feed/rss/"])
def test_public_responses_carry_the_security_headers(url, live_article):
    response = headers(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "geolocation=()", "microphone=()", "payment=()"):
        assert feature in policy
    # Only videos a reader chose to load may go full screen.
    assert 'fullscreen=("https://www.youtube-nocookie.com" "https://player.vimeo.com")' in policy
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    script_src = next(part for part in csp.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "*" not in script_src


def test_hsts_with_preload_in_production(live_article):
    hsts = headers("/")["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts and "preload" in hsts


def test_cookies_are_secure_httponly_and_samesite(reader):
    with override_settings(**PRODUCTION, SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True):
        client = Client()
        response = client.get("/konto/anmelden/", secure=True)
        csrf = response.cookies["csrftoken"]
        assert csrf["secure"] and csrf["samesite"] == "Lax"
        token = csrf.value
        response = client.post("/konto/anmelden/", {"username": reader.username, "password": "correct-horse-battery",
                                                   "csrfmiddlewaretoken": token}, secure=True)
        session = response.cookies["sessionid"]
        assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
