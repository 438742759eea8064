"""Validators shared by the apps."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_IMAGE_MEGABYTES = 10


def validate_image_size(file):
    """Refuse images over 10 MB with a message, before they fill the disk."""
    if file.size > MAX_IMAGE_MEGABYTES * 1024 * 1024:
        raise ValidationError(
            _("The image is larger than %(limit)d MB. Please make it smaller and upload it again."),
            params={"limit": MAX_IMAGE_MEGABYTES},
            code="image_too_large",
        )
