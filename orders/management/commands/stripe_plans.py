from django.core.management.base import BaseCommand, CommandError

from orders import stripe_billing
from subscriptions.models import Plan


class Command(BaseCommand):
    help = "Create at Stripe, under each plan's code, the active plans it does not know yet. Run after adding a plan."

    def handle(self, *args, **options):
        if not stripe_billing.is_configured():
            raise CommandError("Stripe is off: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.")
        try:
            created = stripe_billing.publish_plans(Plan.objects.filter(is_active=True))
        except stripe_billing.ProviderError as error:
            raise CommandError(f"Stripe refused: {error}")
        self.stdout.write(f"{len(created)} plans created at Stripe: {', '.join(created) or '–'}.")
