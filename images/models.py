from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .fields import SanitizedImageField
from .validators import validate_image_size

FRACTION = [MinValueValidator(0.0), MaxValueValidator(1.0)]


class ImageQuerySet(models.QuerySet):
    def usable(self, today=None):
        """Pictures readers may see: no licence expiry, or one that has not passed."""
        today = today or timezone.localdate()
        return self.filter(Q(licence_expires_on__isnull=True) | Q(licence_expires_on__gte=today))


class Image(models.Model):
    """A picture of the media library, used as hero image or in article bodies, as often as needed."""

    file = SanitizedImageField(
        _("image file"), upload_to="images/%Y/%m/", width_field="width", height_field="height",
        validators=[validate_image_size],
    )
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    alt_text = models.CharField(
        _("alternative text"), max_length=250, blank=True,
        help_text=_("Describes the picture for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(
        _("credit"), max_length=150, blank=True,
        help_text=_("Shown as “Bild: …” under the picture, e.g. “Anna Schmidt / dpa”."),
    )
    source = models.CharField(_("source or agency"), max_length=120, blank=True)
    licence = models.CharField(_("licence"), max_length=120, blank=True, help_text=_("e.g. “dpa subscription”, “CC BY 4.0”, “own photo”."))
    usage_rights = models.TextField(_("usage rights"), blank=True, help_text=_("Restrictions of use, as the licence states them."))
    licence_expires_on = models.DateField(
        _("may be shown until"), null=True, blank=True,
        help_text=_("After this day readers no longer see the picture anywhere on the site."),
    )
    focal_x = models.FloatField(_("focal point (horizontal)"), default=0.5, validators=FRACTION)
    focal_y = models.FloatField(_("focal point (vertical)"), default=0.5, validators=FRACTION)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.SET_NULL, null=True, blank=True,
        editable=False, related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.caption or self.alt_text or self.file.name.rsplit("/", 1)[-1]

    @property
    def focal_point(self):
        return (self.focal_x, self.focal_y)

    @property
    def size(self):
        return (self.width, self.height)

    def is_usable(self, today=None):
        return self.licence_expires_on is None or self.licence_expires_on >= (today or timezone.localdate())

    def warnings(self, today=None):
        """What an editor must know before using the picture."""
        found = []
        if not self.is_usable(today):
            found.append(_("Licence expired: readers no longer see this picture."))
        if not self.alt_text.strip():
            found.append(_("Alternative text missing."))
        return found

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        from .renditions import generate_renditions

        # Renditions are made once, when the picture or its focal point is saved, never while a page is served.
        transaction.on_commit(lambda: generate_renditions(self.file, self.size, self.focal_point))
