from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.views.decorators.http import require_POST

from articles.models import Article

from .. import actions
from ..models import Draft, Revision

# What autosave keeps of the form: the writing and where it goes, not publication, access or authors.
AUTOSAVED_FIELDS = ["kicker", "title", "slug", "teaser", "body", "seo_title", "seo_description", "primary_category", "tags"]
# Of these, what a recovery puts back into the form of a saved article (its tags are saved with the form only).
RECOVERED_ON_CHANGE = ["kicker", "title", "slug", "teaser", "body", "seo_title", "seo_description", "primary_category"]
# Form inputs longer than this are not kept (the form itself would refuse them anyway).
LONGEST_FIELD = 500_000


class AutosaveAdminMixin:
    """Drafts saved from the form every few seconds (editorial/static/editorial/autosave.js), and their recovery.

    An autosave writes the user's ``Draft`` only; the article and its
    revisions stay as they are until the form is saved. Reopening the form
    offers a draft that differs from the article; ``?autosave=1`` puts it
    into the form, together with the revision it was typed on, so a save
    meanwhile by someone else shows up as a conflict.
    """

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("add/autosave/", view(require_POST(self.autosave_view)), name="articles_article_autosave_new"),
            path("<int:pk>/autosave/", view(require_POST(self.autosave_view)), name="articles_article_autosave"),
            path("<int:pk>/autosave/discard/", view(require_POST(self.discard_draft_view)), name="articles_article_discard_draft"),
            path("add/autosave/discard/", view(require_POST(self.discard_draft_view)), name="articles_article_discard_new_draft"),
            *super().get_urls(),
        ]

    def autosave_view(self, request, pk=None):
        article = get_object_or_404(Article, pk=pk) if pk else None
        if not (self.has_change_permission(request, article) if article else self.has_add_permission(request)):
            raise PermissionDenied
        content = {name: request.POST.get(name, "") for name in AUTOSAVED_FIELDS if name in request.POST}
        if "categories" in request.POST:
            content["categories"] = request.POST.getlist("categories")
        if any(len(value) > LONGEST_FIELD for value in content.values()):
            return JsonResponse({"error": "too long"}, status=400)
        if "body" in content:
            content["body"] = Article._meta.get_field("body").get_prep_value(content["body"])
        opened = request.POST.get("opened_revision", "")
        based_on = Revision.objects.filter(article=article, pk=opened).first() if article and opened.isascii() and opened.isdigit() else None
        draft, _created = Draft.objects.update_or_create(
            user=request.user, article=article,
            defaults={"content": content, "based_on": based_on, "saved_at": timezone.now()},
        )
        return JsonResponse({"saved_at": time_format(timezone.localtime(draft.saved_at), "H:i:s")})

    def discard_draft_view(self, request, pk=None):
        Draft.objects.filter(user=request.user, article_id=pk).delete()
        return redirect(reverse("admin:articles_article_change", args=[pk]) if pk else reverse("admin:articles_article_add"))

    def unsaved_draft(self, request, article):
        """The user's autosaved draft of ``article`` (None: a new one) when it holds something the article does not."""
        draft = Draft.objects.filter(user=request.user, article=article).first()
        if draft is None:
            return None
        if article is None:
            return draft if any(draft.content.get(name) for name in RECOVERED_ON_CHANGE) else None
        changed = any(draft.content[name] != str(getattr(article, _attribute(name)) or "")
                      for name in RECOVERED_ON_CHANGE if name in draft.content)
        return draft if changed else None

    def autosave_context(self, request, article):
        recovering = request.GET.get("autosave") == "1"
        draft = None if recovering else self.unsaved_draft(request, article)
        args = [article.pk] if article else []
        suffix = "" if article else "_new"
        return {
            "autosave_url": reverse(f"admin:articles_article_autosave{suffix}", args=args),
            "unsaved_draft": draft,
            "draft_recovered": recovering,
            "discard_draft_url": reverse(f"admin:articles_article_discard{'_new' if not article else ''}_draft", args=args),
        }

    def recovered(self, request, article):
        """``article`` with the user's draft put in, when the user asked for it (``?autosave=1``)."""
        if request.method != "GET" or request.GET.get("autosave") != "1":
            return article
        draft = self.unsaved_draft(request, article)
        if draft is None:
            return article
        for name in RECOVERED_ON_CHANGE:
            if name in draft.content and (name != "primary_category" or draft.content[name].isdigit()):
                setattr(article, _attribute(name), draft.content[name])
        article.opened_revision = draft.based_on_id or (actions.current_revision(article) or Revision()).pk
        return article


def _attribute(name):
    """The article attribute a form field's posted value goes to."""
    return "primary_category_id" if name == "primary_category" else name
