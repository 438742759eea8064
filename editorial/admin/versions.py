from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from articles.models import Article

from .. import actions
from ..history import compare


class VersionsAdminMixin:
    """The article's saved versions: compare any two, restore one."""

    def get_urls(self):
        return [
            path("<int:pk>/versions/", self.admin_site.admin_view(self.versions_view), name="articles_article_versions"),
            path(
                "<int:pk>/versions/<int:history_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="articles_article_restore",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        return redirect("admin:articles_article_versions", pk=object_id)

    def versions_view(self, request, pk):
        article = get_object_or_404(Article, pk=pk)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        versions = list(article.history.select_related("history_user").order_by("-history_date"))
        by_id = {version.history_id: version for version in versions}
        selected = [by_id.get(_int(request.GET.get(key))) for key in ("a", "b")]
        rows = None
        if all(selected):
            older, newer = sorted(selected, key=lambda version: version.history_date)
            rows = compare(older, newer)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Versions of “%(title)s”") % {"title": article.title},
            "article": article,
            "versions": versions,
            "selected": selected,
            "rows": rows,
            "can_restore": actions.can_edit(request.user, article),
        }
        return TemplateResponse(request, "admin/articles/article/versions.html", context)

    def restore_view(self, request, pk, history_id):
        article = get_object_or_404(Article, pk=pk)
        record = get_object_or_404(article.history.all(), history_id=history_id)
        if request.method != "POST":
            return redirect("admin:articles_article_versions", pk=pk)
        try:
            actions.restore_version(article, record, by=request.user)
        except PermissionDenied:
            messages.error(request, _("You are not allowed to do this."))
        else:
            messages.success(request, _("The old version is the current one again."))
        return redirect("admin:articles_article_change", pk)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
