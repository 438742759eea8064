"""The editorial workflow as named actions: the only code that writes articles.

Each action checks the permission, validates, saves atomically and records
one Revision with the whole article as it stands afterwards; the admin, bulk
actions and the demo content only call these.
``STEPS`` at the end declares the workflow buttons once; the admin derives its
buttons, dispatch and bulk actions from it. Permissions:

- reporters (``articles.change_article``) edit their own drafts and returned
  articles and submit them; after publication they may only propose
  corrections (one open proposal per reporter, into which later ones merge),
  which wait for an editor while the published text stays online;
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
from articles.models import Article, Correction

from . import notifications
from .models import Revision
from .people import display_name
from .revisions import CORRECTED, RESTORED_FIELDS, SNAPSHOT_PREFETCH, apply, changed_fields, label, proposed_changes, snapshot

logger = logging.getLogger(__name__)
Status = Article.Status
Action = Revision.Action
Outcome = Revision.Outcome
EDITABLE_BY_REPORTER = {Status.DRAFT, Status.RETURNED}
PUBLISHABLE = {Status.DRAFT, Status.IN_REVIEW, Status.RETURNED, Status.UNPUBLISHED}
# Written by the workflow steps only, never by a plain edit.
WORKFLOW_FIELDS = {"status", "first_published_at", "created_by"}
SCHEDULING_FIELDS = {"published_at", "expires_at"}
# What readers see of an article: a change to one of these after publication is announced ("Aktualisiert am").
READER_FIELDS = {"kicker", "title", "teaser", "body", "image"}


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
    return can_publish(user) and open_proposals(article).exists()


def was_published(article):
    """Readers may have read it: correction notes are for such articles (drafts are simply fixed)."""
    return article.status == Status.PUBLISHED or article.first_published_at is not None


def open_proposals(article):
    """Corrections proposed to ``article`` that wait for an editor, oldest first."""
    return Revision.objects.filter(article=article, outcome=Outcome.OPEN).select_related("by", "based_on").order_by("at", "pk")


def current_revision(article):
    """The revision the article as saved is: the newest one that is not a proposal."""
    return Revision.objects.filter(article=article).exclude(action=Action.PROPOSE).order_by("-pk").first()


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


def _record(article, action, from_status, by, comment="", *, amend=None, **fields):
    """One revision: the action, the whole article as it stands now, the inboxes it concerns, and the log after commit.

    ``amend`` is an edit made in the same request just before a workflow step
    (the form saved, then its button ran): the step takes it over, so one
    click is one revision.
    """
    content = _content(article)
    if amend is not None and amend.action == Action.EDIT and amend.by_id == by.pk and amend.article_id == article.pk:
        revision = amend
        revision.action, revision.to_status, revision.comment, revision.content = action, article.status, comment, content
        revision.save(update_fields=["action", "to_status", "comment", "content"])
    else:
        revision = Revision.objects.create(
            article=article, action=action, from_status=from_status, to_status=article.status, by=by,
            comment=comment, content=content, **fields,
        )
    notifications.workflow_step(revision)
    transaction.on_commit(lambda: logger.info(
        "Article %s: %s by %s", article.pk, action.value, by.pk,
        extra={"article_id": article.pk, "action": action.value, "from_status": from_status,
               "to_status": article.status, "user_id": by.pk},
    ))
    return revision


def _content(article):
    """The article's snapshot as the database has it now, relations included."""
    return snapshot(Article.objects.prefetch_related(*SNAPSHOT_PREFETCH).get(pk=article.pk))


def _locked(article):
    """Re-read the article under a row lock so concurrent actions queue up."""
    return Article.objects.select_for_update().get(pk=article.pk)


def _now():
    """Now, to the second: what the form can show, so the next save does not "change" it."""
    return timezone.now().replace(microsecond=0)


def _announce_revision(article, fields, at=None):
    """A live article whose text changed says so to its readers."""
    if article.is_live and set(fields) & READER_FIELDS:
        article.revised_at = at or _now()
        article.save(update_fields=["revised_at"])


@transaction.atomic
def edit(article, changes, *, by, save_relations=None):
    """Save a plain edit of ``article`` (field name → new value), or create it when it is new.

    ``save_relations`` saves categories, tags and authors (the form's part)
    after the article's own fields; the revision is taken after both, and
    only when something changed. A reporter's edit to their own published
    article becomes a proposed correction. Returns the Revision, or None.
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
        article.save()
        if save_relations:
            save_relations()
        return _record(article, Action.CREATE, article.status, by)
    locked = _locked(article)
    if not can_edit(by, locked):
        _require(can_propose_changes(by, locked))
        if save_relations:
            save_relations()  # notes and the like; the reporter's form has no article relations after publication
        return propose_changes(locked, changes, by=by) if changes else None
    before = _content(locked)
    for field, value in changes.items():
        setattr(locked, field, value)
    if locked.status == Status.PUBLISHED and locked.published_at is None:
        locked.published_at = _now()  # an emptied publication time means now, as the form says
    locked.save()
    if save_relations:
        save_relations()
    if not (changed := changed_fields(before, _content(locked))):
        return None
    _announce_revision(locked, changed)
    return _record(locked, Action.EDIT, locked.status, by)


@transaction.atomic
def submit(article, *, by, comment="", amend=None):
    article = _locked(article)
    _require(can_submit(by, article))
    from_status = article.status
    article.status = Status.IN_REVIEW
    article.save()
    return _record(article, Action.SUBMIT, from_status, by, comment, amend=amend)


@transaction.atomic
def return_for_changes(article, *, by, comment="", amend=None):
    article = _locked(article)
    _require(can_publish(by))
    _require_status(article, Status.IN_REVIEW)
    if not comment.strip():
        raise ValidationError(_("Please tell the author what to change."), code="comment_required")
    article.status = Status.RETURNED
    article.save()
    return _record(article, Action.RETURN, Status.IN_REVIEW, by, comment, amend=amend)


@transaction.atomic
def publish(article, *, by, comment="", at=None, amend=None):
    """Publish now, or schedule for ``at``; readers see it from that time on without any job running."""
    article = _locked(article)
    _require(can_publish(by))
    _require_status(article, *PUBLISHABLE)
    if problems := publication_problems(article):
        raise ValidationError(problems, code="incomplete")
    at = (at or article.published_at or timezone.now()).replace(microsecond=0)
    if article.expires_at and article.expires_at <= at:
        raise ValidationError(_("The expiry time must lie after the publication time."), code="expires_before")
    from_status = article.status
    article.status = Status.PUBLISHED
    article.published_at = at
    article.first_published_at = article.first_published_at or at
    article.save()
    action = Action.SCHEDULE if at > timezone.now() else Action.PUBLISH
    return _record(article, action, from_status, by, comment, amend=amend)


@transaction.atomic
def unpublish(article, *, by, comment="", amend=None):
    article = _locked(article)
    _require(can_publish(by))
    _require_status(article, Status.PUBLISHED)
    article.status = Status.UNPUBLISHED
    article.save()
    return _record(article, Action.UNPUBLISH, Status.PUBLISHED, by, comment, amend=amend)


@transaction.atomic
def propose_changes(article, changes, *, by, comment=""):
    """Keep a reporter's corrections to a published article for review; the live text stays as it is.

    A reporter has at most one open proposal per article: a later one merges
    into it (field by field, the newer value wins), and a field set back to
    the live text drops out. Returns the proposal, or None when nothing is left.
    """
    locked = _locked(article)
    _require(can_propose_changes(by, locked))
    unknown = set(changes) - set(Article.CORRECTABLE_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be corrected after publication: %(fields)s")
                              % {"fields": ", ".join(sorted(unknown))}, code="not_correctable")
    if "body" in changes:
        changes = {**changes, "body": Article._meta.get_field("body").get_prep_value(changes["body"])}
    live, live_content = current_revision(locked), _content(locked)
    open_proposal = open_proposals(locked).filter(by=by).last()
    merged = {**(proposed_changes(open_proposal) if open_proposal else {}), **changes}
    merged = {name: value for name, value in merged.items() if value != live_content.get(name)}
    content = {**live_content, **merged, CORRECTED: sorted(merged)}
    if open_proposal is not None:
        if not merged:  # everything set back: the proposal is withdrawn, and stays in the history as such
            open_proposal.outcome, open_proposal.comment = Outcome.REJECTED, _("withdrawn by the author")
            open_proposal.save(update_fields=["outcome", "comment"])
            return None
        open_proposal.content, open_proposal.based_on, open_proposal.at = content, live, timezone.now()
        open_proposal.comment = comment or open_proposal.comment
        open_proposal.save(update_fields=["content", "based_on", "at", "comment"])
        return open_proposal  # the editors heard of it when it was proposed
    if not merged:
        return None
    proposal = Revision.objects.create(
        article=locked, action=Action.PROPOSE, from_status=locked.status, to_status=locked.status, by=by,
        comment=comment, content=content, based_on=live, outcome=Outcome.OPEN,
    )
    notifications.workflow_step(proposal)
    return proposal


def _open_proposal(article, proposal):
    if proposal.article_id != article.pk or proposal.outcome != Outcome.OPEN:
        raise ValidationError(_("This correction has been decided already."), code="nothing_pending")
    return proposal


@transaction.atomic
def approve_changes(article, proposal, *, by, fields=None, comment=""):
    """Take over the chosen fields of a proposed correction (all of them by default) into the live article."""
    article = _locked(article)
    _require(can_publish(by))
    proposal = _open_proposal(article, Revision.objects.select_for_update().get(pk=proposal.pk))
    proposed = proposed_changes(proposal)
    chosen = [name for name in proposed if fields is None or name in fields]
    if not chosen:
        raise ValidationError(_("Choose at least one change to accept, or reject the correction."), code="nothing_chosen")
    apply(article, proposed, chosen)
    article.save()
    _announce_revision(article, chosen)
    proposal.outcome = Outcome.ACCEPTED if len(chosen) == len(proposed) else Outcome.PARTLY_ACCEPTED
    proposal.save(update_fields=["outcome"])
    if not comment:
        comment = _("Corrections by %(name)s: %(fields)s") % {
            "name": display_name(proposal.by), "fields": ", ".join(label(name) for name in chosen),
        }
        if left := [label(name) for name in proposed if name not in chosen]:
            comment += " " + _("(not accepted: %(fields)s)") % {"fields": ", ".join(left)}
    return _record(article, Action.APPROVE, article.status, by, comment, based_on=proposal)


@transaction.atomic
def reject_changes(article, proposal, *, by, comment=""):
    """Turn a proposed correction down; it stays in the history as rejected."""
    article = _locked(article)
    _require(can_publish(by))
    proposal = _open_proposal(article, Revision.objects.select_for_update().get(pk=proposal.pk))
    proposal.outcome = Outcome.REJECTED
    proposal.save(update_fields=["outcome"])
    return _record(article, Action.REJECT, article.status, by, comment, based_on=proposal)


@transaction.atomic
def restore_revision(article, revision, *, by):
    """Bring back an older revision's text, picture, placement, access and authors as a new revision.

    The status and the schedule stay as they are. A reporter restoring their
    published article proposes the restored text as a correction instead.
    """
    article = _locked(article)
    if revision.article_id != article.pk:
        raise ValidationError(_("This version belongs to another article."), code="other_article")
    when = timezone.localtime(revision.at).strftime("%d.%m.%Y %H:%M")
    comment = _("Version of %(date)s") % {"date": when}
    if not can_edit(by, article):
        _require(can_propose_changes(by, article))
        changes = {name: revision.content[name] for name in Article.CORRECTABLE_FIELDS if name in revision.content}
        return propose_changes(article, changes, by=by, comment=comment)
    before = _content(article)
    apply(article, revision.content, RESTORED_FIELDS)
    article.save()
    article.categories.add(article.primary_category_id)
    _announce_revision(article, changed_fields(before, _content(article)))
    return _record(article, Action.RESTORE, article.status, by, comment, based_on=revision)


@transaction.atomic
def publish_correction(article, text, *, by):
    """Attach a dated correction note to a published article; readers see it, and that the article was updated."""
    article = _locked(article)
    _require(can_publish(by))
    if not was_published(article):
        raise ValidationError(_("Only a published article gets a correction note; fix a draft directly."), code="not_published")
    correction = Correction.objects.create(article=article, text=text.strip(), published_at=_now(), created_by=by)
    article.revised_at = correction.published_at
    article.save(update_fields=["revised_at"])
    _record(article, Action.EDIT, article.status, by, _("Correction published: %(text)s") % {"text": correction.text})
    return correction


@transaction.atomic
def import_published(entries, *, by, relate=None, batch_size=1000):
    """Insert articles that were published elsewhere (an archive moving from another CMS), in bulk.

    ``entries`` are (new article, its original publication time) pairs; each
    is logged as published by ``by``, with its content as it stands after
    ``relate(articles)`` added its categories, bylines and tags. Returns the
    saved articles.
    """
    _require(can_publish(by))
    articles = []
    for article, published_at in entries:
        if article.pk is not None or published_at is None:
            raise ValidationError(_("Only new articles with a publication time can be imported."), code="not_importable")
        article.status = Status.PUBLISHED
        article.published_at = article.first_published_at = published_at
        article.fill_derived_fields()
        articles.append(article)
    created = Article.objects.bulk_create(articles, batch_size=batch_size)
    transaction.on_commit(lambda: logger.info(
        "%s published articles imported by %s", len(created), by.pk,
        extra={"action": "import", "count": len(created), "user_id": by.pk},
    ))
    content_changed()  # bulk inserts send no signals for the page cache to hear
    if relate:
        relate(created)
    with_relations = Article.objects.filter(pk__in=[article.pk for article in created]).prefetch_related(*SNAPSHOT_PREFETCH)
    Revision.objects.bulk_create(
        [
            Revision(article=article, action=Action.PUBLISH, from_status=Status.DRAFT, to_status=Status.PUBLISHED,
                     by=by, at=article.published_at, comment=_("imported from the archive"), content=snapshot(article))
            for article in with_relations
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
    confirm: str = ""  # asked in the browser before the button acts, for a step readers notice at once

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
             bulk_label=gettext_lazy("Unpublish selected articles"),
             confirm=gettext_lazy("Take the article offline now? Readers will no longer find it.")),
    ]
}


def available_steps(user, article):
    """The workflow buttons ``user`` may press on ``article`` now."""
    if article.pk is None:
        return []
    return [step for step in STEPS.values() if step.allowed(user, article)]
