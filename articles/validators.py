"""Validators shared by the apps."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from images.validators import validate_image_size  # noqa: F401  (the migrations use it from here)


def validate_vgwort_pixel_url(url):
    """Only VG Wort's own counting hosts: the site's content security policy allows no other image host."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host.endswith(".met.vgwort.de"):
        raise ValidationError(
            _("Please paste the address of the VG Wort counting pixel, e.g. https://vg01.met.vgwort.de/na/…"),
            code="not_vgwort",
        )


def validate_sponsor(is_sponsored, sponsor):
    """Paid content names who paid for it (§ 22 MStV, § 6 DDG): for the label "Anzeige" on articles and banners."""
    if is_sponsored and not (sponsor or "").strip():
        raise ValidationError(
            {"sponsor": ValidationError(_("An advertisement needs the name of its sponsor."), code="sponsor_required")}
        )
