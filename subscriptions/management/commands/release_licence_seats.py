from django.core.management.base import BaseCommand

from subscriptions.models import Licence
from subscriptions.services import release_seats


class Command(BaseCommand):
    help = "Free the seats of licences that have ended or no longer cover a reader's e-mail domain. Run daily (cron)."

    def handle(self, *args, **options):
        released = sum(release_seats(licence) for licence in Licence.objects.filter(seats__isnull=False).distinct())
        self.stdout.write(f"{released} licence seats released.")
