from django.core.management.base import BaseCommand

from orders import services


class Command(BaseCommand):
    help = "Renew subscriptions paid by invoice (with their next invoice), remind of overdue invoices, lapse unpaid ones. Run daily."

    def handle(self, *args, **options):
        renewed, reminded, lapsed = services.renew_due(), services.remind_overdue(), services.lapse_unpaid()
        self.stdout.write(f"{renewed} renewed, {reminded} reminded, {lapsed} lapsed.")
