import logging

from csp.constants import SELF
from csp.decorators import csp_replace
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core import signing
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from articles.body import allow_embed_frames
from articles.models import Article
from subscriptions.access import Entitlement, Reason, client_address

from . import presence as editing
from .models import SHARE_LINK_SALT, DeskSettings, Notification, Revision, ShareLink
from .revisions import as_article

logger = logging.getLogger(__name__)


def render_preview(request, article, **context):
    """The real article template, marked as a preview, never cached, never indexed."""
    full_text = Entitlement(True, Reason.EDITOR)
    response = render(
        request,
        "articles/article_detail.html",
        {"article": article, "access": full_text, "preview": True, "related_articles": [], **context},
    )
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    allow_embed_frames(response, article.body)
    return response


def preview_queryset():
    return Article.objects.with_bylines().prefetch_related("categories", "tags")


@staff_member_required
def preview(request, pk):
    """Staff see any article as readers would; ``?fassung=<id>`` shows one of its revisions, e.g. a proposed correction."""
    if not request.user.has_perm("articles.view_article"):
        raise Http404
    article = get_object_or_404(preview_queryset(), pk=pk)
    wanted = request.GET.get("fassung", "")
    revision = Revision.objects.filter(article=article, pk=wanted).first() if wanted.isascii() and wanted.isdigit() else None
    return render_preview(request, as_article(article, revision.content) if revision else article)


def shared_preview(request, token):
    """An external reviewer's view of one article through a signed, expiring, revocable link."""
    try:
        link_id = signing.loads(token, salt=SHARE_LINK_SALT)
    except signing.BadSignature:
        raise Http404
    link = get_object_or_404(ShareLink.objects.valid(), pk=link_id)
    article = get_object_or_404(preview_queryset(), pk=link.article_id)
    logger.info(
        "Share link %s opened for article %s (%s) from %s",
        link.pk, article.pk, "gated" if article.is_gated else "free", client_address(request),
    )
    return render_preview(request, article, shared_link=link)


# What the unsaved preview takes from the open article form; the rest comes from the saved article.
PREVIEW_FIELDS = [
    "kicker", "title", "teaser", "body", "primary_category", "access", "preview_paragraphs", "image", "is_sponsored", "sponsor",
]


@staff_member_required
@require_POST
@xframe_options_sameorigin
@csp_replace({"frame-ancestors": [SELF]})
def unsaved_preview(request):
    """The open article form as readers would see it, in a frame beside the form; nothing is saved.

    Fields with invalid input keep their saved value, so a half-written form still shows.
    """
    if not request.user.has_perm("articles.view_article"):
        raise Http404
    pk = request.POST.get("article", "")
    # A new article has no number yet; 0 matches no bylines, categories or tags.
    article = get_object_or_404(preview_queryset(), pk=pk) if pk.isascii() and pk.isdigit() else Article(pk=0)
    posted = [name for name in PREVIEW_FIELDS if name in request.POST]  # read-only fields are not posted
    if "sponsor" in posted and "is_sponsored" not in posted:
        posted.append("is_sponsored")  # editable beside the sponsor; an unticked box posts nothing
    form = forms.modelform_factory(Article, fields=posted)(request.POST, instance=article)
    form.is_valid()  # puts the valid input on the article, which is never saved
    if article.primary_category_id is None:
        return HttpResponseBadRequest(_("Choose a primary category to see the preview."), content_type="text/plain; charset=utf-8")
    article.body = Article._meta.get_field("body").get_prep_value(article.body)  # sanitised as saving would
    article.fill_derived_fields()
    return render_preview(request, article)


@staff_member_required
@require_POST
def mark_inbox_read(request):
    Notification.objects.filter(recipient=request.user, read_at=None).update(read_at=timezone.now())
    return redirect("admin:index")


class DeskSettingsForm(forms.ModelForm):
    class Meta:
        model = DeskSettings
        fields = ["email_notifications"]


@staff_member_required
def desk_settings(request):
    """A staff member's own settings: for now, whether notifications also come by e-mail."""
    own = DeskSettings.objects.filter(user=request.user).first() or DeskSettings(user=request.user)
    form = DeskSettingsForm(request.POST if request.method == "POST" else None, instance=own)  # an unticked box posts nothing
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your settings were saved."))
        return redirect("admin:index")
    return render(request, "editorial/desk_settings.html", {
        **admin.site.each_context(request), "title": _("My settings"), "form": form,
    })


@staff_member_required
@require_POST
def presence(request, pk):
    """The heartbeat of an open article form: note who is here (or leaves), answer who else is."""
    if not request.user.has_perm("articles.view_article"):
        raise Http404
    article = get_object_or_404(Article, pk=pk)
    if request.POST.get("leave"):
        editing.gone(article, request.user)
        return JsonResponse({"others": []})
    editing.here(article, request.user)
    return JsonResponse({"others": editing.others(article, request.user)})
