"""Creates the media bucket on the object store and lets readers fetch its files (run by deployments, e.g. compose's migrate)."""

import json

from botocore.exceptions import ClientError
from django.core.files.storage import storages
from django.core.management.base import BaseCommand
from storages.backends.s3 import S3Storage


class Command(BaseCommand):
    help = "Create the S3 bucket for uploads (S3_BUCKET) if it is missing, with public read access to its objects."

    def handle(self, *args, **options):
        storage = storages["default"]
        if not isinstance(storage, S3Storage):
            self.stdout.write("Media are stored on the local disk; no bucket to create.")
            return
        client = storage.connection.meta.client
        bucket = storage.bucket_name
        try:
            client.head_bucket(Bucket=bucket)
            self.stdout.write(f"Bucket {bucket} exists.")
        except ClientError:
            client.create_bucket(Bucket=bucket)
            self.stdout.write(f"Bucket {bucket} created.")
        public_read = {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": ["s3:GetObject"], "Resource": [f"arn:aws:s3:::{bucket}/*"]}
            ],
        }
        client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(public_read))
