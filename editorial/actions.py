"""The editorial workflow as named actions.

Each action checks the permission, validates, saves atomically and records a
Transition; views and admin actions only call these. Permissions:

- reporters (``articles.change_article``) edit their own drafts and returned
  articles and submit them; after publication they may only propose
  corrections, which wait for an editor while the published text stays online;
- editors (``articles.edit_any_article`` and ``articles.publish_article``)
  edit everything and publish, schedule, unpublish and return articles.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article

from .models import Transition

Status = Article.Status
EDITABLE_BY_REPORTER = {Status.DRAFT, Status.RETURNED}


def can_publish(user):
    return user.has_perm("articles.publish_article")


def can_edit(user, article):
    """Whether ``user`` may save changes straight to ``article``."""
    if not user.has_perm("articles.change_article"):
        return False
    if article is None or article.pk is None or user.has_perm("articles.edit_any_article"):
        return True
    return article.status in EDITABLE_BY_REPORTER and article.is_owned_by(user)


def can_propose_changes(user, article):
    """Reporters correct their own published articles through review."""
    return (
        article.status == Status.PUBLISHED
        and user.has_perm("articles.change_article")
        and not user.has_perm("articles.edit_any_article")
        and article.is_owned_by(user)
    )


def can_submit(user, article):
    return article.status in EDITABLE_BY_REPORTER and can_edit(user, article)


def available_actions(user, article):
    """The transitions ``user`` may perform on ``article`` now, by name."""
    if article.pk is None:
        return []
    actions = []
    if can_submit(user, article):
        actions.append("submit")
    if can_publish(user):
        if article.status in {Status.DRAFT, Status.IN_REVIEW, Status.RETURNED, Status.UNPUBLISHED}:
            actions.append("publish")
        if article.status == Status.IN_REVIEW:
            actions.append("return")
        if article.status == Status.PUBLISHED:
            actions.append("unpublish")
        if article.pending_changes is not None:
            actions += ["approve", "reject"]
    return actions


def publication_problems(article):
    """What stops ``article`` from being published, as messages for the editor."""
    problems = []
    if not article.title.strip():
        problems.append(_("The article needs a headline."))
    if not article.teaser.strip():
        problems.append(_("The article needs a teaser."))
    if not article.body.strip():
        problems.append(_("The article needs a body text."))
    if not article.categories.exists():
        problems.append(_("The article needs at least one category."))
    if not article.bylines.exists():
        problems.append(_("The article needs at least one author."))
    if article.hero_image and not article.hero_image_alt.strip():
        problems.append(_("The image needs an alternative text."))
    return problems


def _require(allowed):
    if not allowed:
        raise PermissionDenied(_("You are not allowed to do this."))


def _require_status(article, *statuses):
    if article.status not in statuses:
        raise ValidationError(
            _("This is not possible while the article is “%(status)s”.") % {"status": article.get_status_display()},
            code="wrong_status",
        )


def _record(article, action, from_status, by, comment=""):
    return Transition.objects.create(
        article=article, action=action, from_status=from_status, to_status=article.status, by=by, comment=comment
    )


def _save(article, by):
    article._history_user = by
    article.save()


def _locked(article):
    """Re-read the article under a row lock so concurrent actions queue up."""
    return Article.objects.select_for_update().get(pk=article.pk)


@transaction.atomic
def submit(article, *, by):
    article = _locked(article)
    _require(can_submit(by, article))
    from_status = article.status
    article.status = Status.IN_REVIEW
    _save(article, by)
    return _record(article, Transition.Action.SUBMIT, from_status, by)


@transaction.atomic
def return_for_changes(article, *, by, comment):
    article = _locked(article)
    _require(can_publish(by))
    _require_status(article, Status.IN_REVIEW)
    if not comment.strip():
        raise ValidationError(_("Please tell the author what to change."), code="comment_required")
    article.status = Status.RETURNED
    _save(article, by)
    return _record(article, Transition.Action.RETURN, Status.IN_REVIEW, by, comment)


@transaction.atomic
def publish(article, *, by, at=None):
    """Publish now, or schedule for ``at``; readers see it from that time on without any job running."""
    article = _locked(article)
    _require(can_publish(by))
    _require_status(article, Status.DRAFT, Status.IN_REVIEW, Status.RETURNED, Status.UNPUBLISHED)
    if problems := publication_problems(article):
        raise ValidationError(problems, code="incomplete")
    at = at or article.published_at or timezone.now()
    if article.expires_at and article.expires_at <= at:
        raise ValidationError(_("The expiry time must lie after the publication time."), code="expires_before")
    from_status = article.status
    article.status = Status.PUBLISHED
    article.published_at = at
    _save(article, by)
    action = Transition.Action.SCHEDULE if at > timezone.now() else Transition.Action.PUBLISH
    return _record(article, action, from_status, by)


@transaction.atomic
def unpublish(article, *, by, comment=""):
    article = _locked(article)
    _require(can_publish(by))
    _require_status(article, Status.PUBLISHED)
    article.status = Status.UNPUBLISHED
    _save(article, by)
    return _record(article, Transition.Action.UNPUBLISH, Status.PUBLISHED, by, comment)


@transaction.atomic
def propose_changes(article, changes, *, by):
    """Keep a reporter's corrections to a published article for review; the live text stays as it is."""
    locked = _locked(article)
    _require(can_propose_changes(by, locked))
    unknown = set(changes) - set(Article.CORRECTABLE_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be corrected after publication: %(fields)s")
                              % {"fields": ", ".join(sorted(unknown))}, code="not_correctable")
    body_field = Article._meta.get_field("body")
    if "body" in changes:
        changes = {**changes, "body": body_field.get_prep_value(changes["body"])}
    locked.pending_changes = changes
    locked.pending_by = by
    locked.pending_at = timezone.now()
    Article.objects.filter(pk=locked.pk).update(
        pending_changes=locked.pending_changes, pending_by=by, pending_at=locked.pending_at
    )
    return _record(locked, Transition.Action.PROPOSE, locked.status, by)


@transaction.atomic
def approve_changes(article, *, by):
    article = _locked(article)
    _require(can_publish(by))
    if article.pending_changes is None:
        raise ValidationError(_("There are no proposed corrections."), code="nothing_pending")
    for field, value in article.pending_changes.items():
        setattr(article, field, value)
    proposer = article.pending_by
    article.pending_changes = article.pending_by = article.pending_at = None
    _save(article, by)
    comment = _("Corrections by %(name)s") % {"name": proposer.get_username()} if proposer else ""
    return _record(article, Transition.Action.APPROVE, article.status, by, comment)


@transaction.atomic
def reject_changes(article, *, by, comment=""):
    article = _locked(article)
    _require(can_publish(by))
    if article.pending_changes is None:
        raise ValidationError(_("There are no proposed corrections."), code="nothing_pending")
    Article.objects.filter(pk=article.pk).update(pending_changes=None, pending_by=None, pending_at=None)
    article.pending_changes = article.pending_by = article.pending_at = None
    return _record(article, Transition.Action.REJECT, article.status, by, comment)


@transaction.atomic
def restore_version(article, historical_record, *, by):
    """Make an old version current again; the restore is itself a new version."""
    article = _locked(article)
    _require(can_edit(by, article))
    old = historical_record.instance
    for field in Article.CORRECTABLE_FIELDS + ["slug", "hero_image", "primary_category_id"]:
        setattr(article, field, getattr(old, field))
    _save(article, by)
    categories = list(historical_record.categories.values_list("category_id", flat=True))
    if categories:
        article.categories.set(categories)
    return _record(
        article, Transition.Action.RESTORE, article.status, by,
        _("Version of %(date)s") % {"date": timezone.localtime(historical_record.history_date).strftime("%d.%m.%Y %H:%M")},
    )
