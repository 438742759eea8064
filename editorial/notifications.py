"""Who hears of what happens on the desk: in their inbox on the admin's start page, and by e-mail.

Notifications are written in the transaction of the workflow step, so a step
that is rolled back notifies nobody. The e-mails go out after the commit, in a
thread of their own: a slow or failing mail server delays no request and loses
no step (the notification stays in the inbox, not marked as e-mailed).
"""

import logging
import re
import threading

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.sites.models import Site
from django.core.mail import send_mail
from django.db import connections, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Notification, Revision
from .people import display_name

logger = logging.getLogger(__name__)
Kind = Notification.Kind
Action = Revision.Action
MENTION = re.compile(r"(?<![\w@])@([\w.+-]+)")

KIND_OF_STEP = {
    Action.SUBMIT: Kind.SUBMITTED,
    Action.RETURN: Kind.RETURNED,
    Action.PUBLISH: Kind.PUBLISHED,
    Action.SCHEDULE: Kind.SCHEDULED,
    Action.PROPOSE: Kind.PROPOSED,
    Action.APPROVE: Kind.APPROVED,
    Action.REJECT: Kind.REJECTED,
}


def editors():
    """Staff who may publish: they review submissions and corrections."""
    publish = Permission.objects.get(content_type__app_label="articles", codename="publish_article")
    return set(
        get_user_model().objects.filter(is_active=True, is_staff=True)
        .filter(Q(groups__permissions=publish) | Q(user_permissions=publish) | Q(is_superuser=True)).distinct()
    )


def authors_of(article):
    """The staff behind an article: its authors' accounts and whoever created it."""
    users = {byline.author.user for byline in article.bylines.select_related("author__user") if byline.author.user_id}
    if article.created_by_id:
        users.add(article.created_by)
    return {user for user in users if user.is_active}


def proposer_of(decision):
    """Who proposed the correction that ``decision`` accepted or rejected."""
    proposal = decision.based_on
    return {proposal.by} if proposal and proposal.by and proposal.by.is_active else set()


RECIPIENTS = {
    Kind.SUBMITTED: lambda revision: editors(),
    Kind.PROPOSED: lambda revision: editors(),
    Kind.RETURNED: lambda revision: authors_of(revision.article),
    Kind.PUBLISHED: lambda revision: authors_of(revision.article),
    Kind.SCHEDULED: lambda revision: authors_of(revision.article),
    Kind.APPROVED: proposer_of,
    Kind.REJECTED: proposer_of,
}


def workflow_step(revision):
    """Tell the people a revision's workflow step concerns (never the person who took it)."""
    kind = KIND_OF_STEP.get(revision.action)
    if kind is not None:
        notify(RECIPIENTS[kind](revision) - {revision.by}, kind, revision.article, revision.by, revision.comment)


def note_written(note):
    """Tell the staff an editorial note mentions with @username."""
    names = set(MENTION.findall(note.text))
    if not names:
        return
    wanted = Q()
    for name in names:
        wanted |= Q(username__iexact=name)
    mentioned = set(get_user_model().objects.filter(wanted, is_active=True, is_staff=True))
    notify(mentioned - {note.author}, Kind.MENTIONED, note.article, note.author, note.text)


def notify(recipients, kind, article, actor, text=""):
    if not recipients:
        return
    created = Notification.objects.bulk_create(
        Notification(recipient=recipient, kind=kind, article=article, actor=actor, text=text) for recipient in recipients
    )
    ids = [notification.pk for notification in created]
    transaction.on_commit(lambda: in_background(deliver, ids))


def in_background(function, *args):
    """Run ``function`` in a thread of its own, with database connections of its own that it closes.

    The test settings run it at once instead (``NOTIFICATION_EMAILS_IN_BACKGROUND``), so no thread
    outlives the test that started it.
    """
    if not settings.NOTIFICATION_EMAILS_IN_BACKGROUND:
        return function(*args)

    def run():
        try:
            function(*args)
        finally:
            connections.close_all()

    threading.Thread(target=run, daemon=True).start()


def wants_email(user):
    desk_settings = getattr(user, "desk_settings", None)
    return bool(user.email) and (desk_settings is None or desk_settings.email_notifications)


def deliver(ids):
    """E-mail the given notifications to those who want e-mails; a failure is logged and the inbox keeps them."""
    pending = Notification.objects.filter(pk__in=ids, emailed_at=None).select_related(
        "recipient__desk_settings", "article", "actor"
    )
    with translation.override(settings.LANGUAGE_CODE):
        for notification in pending:
            if not wants_email(notification.recipient):
                continue
            try:
                send_mail(*message(notification), None, [notification.recipient.email])
            except Exception:
                logger.warning("Notification %s not e-mailed", notification.pk, exc_info=True)
                continue
            Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


def message(notification):
    """Subject and text of the e-mail."""
    article = notification.article
    link = f"https://{Site.objects.get_current().domain}{reverse('admin:articles_article_change', args=[article.pk])}"
    subject = f"{notification.get_kind_display()}: {article.title}"
    lines = [
        _("%(name)s – %(what)s: “%(title)s”") % {
            "name": display_name(notification.actor), "what": notification.get_kind_display(), "title": article.title,
        },
    ]
    if notification.text:
        lines += ["", notification.text]
    lines += ["", link, "", _("You can turn these e-mails off in the editorial system under “My settings”.")]
    return subject, "\n".join(lines)
