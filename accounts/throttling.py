"""Brakes for the forms that attackers hammer.

Logins (the site's and the admin's) are locked by django-axes after
``AXES_FAILURE_LIMIT`` failures per account or per address, for
``AXES_COOLOFF_TIME``; the editor-in-chief unlocks in the admin ("Zugriffsversuche").
Sign-up, password reset and the payment webhook are rate-limited per address
with django-ratelimit. Both see the reader's real address behind
``TRUSTED_PROXIES``.
"""

from django.shortcuts import render

from subscriptions.access import client_address

UNKNOWN_ADDRESS = "0.0.0.0"  # requests without a usable address share one budget


def client_ip(request):
    """The reader's address as text, for axes and ratelimit."""
    address = client_address(request)
    return str(address) if address is not None else UNKNOWN_ADDRESS


def login_name(request, credentials):
    """The e-mail address or username tried, as the login forms compare it: case and spaces do not count."""
    name = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(name).strip().lower()


def rate_limited(request, exception):
    """Too many requests from one address: say so in German and when to come back."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "600"
    return response
