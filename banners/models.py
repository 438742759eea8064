from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.validators import validate_sponsor
from images.fields import SanitizedImageField
from images.validators import validate_image_size


class BannerQuerySet(models.QuerySet):
    def running(self, now=None):
        """Active banners whose time window includes now."""
        now = now or timezone.now()
        return self.filter(
            Q(starts_at__isnull=True) | Q(starts_at__lte=now),
            Q(ends_at__isnull=True) | Q(ends_at__gt=now),
            is_active=True,
        )

    def current_and_coming(self):
        """Banners running now or later, as a list to cache; ``Banner.is_running`` picks the running ones."""
        return list(self.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=timezone.now()), is_active=True))


class Banner(models.Model):
    class Placement(models.TextChoices):
        HEADER = "header", _("strip above the header")
        IN_ARTICLE = "in_article", _("inside the article")
        SIDEBAR = "sidebar", _("sidebar")
        PAYWALL = "paywall", _("paywall box")

    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("everyone")
        ANONYMOUS = "anonymous", _("visitors who are not logged in")
        REGISTERED = "registered", _("registered readers without subscription")
        SUBSCRIBERS = "subscribers", _("subscribers")

    class Kind(models.TextChoices):
        PROMO = "promo", _("promotion (e.g. courses, events)")
        SUBSCRIPTION = "subscription", _("subscription offer")

    title = models.CharField(_("title"), max_length=120)
    text = models.CharField(_("text"), max_length=300, blank=True)
    image = SanitizedImageField(_("image"), upload_to="banners/", blank=True, validators=[validate_image_size])
    target_url = models.URLField(_("target address"), help_text=_("Where a click leads. Only this address is ever used."))
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.PROMO,
        help_text=_("Subscribers never see subscription offers."),
    )
    placement = models.CharField(_("placement"), max_length=20, choices=Placement.choices, default=Placement.HEADER)
    after_paragraph = models.PositiveSmallIntegerField(
        _("after paragraph"), default=3, help_text=_("For banners inside the article: after which paragraph.")
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    starts_at = models.DateTimeField(_("show from"), null=True, blank=True)
    ends_at = models.DateTimeField(_("show until"), null=True, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, help_text=_("Banners competing for a place are shown in proportion to their weight.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    # Paid banners (§ 22 MStV, § 6 DDG): labelled "Anzeige", their link rel="sponsored"; our own promotions are not.
    is_sponsored = models.BooleanField(
        _("advertisement"), default=False,
        help_text=_("Paid for by a third party: shown with the label “Anzeige”. Not for our own offers."),
    )
    sponsor = models.CharField(
        _("sponsor"), max_length=120, blank=True, help_text=_("Who paid for it; required for an advertisement."),
    )
    impressions = models.PositiveBigIntegerField(_("impressions"), default=0, editable=False)
    clicks = models.PositiveBigIntegerField(_("clicks"), default=0, editable=False)

    objects = BannerQuerySet.as_manager()

    class Meta:
        ordering = ["placement", "-weight", "title"]
        verbose_name = _("banner")
        verbose_name_plural = _("banners")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        validate_sponsor(self.is_sponsored, self.sponsor)

    def is_running(self, now=None):
        """The rule of ``BannerQuerySet.running`` for one banner."""
        now = now or timezone.now()
        return (
            self.is_active
            and (self.starts_at is None or self.starts_at <= now)
            and (self.ends_at is None or self.ends_at > now)
        )

    def get_click_url(self):
        return reverse("banners:click", args=[self.pk])

    def shown_to(self, reader):
        if self.kind == self.Kind.SUBSCRIPTION and reader.is_subscriber:
            return False
        return {
            self.Audience.EVERYONE: True,
            self.Audience.ANONYMOUS: not reader.is_registered,
            self.Audience.REGISTERED: reader.is_registered and not reader.is_subscriber,
            self.Audience.SUBSCRIBERS: reader.is_subscriber,
        }[self.audience]
