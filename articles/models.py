from collections import Counter

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from images.fields import SanitizedImageField
from images.models import Image
from images.validators import validate_image_size

from .fields import SanitizedHTMLField
from .text import character_count, german_slugify, html_preview, plain_text, reading_minutes
from .validators import validate_sponsor, validate_vgwort_pixel_url


class Access(models.TextChoices):
    """Who may read an article's full text (decided by subscriptions.access.entitlement)."""

    FREE = "free", _("Free for everyone")
    REGISTERED = "registered", _("Registered readers")
    PREMIUM = "premium", _("Subscribers (premium)")


class Category(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Shown at the top of the category page.")
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in menus and on the home page.")
    )
    default_access = models.CharField(
        _("default access"),
        max_length=20,
        choices=Access.choices,
        default=Access.FREE,
        help_text=_("Access level of articles whose primary category this is, unless the article sets its own."),
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("website:category", args=[self.slug])


class Author(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    bio = models.TextField(_("short bio"), blank=True, help_text=_("Two or three sentences for the author box."))
    photo = SanitizedImageField(
        _("photo"), upload_to="authors/", blank=True, validators=[validate_image_size],
        width_field="photo_width", height_field="photo_height",
    )
    photo_width = models.PositiveIntegerField(null=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        help_text=_("The login this author uses in the editorial system, if any."),
    )
    website = models.URLField(_("website"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn profile"), blank=True)
    xing_url = models.URLField(_("XING profile"), blank=True)
    email = models.EmailField(_("public e-mail address"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("website:author", args=[self.slug])

    @classmethod
    def profile_for(cls, user):
        """The author profile of a staff account, made from its name when it has none, so its bylines start filled."""
        name = user.get_full_name() or user.get_username()
        author = cls.objects.filter(user=user).first()
        if author is None:
            base = german_slugify(name)[:100] or "autorin"
            slug, suffix = base, 2
            while cls.objects.filter(slug=slug).exists():
                slug, suffix = f"{base}-{suffix}", suffix + 1
            author = cls.objects.create(user=user, name=name, slug=slug)
        elif author.name == user.get_username() and name != author.name:
            author.name = name  # the account got its real name after it was created
            author.save(update_fields=["name"])
        return author

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.photo:
            from images.renditions import generate_renditions

            photo, size = self.photo, (self.photo_width, self.photo_height)
            transaction.on_commit(lambda: generate_renditions(photo, size, slots=("portrait",)))


class ArticleQuerySet(models.QuerySet):
    def live(self):
        """Articles a reader may see: the one visibility rule of the site."""
        return self.filter(self.model.live_q())

    def not_live(self):
        """Drafts and articles whose publication time has not come yet."""
        return self.exclude(self.model.live_q())

    def scheduled(self, now=None):
        """Published articles whose publication time is still to come."""
        return self.filter(status=self.model.Status.PUBLISHED, published_at__gt=now or timezone.now())

    def owned_by(self, user):
        """Articles ``user`` created or is credited on as an author."""
        return self.filter(Q(created_by=user) | Q(bylines__author__user=user)).distinct()

    def with_bylines(self):
        """The primary category and the ordered authors, in a constant number of queries."""
        return self.select_related("primary_category", "image").prefetch_related(BYLINES)

    def for_cards(self):
        """What an article card shows, without the heavy columns (body, search vector)."""
        return self.with_bylines().defer("body", "search_document")

    def related_ids(self, article, limit=4, per_tag=50):
        """Ids of live articles sharing most tags with ``article`` (newest first among equals).

        Only the ``per_tag`` newest articles of each tag are candidates, so the
        cost stays the same in an archive of any size; when tags find too few,
        the newest of its categories fill up.
        """
        tag_ids = [tag.pk for tag in article.tags.all()]
        others = self.live().exclude(pk=article.pk).order_by("-published_at")
        per_tag_queries = [
            others.filter(tagged_items__tag_id=tag_id).values_list("pk", "published_at")[:per_tag] for tag_id in tag_ids
        ]
        candidates = list(per_tag_queries[0].union(*per_tag_queries[1:], all=True)) if per_tag_queries else []
        shared, published = Counter(pk for pk, _ in candidates), dict(candidates)
        ranked = sorted(shared, key=lambda pk: (shared[pk], published[pk]), reverse=True)[:limit]
        if len(ranked) < limit:
            category_ids = [category.pk for category in article.categories.all()]
            in_category = Article.categories.through.objects.filter(article_id=OuterRef("pk"), category_id__in=category_ids)
            fill = others.filter(Exists(in_category)).exclude(pk__in=ranked)
            ranked += list(fill.values_list("pk", flat=True)[: limit - len(ranked)])
        return ranked

    def refresh_public_text(self):
        """Recompute what search may index, e.g. after a category's default access changed."""
        articles = list(self.select_related("primary_category"))
        for article in articles:
            article.public_text = plain_text(article.preview_body if article.is_gated else article.body)
        Article.objects.bulk_update(articles, ["public_text"], batch_size=500)
        return len(articles)

    def in_order(self, ids):
        """The articles with these ids, in the order given."""
        by_id = {article.pk: article for article in self.filter(pk__in=ids)}
        return [by_id[pk] for pk in ids if pk in by_id]


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "review", _("In review")
        RETURNED = "returned", _("Returned for changes")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    # Fields a reporter may still correct after publication; see editorial.actions.propose_changes.
    CORRECTABLE_FIELDS = ["kicker", "title", "teaser", "body", "seo_title", "seo_description"]

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    kicker = models.CharField(
        _("kicker"), max_length=80, blank=True, help_text=_("The short line above the headline, e.g. “KI-Infrastruktur”.")
    )
    title = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=220,
        unique=True,
        blank=True,
        help_text=_("Part of the web address. Filled in from the headline; old addresses keep working when it changes."),
    )
    teaser = models.TextField(_("teaser"), help_text=_("Two or three sentences that make readers want to read on."))
    body = SanitizedHTMLField(_("body"), blank=True)
    image = models.ForeignKey(
        Image,
        verbose_name=_("image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hero_of",
        help_text=_(
            "Choose a picture from the media library with the magnifier, or upload one with the plus sign; "
            "its alternative text, caption and credit come with it."
        ),
    )
    primary_category = models.ForeignKey(
        Category,
        verbose_name=_("primary category"),
        on_delete=models.PROTECT,
        related_name="primary_articles",
        help_text=_("Decides where the article appears first; it is added to the categories below."),
    )
    categories = models.ManyToManyField(
        Category,
        verbose_name=_("categories"),
        related_name="articles",
        blank=True,
        help_text=_("Further categories the article is listed in."),
    )
    tags = TaggableManager(_("tags"), through="TaggedArticle", blank=True, help_text=_("Comma-separated keywords."))
    authors = models.ManyToManyField(
        Author, verbose_name=_("authors"), through="Byline", related_name="articles"
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Readers see a published article from this time on. Empty means now."),
    )
    expires_at = models.DateTimeField(
        _("expiry time"),
        null=True,
        blank=True,
        help_text=_("Optional: the article goes offline by itself at this time."),
    )
    first_published_at = models.DateTimeField(_("first published"), null=True, blank=True, editable=False)
    revised_at = models.DateTimeField(
        _("updated"), null=True, blank=True, editable=False,
        help_text=_("When the published text last changed; readers see “Aktualisiert am”."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="created_articles",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)
    seo_title = models.CharField(
        _("SEO title"), max_length=70, blank=True, help_text=_("Title for search engines, if it should differ from the headline.")
    )
    seo_description = models.CharField(
        _("SEO description"), max_length=160, blank=True, help_text=_("Description for search engines; the teaser is used when empty.")
    )
    reading_minutes = models.PositiveSmallIntegerField(_("reading time in minutes"), default=1, editable=False)
    access = models.CharField(
        _("access"),
        max_length=20,
        choices=Access.choices,
        blank=True,
        help_text=_("Who may read the full text. Empty: the default of the primary category."),
    )
    vgwort_pixel_url = models.URLField(
        _("VG Wort counting pixel"),
        blank=True,
        max_length=500,
        validators=[validate_vgwort_pixel_url],
        help_text=_("Address of the VG Wort Zählmarke; shown once on the full article page."),
    )
    character_count = models.PositiveIntegerField(_("characters"), default=0, editable=False)
    # What every reader may read of the body: all of it, or the public preview of a gated article.
    # Search indexes this, never the paid part (migration 0011).
    public_text = models.TextField(_("public text"), blank=True, default="", editable=False)
    # Weighted German search vector, kept up to date by a PostgreSQL trigger (migrations 0005, 0011).
    search_document = SearchVectorField(null=True, editable=False)
    preview_paragraphs = models.PositiveSmallIntegerField(
        _("public paragraphs"),
        default=2,
        help_text=_("How many paragraphs of a gated article everyone may read before the paywall."),
    )
    # Paid content (§ 22 MStV, § 6 DDG): labelled "Anzeige", kept out of Google News, its links rel="sponsored".
    is_sponsored = models.BooleanField(
        _("advertisement"), default=False, help_text=_("Paid content: shown with the label “Anzeige”."),
    )
    sponsor = models.CharField(_("sponsor"), max_length=120, blank=True, help_text=_("Who paid for it; required for an advertisement."))

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("edit_any_article", _("Can edit articles of other authors")),
            ("publish_article", _("Can publish, schedule, unpublish and return articles")),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_live_idx"),
            # Lists, counts and the sitemap walk published articles newest first; expires_at is
            # included so the whole live rule is answered from the index.
            models.Index(
                fields=["-published_at"], include=["expires_at"], condition=Q(status="published"),
                name="article_published_idx",
            ),
            models.Index(fields=["status", "-updated_at"], name="article_updated_idx"),
            # The admin searches headline, kicker and teaser with icontains (UPPER … LIKE).
            *(
                GinIndex(OpClass(Upper(field), name="gin_trgm_ops"), name=f"article_{field}_upper_trgm_idx")
                for field in ("title", "kicker", "teaser")
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        validate_sponsor(self.is_sponsored, self.sponsor)

    @staticmethod
    def live_q(now=None):
        now = now or timezone.now()
        return Q(status=Article.Status.PUBLISHED, published_at__lte=now) & (
            Q(expires_at__isnull=True) | Q(expires_at__gt=now)
        )

    @property
    def is_live(self):
        """The visibility rule of ``ArticleQuerySet.live()`` for one article."""
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and (self.expires_at is None or self.expires_at > now)
        )

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.published_at is not None and self.published_at > timezone.now()

    @property
    def is_expired(self):
        return self.status == self.Status.PUBLISHED and self.expires_at is not None and self.expires_at <= timezone.now()

    def is_owned_by(self, user):
        """Whether ``user`` created the article or is credited on it."""
        if self.created_by_id == user.pk:
            return True
        return any(byline.author.user_id == user.pk for byline in self.bylines.all())

    def get_absolute_url(self):
        return reverse("website:detail", args=[self.pk, self.slug])

    @property
    def effective_access(self):
        return self.access or self.primary_category.default_access

    @property
    def is_gated(self):
        return self.effective_access != Access.FREE

    @property
    def preview_body(self):
        """The public part of a gated body: whole top-level elements only."""
        return html_preview(self.body, self.preview_paragraphs)

    @property
    def visible_image(self):
        """The hero image as readers see it: none once its licence has expired."""
        return self.image if self.image_id and self.image.is_usable() else None

    def fill_derived_fields(self):
        """Slug when empty, reading time and characters: computed on every save and bulk import."""
        if not self.slug:
            self.slug = self._unique_slug()
        self.reading_minutes = reading_minutes(self.teaser, self.body)
        self.character_count = character_count(self.body)
        self.public_text = plain_text(self.preview_body if self.is_gated else self.body)

    def save(self, *args, **kwargs):
        """Fill the derived fields only; status, times and revisions belong to editorial.actions."""
        self.fill_derived_fields()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"], "slug", "updated_at", "reading_minutes", "character_count", "public_text"
            }
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = german_slugify(self.title)[:200] or "artikel"
        taken = set(
            Article.objects.filter(slug__startswith=base).exclude(pk=self.pk).values_list("slug", flat=True)
        )
        slug, suffix = base, 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        return slug

    @property
    def ordered_authors(self):
        return [byline.author for byline in self.bylines.all()]

    @property
    def all_categories(self):
        """The primary category first, then the others in menu order."""
        others = [c for c in self.categories.all() if c.pk != self.primary_category_id]
        return [self.primary_category, *others]


class Byline(models.Model):
    """An author credited on an article, in the order the editor chose."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, verbose_name=_("author"), on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [models.UniqueConstraint(fields=["article", "author"], name="unique_byline")]

    def __str__(self):
        return str(self.author)


class Correction(models.Model):
    """A dated note an editor attaches to a published article that said something wrong; never silently fixed."""

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="corrections")
    text = models.TextField(
        _("correction"), help_text=_("E.g. “In einer früheren Fassung hieß es, … Richtig ist …”"),
    )
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )

    class Meta:
        ordering = ["published_at", "pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        indexes = [models.Index(fields=["-published_at"], name="correction_recent_idx")]

    def __str__(self):
        return f"{self.article} ({self.published_at:%d.%m.%Y})"


class TaggedArticle(TaggedItemBase):
    """Tags on articles through a real foreign key, so tag joins use indexes."""

    content_object = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("tag assignment")
        verbose_name_plural = _("tag assignments")
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_tag")]


# The ordered authors of articles with their profiles, for every list that shows bylines.
BYLINES = Prefetch("bylines", queryset=Byline.objects.select_related("author"))
