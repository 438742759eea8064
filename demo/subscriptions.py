"""Demo plans, a licence and reader logins for a local run (one of them ordered on the site, by invoice)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from orders import services as orders
from orders.models import PaymentMethod
from subscriptions import services
from subscriptions.models import Licence, Plan

PLANS = [
    {"slug": "digital-monat", "name": "Digital-Abo", "price": "14.90", "billing_period": "month", "position": 10,
     "description": "Alle Artikel auf der Website, monatlich kündbar.",
     "benefits": "Alle Premium-Artikel\nNewsletter am Morgen\nMonatlich kündbar"},
    {"slug": "digital-jahr", "name": "Digital-Jahresabo", "price": "149.00", "billing_period": "year", "position": 20,
     "description": "Zwei Monate gratis gegenüber dem Monatsabo.",
     "benefits": "Alle Premium-Artikel\nNewsletter am Morgen\nE-Paper-Archiv"},
    {"slug": "kombi", "name": "Kombi-Abo Print + Digital", "price": "229.00", "billing_period": "year", "position": 30,
     "description": "Die gedruckte Ausgabe und alles Digitale.",
     "benefits": "Gedruckte Ausgabe jeden Monat\nAlle Premium-Artikel\nOnline-Kompaktkurse zum Vorzugspreis"},
]

# Local-only reader logins, created when DEBUG is on.
READERS = [
    {"email": "leserin@example.org", "password": "leserin-demo-2026", "plan": None},
    {"email": "abonnent@example.org", "password": "abonnent-demo-2026", "plan": "digital-jahr"},
    {"email": "praxis@example.org", "password": "praxis-demo-2026", "plan": "digital-monat", "ordered": True},
]
# The billing details of the demo reader who ordered on the site and pays by invoice.
PRACTICE = {"name": "Dr. Petra Praxis", "company": "Praxis am Markt", "vat_id": "DE123456789",
            "street": "Marktplatz 3", "postcode": "04109", "city": "Leipzig", "country": "DE"}


def load_plans():
    for data in PLANS:
        Plan.objects.get_or_create(slug=data["slug"], defaults={k: v for k, v in data.items() if k != "slug"})


def load_licence():
    Licence.objects.get_or_create(
        organisation="Klinikum Beispielstadt (Demo)",
        defaults={"email_domains": "klinikum-beispiel.de", "ip_ranges": "192.0.2.0/24", "seat_limit": 25,
                  "ends_at": timezone.now() + timedelta(days=365)},
    )


def load_readers():
    """Create the demo readers; returns (role, login, password) lines to print."""
    User = get_user_model()
    lines = []
    for data in READERS:
        user, created = User.objects.get_or_create(username=data["email"], defaults={"email": data["email"]})
        if created:
            user.set_password(data["password"])
            user.save()
            if data.get("ordered"):  # through the order flow's service, with an open invoice
                orders.place(user, Plan.objects.get(slug=data["plan"]), PRACTICE, PaymentMethod.INVOICE,
                             consented_at=timezone.now(), checkout_key=f"demo-{user.pk}")
            elif data["plan"]:
                services.grant(
                    user, Plan.objects.get(slug=data["plan"]), starts_at=timezone.now() - timedelta(days=30),
                    by=None, reason="demo content",
                )
        lines.append(("Abonnent/in" if data["plan"] else "Leser/in", data["email"], data["password"]))
    return lines
