import subprocess
import tarfile

import dj_database_url
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsroom.backup import restore


class Command(BaseCommand):
    help = "Restore a backup made by 'backup' into a database and a media folder (replacing their content)."

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument("--database-url", help="where to restore; default: the configured database")
        parser.add_argument("--media-root", help="where to put the media; default: MEDIA_ROOT")
        parser.add_argument("--yes", action="store_true", help="confirm replacing the configured database")

    def handle(self, directory, database_url, media_root, yes, **options):
        if not database_url and not yes:
            raise CommandError("This replaces the configured database. Repeat with --yes, or give --database-url.")
        database = dj_database_url.parse(database_url) if database_url else settings.DATABASES["default"]
        try:
            restore(directory, database, media_root or settings.MEDIA_ROOT)
        except (OSError, ValueError, tarfile.TarError, subprocess.CalledProcessError) as error:
            raise CommandError(f"Restore failed: {error}")
        self.stdout.write(f"Restored {directory} into {database['NAME']}.")
