import time

from django.core.management.base import BaseCommand, CommandError

from demo.archive import generate


class Command(BaseCommand):
    help = "Add N realistic live articles (ten years of archive) for benchmarks and scale tests."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)

    def handle(self, count, **options):
        if count < 1:
            raise CommandError("Give a positive number of articles.")
        started = time.monotonic()
        made = generate(count, progress=lambda done: self.stdout.write(f"  {done} / {count}"))
        self.stdout.write(f"{made} articles generated in {time.monotonic() - started:.0f} s.")
