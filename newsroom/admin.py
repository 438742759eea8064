"""Admin defaults shared by the apps."""

from django.db import models

# Addresses typed without a scheme are taken as https:// (Django 6's default).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}
