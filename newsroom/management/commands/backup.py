import subprocess

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsroom.backup import back_up


class Command(BaseCommand):
    help = "Back up the database (pg_dump) and the uploaded media into a directory."

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, directory, **options):
        try:
            dump, archive = back_up(directory)
        except (OSError, subprocess.CalledProcessError) as error:
            raise CommandError(f"Backup failed: {error}")
        self.stdout.write(f"Backup written: {dump} and {archive}")
        if settings.S3_BUCKET:
            self.stderr.write(
                f"Uploads are in the bucket {settings.S3_BUCKET}, not in {settings.MEDIA_ROOT}: back them up with the "
                "object store's own versioning or replication (e.g. `mc mirror`)."
            )
