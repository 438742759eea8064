"""A Stripe for tests: localstripe, and in front of it the two pages localstripe lacks.

localstripe (PyPI) is a stateful fake of Stripe's API: customers, payment
methods with card and ``sepa_debit``, setup intents, plans, subscriptions,
invoices, refunds, and webhooks signed as Stripe signs them. It has no
hosted Checkout and no customer portal; ``StripeDouble`` answers those
endpoints itself, with responses shaped like Stripe's recorded answers, and
passes every other request through to localstripe. Its Checkout page takes
a card number or an IBAN and creates the payment method in localstripe, as
Stripe's page does in Stripe.
"""

import hashlib
import hmac
import json
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread

SECRET_KEY = "sk_test_newsroom"
WEBHOOK_SECRET = "whsec_newsroom_test"
TEST_IBAN = "DE89370400440532013000"  # Stripe's SEPA test IBAN: the debit succeeds
FAILING_IBAN = "DE62370400440532013001"  # localstripe's (and Stripe's) IBAN whose debit fails
TEST_CARD = "4242424242424242"
DECLINED_CARD = "4000000000000341"  # attaches, then every charge is declined


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _flatten(params, prefix=""):
    """Stripe's form encoding: {"a": {"b": [1]}} is a[b][0]=1."""
    pairs = []
    items = params.items() if isinstance(params, dict) else enumerate(params)
    for key, value in items:
        name = f"{prefix}[{key}]" if prefix else str(key)
        if isinstance(value, (dict, list)):
            pairs += _flatten(value, name)
        else:
            pairs.append((name, value))
    return pairs


class StripeDouble:
    def __init__(self):
        self.localstripe_port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "localstripe", "--port", str(self.localstripe_port), "--from-scratch"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        self.localstripe = f"http://127.0.0.1:{self.localstripe_port}"
        self.sessions = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        Thread(target=self.server.serve_forever, daemon=True).start()
        self._wait()

    def _wait(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.call("GET", "/v1/customers")
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        raise RuntimeError("localstripe did not start")

    def stop(self):
        self.server.shutdown()
        self.process.terminate()
        self.process.wait(10)

    def call(self, method, path, params=None):
        """One request to localstripe, as the Stripe library would send it; returns the decoded answer."""
        body = urllib.parse.urlencode(_flatten(params or {})).encode() if method != "GET" else None
        query = "?" + urllib.parse.urlencode(_flatten(params)) if method == "GET" and params else ""
        request = urllib.request.Request(
            self.localstripe + path + query, data=body, method=method,
            headers={"Authorization": f"Bearer {SECRET_KEY}", "Content-Type": "application/x-www-form-urlencoded"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"{}")

    def reset(self):
        self.call("DELETE", "/_config/data")
        self.sessions.clear()
        self.deliver_webhooks_to("http://127.0.0.1:9/")  # nowhere, until a test asks

    def deliver_webhooks_to(self, url):
        self.call("POST", "/_config/webhooks/newsroom", {"url": url, "secret": WEBHOOK_SECRET})

    def complete_checkout(self, session_id, **details):
        """What the reader does on Checkout: enter card or IBAN and confirm."""
        session = self.sessions[session_id]
        method_type = session["payment_method_types"][0]
        if method_type == "sepa_debit":
            method_params = {"type": "sepa_debit", "sepa_debit": {"iban": details.get("iban", TEST_IBAN)}}
        else:
            method_params = {
                "type": "card",
                "card": {"number": details.get("card", TEST_CARD), "exp_month": 12, "exp_year": 2030, "cvc": "123"},
            }
        method = self.call("POST", "/v1/payment_methods", {**method_params, "billing_details": {"name": details.get("name", "Leser")}})
        self.call("POST", f"/v1/payment_methods/{method['id']}/attach", {"customer": session["customer"]})
        intent = self.call("POST", "/v1/setup_intents", {"customer": session["customer"], "payment_method_types": [method_type]})
        intent = self.call("POST", f"/v1/setup_intents/{intent['id']}/confirm", {"payment_method": method["id"]})
        session.update(status="complete", setup_intent=intent["id"])
        return session["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id)

    def signed(self, event):
        """A webhook delivery as Stripe makes it: the body and its Stripe-Signature header."""
        body = json.dumps(event).encode()
        return body, self.signature(body)

    def signature(self, body):
        timestamp = int(time.time())
        digest = hmac.new(WEBHOOK_SECRET.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
        return f"t={timestamp},v1={digest}"

    def event(self, kind, obj):
        return {
            "id": "evt_" + secrets.token_hex(12), "object": "event", "type": kind, "created": int(time.time()),
            "api_version": "2024-06-20", "livemode": False, "data": {"object": obj},
        }


def _handler(double):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _body(self):
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def _json(self, payload, status=200):
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _html(self, html, status=200):
            body = html.encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _redirect(self, url):
            self.send_response(303)
            self.send_header("Location", url)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self):
            path = urllib.parse.urlsplit(self.path).path
            if path.startswith("/v1/checkout/sessions/"):
                return self._session(path.rsplit("/", 1)[-1])
            if path.startswith("/checkout/"):
                return self._checkout_page(path.rsplit("/", 1)[-1])
            if path.startswith("/portal/"):
                return self._html("<!doctype html><title>Kundenportal</title><h1>Kundenportal</h1>")
            return self._proxy(None)

        def do_POST(self):
            path, body = urllib.parse.urlsplit(self.path).path, self._body()
            if path == "/v1/checkout/sessions":
                return self._create_session(urllib.parse.parse_qs(body.decode()))
            if path == "/v1/billing_portal/sessions":
                return self._create_portal(urllib.parse.parse_qs(body.decode()))
            if path.startswith("/checkout/"):
                form = urllib.parse.parse_qs(body.decode())
                session_id = path.rsplit("/", 1)[-1]
                url = double.complete_checkout(
                    session_id, iban=form.get("iban", [TEST_IBAN])[0], card=form.get("card", [TEST_CARD])[0],
                )
                return self._redirect(url)
            return self._proxy(body)

        def do_DELETE(self):
            return self._proxy(None)

        def _proxy(self, body):
            request = urllib.request.Request(
                double.localstripe + self.path, data=body, method=self.command,
                headers={key: value for key, value in self.headers.items() if key.lower() not in {"host", "content-length"}},
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    status, payload = response.status, response.read()
            except urllib.error.HTTPError as error:
                status, payload = error.code, error.read()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def _create_session(self, form):
            if not self.headers.get("Authorization", "").startswith("Bearer sk_"):
                return self._json({"error": {"type": "invalid_request_error", "message": "Invalid API Key"}}, 401)
            session_id = "cs_test_" + secrets.token_hex(12)
            session = {
                "id": session_id, "object": "checkout.session", "mode": form["mode"][0], "status": "open",
                "customer": form["customer"][0], "currency": form.get("currency", ["eur"])[0],
                "payment_method_types": [form[key][0] for key in sorted(form) if key.startswith("payment_method_types[")],
                "success_url": form["success_url"][0], "cancel_url": form["cancel_url"][0], "setup_intent": None,
                "livemode": False, "url": f"{double.url}/checkout/{session_id}",
            }
            double.sessions[session_id] = session
            self._json(session)

        def _session(self, session_id):
            session = dict(double.sessions.get(session_id) or {})
            if not session:
                return self._json({"error": {"type": "invalid_request_error", "message": "No such checkout.session"}}, 404)
            if "setup_intent" in urllib.parse.unquote(self.path) and session["setup_intent"]:
                intent = double.call("GET", f"/v1/setup_intents/{session['setup_intent']}")
                intent["payment_method"] = double.call("GET", f"/v1/payment_methods/{intent['payment_method']}")
                session["setup_intent"] = intent
            self._json(session)

        def _checkout_page(self, session_id):
            session = double.sessions.get(session_id)
            if session is None:
                return self._html("<!doctype html><title>Abgelaufen</title><p>Diese Sitzung ist abgelaufen.", 404)
            if session["payment_method_types"][0] == "sepa_debit":
                field = '<label>IBAN <input name="iban" autocomplete="off"></label>'
            else:
                field = '<label>Kartennummer <input name="card" autocomplete="off"></label>'
            self._html(
                "<!doctype html><html lang='de'><title>Zahlungsdaten</title><h1>Zahlungsdaten hinterlegen</h1>"
                f"<form method='post'>{field}<button type='submit'>Speichern</button></form>"
                f"<a href='{escape(session['cancel_url'])}'>Zurück</a></html>"
            )

        def _create_portal(self, form):
            portal_id = "bps_" + secrets.token_hex(12)
            self._json({
                "id": portal_id, "object": "billing_portal.session", "customer": form["customer"][0],
                "return_url": form["return_url"][0], "livemode": False, "url": f"{double.url}/portal/{portal_id}",
            })

    return Handler
