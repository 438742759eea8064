from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.fields.json import KeyTextTransform
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article

from .. import actions, revisions
from ..models import Revision


class RevisionsAdminMixin:
    """An article's revisions: compare any two, restore one after a confirmation, decide on proposed corrections."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/revisions/", view(self.revisions_view), name="articles_article_revisions"),
            path("<int:pk>/revisions/<int:revision_id>/restore/", view(self.restore_view), name="articles_article_restore"),
            path("<int:pk>/corrections/", view(self.corrections_view), name="articles_article_corrections"),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        return redirect("admin:articles_article_revisions", pk=object_id)

    def _article(self, request, pk):
        article = get_object_or_404(Article, pk=pk)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return article

    def _context(self, request, article, title, **context):
        return {**self.admin_site.each_context(request), "opts": self.opts, "title": title, "article": article, **context}

    def revisions_view(self, request, pk):
        article = self._article(request, pk)
        # The list shows a headline per revision; only the two compared are loaded whole.
        listed = list(
            Revision.objects.filter(article=article).defer("content").select_related("by").order_by("-pk")
            .annotate(headline=KeyTextTransform("title", "content"))
        )
        by_id = {revision.pk: revision for revision in listed}
        selected = [by_id.get(_int(request.GET.get(key))) for key in ("a", "b")]
        rows = None
        if all(selected):
            older, newer = sorted(selected, key=lambda revision: revision.pk)
            contents = dict(Revision.objects.filter(pk__in=[older.pk, newer.pk]).values_list("pk", "content"))
            rows = revisions.compare(contents[older.pk], contents[newer.pk])
        current = actions.current_revision(article)
        return TemplateResponse(request, "admin/articles/article/revisions.html", self._context(
            request, article, _("Versions of “%(title)s”") % {"title": article.title},
            revisions=listed, selected=selected, rows=rows, current=current,
            can_restore=actions.can_edit(request.user, article) or actions.can_propose_changes(request.user, article),
        ))

    def restore_view(self, request, pk, revision_id):
        """First what the restore would change, then, on the confirming POST, the restore itself."""
        article = self._article(request, pk)
        revision = get_object_or_404(Revision, pk=revision_id, article=article)
        if request.method == "POST":
            try:
                result = actions.restore_revision(article, revision, by=request.user)
            except PermissionDenied:
                messages.error(request, _("You are not allowed to do this."))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                if result is not None and result.action == Revision.Action.PROPOSE:
                    messages.info(request, _("The old version waits for an editor as a correction; the published text stays online until then."))
                else:
                    messages.success(request, _("The old version is the current one again."))
            return redirect("admin:articles_article_change", pk)
        current = actions.current_revision(article)
        rows = revisions.compare(current.content if current else {}, revision.content, fields=[
            name for name in revisions.COMPARED_FIELDS if name in revisions.RESTORED_FIELDS
        ])
        return TemplateResponse(request, "admin/articles/article/restore_confirmation.html", self._context(
            request, article, _("Restore the version of %(date)s?") % {"date": _local(revision.at)},
            revision=revision, rows=rows, goes_to_review=not actions.can_edit(request.user, article),
            live=article.is_live,
        ))

    def corrections_view(self, request, pk):
        """The proposed corrections of an article, each field by field: accept what is right, reject the rest."""
        article = self._article(request, pk)
        if request.method == "POST":
            if not actions.can_publish(request.user):
                raise PermissionDenied
            proposal = get_object_or_404(Revision, pk=_int(request.POST.get("proposal")), article=article)
            try:
                if request.POST.get("decision") == "reject":
                    actions.reject_changes(article, proposal, by=request.user, comment=request.POST.get("comment", ""))
                    messages.success(request, _("The correction was rejected; it stays in the history."))
                else:
                    actions.approve_changes(
                        article, proposal, by=request.user, fields=request.POST.getlist("fields"),
                        comment=request.POST.get("comment", ""),
                    )
                    messages.success(request, _("The chosen changes are live."))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            return redirect("admin:articles_article_corrections", pk)
        live = actions.current_revision(article)
        proposals = [
            {"revision": proposal, "rows": revisions.compare(live.content if live else {}, {
                **(live.content if live else {}), **revisions.proposed_changes(proposal),
            })}
            for proposal in actions.open_proposals(article)
        ]
        return TemplateResponse(request, "admin/articles/article/corrections.html", self._context(
            request, article, _("Proposed corrections to “%(title)s”") % {"title": article.title},
            proposals=proposals, can_decide=actions.can_publish(request.user),
        ))


def _local(moment):
    return timezone.localtime(moment).strftime("%d.%m.%Y, %H:%M")


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
