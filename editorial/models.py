from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article, ArticleQuerySet

SHARE_LINK_SALT = "editorial.share-link"


class Revision(models.Model):
    """One step in an article's life: who did what, when, why, and the whole article as it stood afterwards.

    Every save, workflow step, correction and restore is one revision; the live
    article is the newest one that is not a proposal. A proposed correction
    holds the live article with the reporter's changes applied and waits
    (``outcome`` open) until an editor accepts or rejects it; either way it
    stays in the history. ``content`` is ``editorial.revisions.snapshot()``.
    """

    class Action(models.TextChoices):
        """The log's vocabulary; the buttons among these are declared in ``editorial.actions.STEPS``."""

        CREATE = "create", _("created")
        EDIT = "edit", _("edited")
        SUBMIT = "submit", _("submitted for review")
        RETURN = "return", _("returned for changes")
        PUBLISH = "publish", _("published")
        SCHEDULE = "schedule", _("scheduled")
        UNPUBLISH = "unpublish", _("unpublished")
        PROPOSE = "propose", _("proposed corrections")
        APPROVE = "approve", _("approved corrections")
        REJECT = "reject", _("rejected corrections")
        RESTORE = "restore", _("restored an old version")

    class Outcome(models.TextChoices):
        """What became of a proposed correction."""

        OPEN = "open", _("waiting for review")
        ACCEPTED = "accepted", _("accepted")
        PARTLY_ACCEPTED = "partly", _("partly accepted")
        REJECTED = "rejected", _("rejected")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    from_status = models.CharField(_("from"), max_length=20, choices=Article.Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Article.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    comment = models.TextField(_("comment"), blank=True)
    content = models.JSONField(_("content"), default=dict, blank=True)
    based_on = models.ForeignKey(
        "self", verbose_name=_("based on"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text=_("For a correction: the revision it was proposed against; for a decision or a restore: what it decided or restored."),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        indexes = [
            models.Index(
                fields=["article", "by"], condition=models.Q(outcome="open"), name="revision_open_proposal_idx",
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()} ({timezone.localtime(self.at):%d.%m.%Y %H:%M})"

    @property
    def is_open_proposal(self):
        return self.outcome == self.Outcome.OPEN


class Draft(models.Model):
    """What someone typed into an article form and has not saved: kept by autosave, one per person and article.

    Never touches the article and never makes a revision; saving the form
    makes the revision and drops the draft. ``article`` is empty for an
    article that was never saved.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, null=True, related_name="+")
    based_on = models.ForeignKey(Revision, on_delete=models.SET_NULL, null=True, related_name="+")
    content = models.JSONField(default=dict)
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("autosaved draft")
        verbose_name_plural = _("autosaved drafts")
        constraints = [
            models.UniqueConstraint(fields=["user", "article"], nulls_distinct=False, name="one_draft_per_person_and_article"),
        ]


class EditorialNote(models.Model):
    """An internal remark on an article, for staff only."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="editorial_notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    text = models.TextField(_("note"))

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("editorial note")
        verbose_name_plural = _("editorial notes")

    def __str__(self):
        return self.text[:60]


def default_share_link_expiry():
    return timezone.now() + timedelta(hours=settings.SHARE_LINK_HOURS)


class ShareLinkQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ShareLink(models.Model):
    """A signed, expiring, revocable link that shows one unpublished article to someone without an account."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="share_links")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"), default=default_share_link_expiry)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("share link")
        verbose_name_plural = _("share links")

    def __str__(self):
        return str(_("Share link for “%(title)s”") % {"title": self.article.title})

    @property
    def token(self):
        return signing.dumps(self.pk, salt=SHARE_LINK_SALT)

    def get_absolute_url(self):
        return reverse("editorial:shared_preview", args=[self.token])

    @property
    def is_valid(self):
        return self.revoked_at is None and self.expires_at > timezone.now()


class ReviewQuerySet(ArticleQuerySet):
    @staticmethod
    def open_corrections():
        return Exists(Revision.objects.filter(article=OuterRef("pk"), outcome=Revision.Outcome.OPEN))

    def with_open_corrections(self):
        return self.filter(self.open_corrections())

    def awaiting_review(self):
        """Submitted articles and published ones with proposed corrections."""
        return self.filter(Q(status=Article.Status.IN_REVIEW) | self.open_corrections())


class ArticleInReview(Article):
    """The review queue in the admin: submitted articles and proposed corrections."""

    objects = ReviewQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = _("article in review")
        verbose_name_plural = _("articles in review")


class Notification(models.Model):
    """Something on the desk that a person should know: shown in their inbox, and mailed unless they opted out."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("submitted for review")
        RETURNED = "returned", _("returned for changes")
        PUBLISHED = "published", _("published")
        SCHEDULED = "scheduled", _("scheduled")
        PROPOSED = "proposed", _("correction proposed")
        APPROVED = "approved", _("correction accepted")
        REJECTED = "rejected", _("correction rejected")
        MENTIONED = "mentioned", _("mentioned in a note")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_inbox_idx")]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.article}"


class DeskSettings(models.Model):
    """A staff member's own settings for the desk."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_settings")
    email_notifications = models.BooleanField(
        _("notifications by e-mail"), default=True, help_text=_("The inbox on the start page shows them either way.")
    )

    class Meta:
        verbose_name = _("desk settings")
        verbose_name_plural = _("desk settings")


class EditingSession(models.Model):
    """Who has an article's form open, renewed by a heartbeat: shown to others, never a lock."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("editing session")
        verbose_name_plural = _("editing sessions")
        constraints = [models.UniqueConstraint(fields=["article", "user"], name="one_editing_session_per_person")]
