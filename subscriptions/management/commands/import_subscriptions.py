from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from subscriptions.importer import import_subscriptions


class Command(BaseCommand):
    help = "Import subscriptions from a CSV file with the columns email, plan, start, end."

    def add_arguments(self, parser):
        parser.add_argument("csv_file")
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen; change nothing.")

    def handle(self, csv_file, dry_run, **options):
        try:
            with open(csv_file, "rb") as handle:
                results = import_subscriptions(handle.read(), dry_run=dry_run)
        except (OSError, UnicodeDecodeError, ValidationError) as error:
            raise CommandError(str(error))
        for result in results:
            self.stdout.write(f"line {result.line}: {result.outcome} {result.email} {result.message}".rstrip())
        counts = {outcome: sum(r.outcome == outcome for r in results) for outcome in ("created", "updated", "unchanged", "rejected")}
        prefix = "dry run, nothing saved: " if dry_run else ""
        self.stdout.write(prefix + ", ".join(f"{count} {outcome}" for outcome, count in counts.items()))
