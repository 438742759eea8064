"""The editorial workflow as named actions: the only code that writes articles.

Each action checks the permission, validates, saves atomically and records a
Transition; the admin, bulk actions and the demo content only call these.
``STEPS`` at the end declares the workflow buttons once; the admin derives its
buttons, dispatch and bulk actions from it. Permissions:

- reporters (``articles.change_article``) edit their own drafts and returned
  articles and submit them; after publication they may only propose
  corrections, which wait for an editor while the published text stays online;
- editors (``articles.edit_any_article`` and ``articles.publish_article``)
  edit everything and publish, schedule, unpublish and return articles.
"""

import logging
from dataclasses import dataclass
from typing import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.freshness import content_changed
from articles.models import Article

from . import notifications
from .models import Transition
from .people import display_name

logger = logging.getLogger(__name__)
Status = Article.Status
Action = Transition.Action
EDITABLE_BY_REPORTER = {Status.DRAFT, Status.RETURNED}
PUBLISHABLE = {Status.DRAFT, Status.IN_REVIEW, Status.RETURNED, Status.UNPUBLISHED}
# Written by the workflow steps only, never by a plain edit.
WORKFLOW_FIELDS = {"status", "first_published_at", "version", "pending_changes", "pending_by", "pending_at", "created_by"}
SCHEDULING_FIELDS = {"published_at", "expires_at"}


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


def can_publish_now(user, article):
    return can_publish(user) and article.status in PUBLISHABLE


def can_return(user, article):
    return can_publish(user) and article.status == Status.IN_REVIEW


def can_unpublish(user, article):
    return can_publish(user) and article.status == Status.PUBLISHED


def can_review_corrections(user, article):
    return can_publish(user) and article.pending_changes is not None


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
    if article.image and not article.image.alt_text.strip():
        problems.append(_("The image needs an alternative text (in the media library)."))
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
    """The action in the article's workflow log, the inboxes it concerns, and the server log once it commits."""
    transition = Transition.objects.create(
        article=article, action=action, from_status=from_status, to_status=article.status, by=by, comment=comment
    )
    notifications.workflow_step(transition)
    transaction.on_commit(lambda: logger.info(
        "Article %s: %s by %s", article.pk, action.value, by.pk,
        extra={"article_id": article.pk, "action": action.value, "from_status": from_status,
               "to_status": article.status, "user_id": by.pk},
    ))
    return transition


def _save(article, by):
    """Every write to an article: a new version, attributed to ``by`` in the history."""
    article.version += 1
    article._history_user = by
    article.save()


def _locked(article):
    """Re-read the article under a row lock so concurrent actions queue up."""
    return Article.objects.select_for_update().get(pk=article.pk)


@transaction.atomic
def edit(article, changes, *, by, relations_changed=False):
    """Save a plain edit of ``article`` (field name → new value), or create it when it is new.

    The same permission check and log as the workflow buttons. A change to
    categories, tags or authors alone (``relations_changed``; the caller saves
    them) is a new version too, so the edit-conflict check sees it. A
    reporter's edit to their own published article becomes proposed
    corrections. Returns the Transition, or None when nothing changed.
    """
    changes = dict(changes)
    if forbidden := set(changes) & WORKFLOW_FIELDS:
        raise ValidationError(
            _("These fields change only through the workflow: %(fields)s") % {"fields": ", ".join(sorted(forbidden))},
            code="workflow_field",
        )
    if set(changes) & SCHEDULING_FIELDS:
        _require(can_publish(by))
    if article.pk is None:
        _require(by.has_perm("articles.add_article"))
        for field, value in changes.items():
            setattr(article, field, value)
        _require(article.status == Status.DRAFT)
        _require(can_publish(by) or not (article.published_at or article.expires_at))
        article.created_by = by
        _save(article, by)
        return _record(article, Action.CREATE, article.status, by)
    locked = _locked(article)
    if not can_edit(by, locked):
        _require(can_propose_changes(by, locked))
        return propose_changes(locked, changes, by=by) if changes else None
    if not changes and not relations_changed:
        return None
    for field, value in changes.items():
        setattr(locked, field, value)
    if locked.status == Status.PUBLISHED and locked.published_at is None:
        locked.published_at = timezone.now()  # an emptied publication time means now, as the form says
    _save(locked, by)
    article.version = locked.version
    return _record(locked, Action.EDIT, locked.status, by)


@transaction.atomic
def submit(article, *, by, comment=""):
    article = _locked(article)
    _require(can_submit(by, article))
    from_status = article.status
    article.status = Status.IN_REVIEW
    _save(article, by)
    return _record(article, Action.SUBMIT, from_status, by, comment)


@transaction.atomic
def return_for_changes(article, *, by, comment=""):
    article = _locked(article)
    _require(can_publish(by))
    _require_status(article, Status.IN_REVIEW)
    if not comment.strip():
        raise ValidationError(_("Please tell the author what to change."), code="comment_required")
    article.status = Status.RETURNED
    _save(article, by)
    return _record(article, Action.RETURN, Status.IN_REVIEW, by, comment)


@transaction.atomic
def publish(article, *, by, comment="", at=None):
    """Publish now, or schedule for ``at``; readers see it from that time on without any job running."""
    article = _locked(article)
    _require(can_publish(by))
    _require_status(article, *PUBLISHABLE)
    if problems := publication_problems(article):
        raise ValidationError(problems, code="incomplete")
    at = at or article.published_at or timezone.now()
    if article.expires_at and article.expires_at <= at:
        raise ValidationError(_("The expiry time must lie after the publication time."), code="expires_before")
    from_status = article.status
    article.status = Status.PUBLISHED
    article.published_at = at
    article.first_published_at = article.first_published_at or at
    _save(article, by)
    action = Action.SCHEDULE if at > timezone.now() else Action.PUBLISH
    return _record(article, action, from_status, by, comment)


@transaction.atomic
def unpublish(article, *, by, comment=""):
    article = _locked(article)
    _require(can_publish(by))
    _require_status(article, Status.PUBLISHED)
    article.status = Status.UNPUBLISHED
    _save(article, by)
    return _record(article, Action.UNPUBLISH, Status.PUBLISHED, by, comment)


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
    return _record(locked, Action.PROPOSE, locked.status, by)


@transaction.atomic
def approve_changes(article, *, by, comment=""):
    article = _locked(article)
    _require(can_publish(by))
    if article.pending_changes is None:
        raise ValidationError(_("There are no proposed corrections."), code="nothing_pending")
    for field, value in article.pending_changes.items():
        setattr(article, field, value)
    proposer = article.pending_by
    article.pending_changes = article.pending_by = article.pending_at = None
    _save(article, by)
    if not comment and proposer:
        comment = _("Corrections by %(name)s") % {"name": display_name(proposer)}
    return _record(article, Action.APPROVE, article.status, by, comment)


@transaction.atomic
def reject_changes(article, *, by, comment=""):
    article = _locked(article)
    _require(can_publish(by))
    if article.pending_changes is None:
        raise ValidationError(_("There are no proposed corrections."), code="nothing_pending")
    Article.objects.filter(pk=article.pk).update(pending_changes=None, pending_by=None, pending_at=None)
    article.pending_changes = article.pending_by = article.pending_at = None
    return _record(article, Action.REJECT, article.status, by, comment)


@transaction.atomic
def restore_version(article, historical_record, *, by):
    """Make an old version current again; the restore is itself a new version."""
    article = _locked(article)
    _require(can_edit(by, article))
    old = historical_record.instance
    for field in Article.CORRECTABLE_FIELDS + ["slug", "image_id", "primary_category_id"]:
        setattr(article, field, getattr(old, field))
    _save(article, by)
    categories = list(historical_record.categories.values_list("category_id", flat=True))
    if categories:
        article.categories.set(categories)
    return _record(
        article, Action.RESTORE, article.status, by,
        _("Version of %(date)s") % {"date": timezone.localtime(historical_record.history_date).strftime("%d.%m.%Y %H:%M")},
    )


@transaction.atomic
def import_published(entries, *, by, batch_size=1000):
    """Insert articles that were published elsewhere (an archive moving from another CMS), in bulk.

    ``entries`` are (new article, its original publication time) pairs; each
    is logged as published by ``by``. Relations (categories, bylines, tags)
    are the importer's to add afterwards. Returns the saved articles.
    """
    _require(can_publish(by))
    articles = []
    for article, published_at in entries:
        if article.pk is not None or published_at is None:
            raise ValidationError(_("Only new articles with a publication time can be imported."), code="not_importable")
        article.status = Status.PUBLISHED
        article.published_at = article.first_published_at = published_at
        article.version = 1
        article.fill_derived_fields()
        articles.append(article)
    created = Article.objects.bulk_create(articles, batch_size=batch_size)
    transaction.on_commit(lambda: logger.info(
        "%s published articles imported by %s", len(created), by.pk,
        extra={"action": "import", "count": len(created), "user_id": by.pk},
    ))
    content_changed()  # bulk inserts send no signals for the page cache to hear
    Transition.objects.bulk_create(
        [
            Transition(article=article, action=Action.PUBLISH, from_status=Status.DRAFT, to_status=Status.PUBLISHED,
                       by=by, at=article.published_at, comment=_("imported from the archive"))
            for article in created
        ],
        batch_size=batch_size,
    )
    return created


@dataclass(frozen=True)
class Step:
    """A workflow button: its log entry (name and log label), button label, who may press it, what it runs."""

    action: Action
    label: str
    allowed: Callable
    run: Callable
    needs_comment: bool = False
    bulk_label: str = ""

    @property
    def name(self):
        return self.action.value


STEPS = {
    step.name: step
    for step in [
        Step(Action.SUBMIT, gettext_lazy("Submit for review"), can_submit, submit),
        Step(Action.PUBLISH, gettext_lazy("Publish / schedule"), can_publish_now, publish,
             bulk_label=gettext_lazy("Publish selected articles")),
        Step(Action.RETURN, gettext_lazy("Return to author"), can_return, return_for_changes, needs_comment=True),
        Step(Action.UNPUBLISH, gettext_lazy("Unpublish"), can_unpublish, unpublish,
             bulk_label=gettext_lazy("Unpublish selected articles")),
        Step(Action.APPROVE, gettext_lazy("Accept corrections"), can_review_corrections, approve_changes),
        Step(Action.REJECT, gettext_lazy("Reject corrections"), can_review_corrections, reject_changes),
    ]
}


def available_steps(user, article):
    """The workflow buttons ``user`` may press on ``article`` now."""
    if article.pk is None:
        return []
    return [step for step in STEPS.values() if step.allowed(user, article)]
