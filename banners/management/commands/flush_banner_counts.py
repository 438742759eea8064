from django.core.management.base import BaseCommand

from banners.counters import flush_impressions


class Command(BaseCommand):
    help = "Add the banner impressions counted in the cache to the database. Run every few minutes (cron)."

    def handle(self, *args, **options):
        self.stdout.write(f"{flush_impressions()} banner impressions flushed.")
