from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.admin import HTTPS_URLS, RichTextAdminMixin
from articles.body import figure_image_ids
from articles.search import matches
from articles.models import BYLINES, Article, Byline, Correction
from images.models import Image
from images.renditions import thumbnail_url

from .. import actions, notifications, presence, revisions
from ..forms import ArticleAdminForm
from ..models import Draft, EditorialNote, ReviewQuerySet, Revision, ShareLink
from .filters import AuthorFilter, CategoryFilter, MineFilter, StateFilter, TagFilter, VGWortFilter
from .inlines import BylineInline, CorrectionInline, EditorialNoteInline, ShareLinkInline
from .pagination import CappedCountPaginator
from .autosave import AutosaveAdminMixin
from .revisions import RevisionsAdminMixin


# Fields with a live character counter, and their limit (None: the field's max_length). The teaser's is a
# recommendation: what search results and cards show before they cut.
COUNTED_FIELDS = {"title": None, "teaser": 300, "seo_title": None, "seo_description": None}
# The article list's search in the text takes the newest this many matches: a common word is in half the archive.
TEXT_MATCHES = 1000


@dataclass(frozen=True)
class SavedEdit:
    """What the form's save did, for the workflow button pressed with it."""

    revision: Revision | None = None
    taken_over: list = field(default_factory=list)


def pictures_in(article):
    """The library pictures an article shows, with where: (picture, "Bild" or "Bild im Text „caption“")."""
    found = [(article.image, _("Image"))] if article.image else []
    in_body = Image.objects.filter(pk__in=figure_image_ids(article.body)) if article.body else []
    found += [(image, _("Image in the text “%(name)s”") % {"name": image}) for image in in_body]
    return found


def bulk_action(step):
    """An admin bulk action that runs ``step`` on each selected article."""

    def run(model_admin, request, queryset):
        if request.POST.get("confirmed") != "yes":  # first a page that says what will happen, as deleting does
            return TemplateResponse(request, "admin/articles/article/confirm_bulk_action.html", {
                **model_admin.admin_site.each_context(request),
                "title": step.bulk_label, "step": step, "action": request.POST.get("action"),
                "articles": list(queryset), "opts": model_admin.model._meta,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            })
        done = 0
        for article in queryset:
            try:
                step.run(article, by=request.user)
                done += 1
            except (ValidationError, PermissionDenied) as error:
                reasons = error.messages if isinstance(error, ValidationError) else [str(error)]
                messages.warning(request, f"„{article.title}“: {' '.join(reasons)}")
                continue
            article.refresh_from_db()
            if article.is_expired:
                messages.warning(request, _("“%(title)s” is past its expiry time: readers do not see it.") % {"title": article.title})
        if done:
            messages.success(request, ngettext("%(count)d article changed.", "%(count)d articles changed.", done) % {"count": done})

    run.__name__ = f"{step.name}_selected"
    return admin.action(description=step.bulk_label, permissions=["publish"])(run)


@admin.register(Article)
class ArticleAdmin(RichTextAdminMixin, AutosaveAdminMixin, RevisionsAdminMixin, admin.ModelAdmin):
    """The writing desk: every save and every workflow button goes through ``editorial.actions``."""

    form = ArticleAdminForm
    formfield_overrides = HTTPS_URLS
    inlines = [BylineInline, CorrectionInline, EditorialNoteInline, ShareLinkInline]
    list_display = ["thumbnail", "title", "state", "primary_category", "author_names", "published_at", "updated_at"]
    list_display_links = ["thumbnail", "title"]
    list_filter = [
        StateFilter, MineFilter, VGWortFilter, CategoryFilter, AuthorFilter, TagFilter,
        ("published_at", admin.DateFieldListFilter),
    ]
    paginator = CappedCountPaginator
    actions = [bulk_action(step) for step in actions.STEPS.values() if step.bulk_label]
    list_select_related = ["primary_category", "image"]
    search_fields = ["title", "kicker", "teaser"]  # trigram indexes (article_*_upper_trgm_idx)
    show_full_result_count = False  # no second count over the whole archive
    prepopulated_fields = {"slug": ["title"]}
    always_readonly = ["state", "first_published_at", "updated_at", "reading_minutes", "image_preview", "body_as_read"]
    raw_id_fields = ["image"]  # the media library's list as picker: search, thumbnails, upload
    publisher_fields = ["published_at", "expires_at"]
    # The writing goes in the main column; fieldsets marked "desk-side" form the side panel (change_form.html).
    fieldsets = [
        (None, {"fields": ["kicker", "title", "slug", "teaser", "body"]}),
        (_("Search engines and VG Wort"), {"classes": ["collapse"], "fields": ["seo_title", "seo_description", "vgwort_pixel_url"]}),
        (_("Publication"), {"classes": ["desk-side"], "fields": [
            "state", "published_at", "expires_at", "first_published_at", "updated_at", "reading_minutes",
        ]}),
        (_("Placement"), {"classes": ["desk-side"], "fields": ["primary_category", "categories", "tags"]}),
        (_("Access"), {"classes": ["desk-side"], "fields": ["access", "preview_paragraphs"]}),
        (_("Advertisement"), {"classes": ["desk-side"], "fields": ["is_sponsored", "sponsor"]}),
        (_("Image"), {"classes": ["desk-side"], "fields": ["image", "image_preview"]}),
    ]

    class Media:
        js = [
            "admin/js/urlify.js", "articles/admin/german_slug.js", "articles/admin/tag_suggestions.js",
            "images/admin/chosen_picture.js", "editorial/desk.js", "editorial/autosave.js",
        ]

    # Permissions ------------------------------------------------------------

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return actions.can_edit(request.user, obj) or actions.can_propose_changes(request.user, obj)

    def has_publish_permission(self, request):
        return actions.can_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(self.always_readonly)
        if not actions.can_publish(request.user):
            readonly += self.publisher_fields
        if obj is not None and not actions.can_edit(request.user, obj):
            editable = Article.CORRECTABLE_FIELDS if actions.can_propose_changes(request.user, obj) else []
            readonly += [field for field in self.form_field_names() if field not in editable]
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        readonly = self.get_readonly_fields(request, obj)
        return {field: sources for field, sources in super().get_prepopulated_fields(request, obj).items() if field not in readonly}

    def form_field_names(self):
        return [field for _, options in self.fieldsets for field in options["fields"] if field not in self.always_readonly]

    def get_fieldsets(self, request, obj=None):
        """The workflow comment and the edit-conflict check, for those who may save; a read-only body as readers see it."""
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and "body" in self.get_readonly_fields(request, obj):
            fieldsets = [
                (title, {**options, "fields": ["body_as_read" if name == "body" else name for name in options["fields"]]})
                for title, options in fieldsets
            ]
        if (obj is None and self.has_add_permission(request)) or (obj and self.has_change_permission(request, obj)):
            fieldsets.append((_("Workflow"), {"classes": ["desk-side"], "fields": [
                "workflow_comment", "opened_revision", "conflicting_fields",
            ]}))
        return fieldsets

    # Form -------------------------------------------------------------------

    def get_formset_kwargs(self, request, obj, inline, prefix):
        """A new article starts with the writer's own byline, if they have an author profile."""
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        profile = getattr(request.user, "author_profile", None)
        if isinstance(inline, BylineInline) and obj.pk is None and profile is not None and request.method == "GET":
            kwargs["initial"] = [{"author": profile.pk}]
        return kwargs

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in COUNTED_FIELDS and formfield is not None:  # live counters (editorial/desk.js)
            formfield.widget.attrs["data-count-limit"] = COUNTED_FIELDS[db_field.name] or db_field.max_length
            formfield.widget.attrs["data-count-template"] = _("{count} of {limit} characters")
        if db_field.name == "body" and formfield is not None:
            formfield.widget.attrs["data-count-template"] = _("{words} words · reading time {minutes} min.")
            formfield.widget.attrs["data-count-template-one"] = _("1 word · reading time {minutes} min.")
        if db_field.name == "tags":
            formfield.widget.attrs["data-tag-suggestions"] = reverse("admin:autocomplete")
        if db_field.name == "image":  # the raw id field gets the "+" for an upload in a popup, too
            formfield.widget.attrs["data-summary-url"] = reverse("admin:images_image_summary", args=[0])
            formfield.widget = RelatedFieldWidgetWrapper(
                formfield.widget, db_field.remote_field, self.admin_site, can_add_related=True,
                can_change_related=False, can_view_related=False,
            )
        return formfield

    # Saving -----------------------------------------------------------------

    def get_object(self, request, object_id, from_field=None):
        """A reporter sees their own proposed corrections in the form, so the next change adds to them."""
        article = super().get_object(request, object_id, from_field)
        if article is not None and actions.can_propose_changes(request.user, article):
            proposal = actions.open_proposals(article).filter(by=request.user).last()
            if proposal is not None:
                article = revisions.as_article(article, {**revisions.snapshot(article), **revisions.proposed_changes(proposal)})
        return self.recovered(request, article) if article is not None else None

    def get_changeform_initial_data(self, request):
        """A new article the user's autosave kept, when they asked for it back (``?autosave=1``)."""
        initial = super().get_changeform_initial_data(request)
        initial.pop("autosave", None)
        draft = self.unsaved_draft(request, None) if request.GET.get("autosave") == "1" else None
        return {**initial, **(draft.content if draft else {})}

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), **self.autosave_context(request, None)}
        return super().add_view(request, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        """Nothing yet: the article is saved with its relations in ``save_related``, as one revision."""

    def save_related(self, request, form, formsets, change):
        def save_relations():
            super(ArticleAdmin, self).save_related(request, form, formsets, change)

        revision = actions.edit(form.instance, form.model_changes(), by=request.user, save_relations=save_relations)
        form.instance.this_save = SavedEdit(revision, form.taken_over)  # for the workflow button pressed with it
        Draft.objects.filter(Q(article=None) | Q(article=form.instance), user=request.user).delete()  # saved now
        if revision is not None and revision.action == Revision.Action.PROPOSE:
            messages.info(request, _("Your corrections wait for an editor; the published text stays online until then."))
            request.desk_saved_as_proposal = True  # so the admin's "changed successfully" is not said
        if form.taken_over:
            messages.info(request, _("Kept from the colleague's newer version: %(fields)s.") % {
                "fields": ", ".join(revisions.label(name) for name in form.taken_over),
            })
        for image, place in pictures_in(form.instance):
            for warning in image.warnings():
                messages.warning(request, f"{place}: {warning}")

    def save_formset(self, request, form, formset, change):
        if formset.model is Correction:  # published through the desk's action, never edited afterwards
            formset.new_objects = [
                actions.publish_correction(form.instance, correction_form.cleaned_data["text"], by=request.user)
                for correction_form in formset.extra_forms
                if correction_form.has_changed() and correction_form.cleaned_data.get("text", "").strip()
            ]
            formset.changed_objects, formset.deleted_objects = [], []
            return
        new_notes = []
        for inline_form in formset.forms:
            instance = inline_form.instance
            if isinstance(instance, EditorialNote) and instance.pk is None:
                instance.author = request.user
                new_notes.append(instance)
            if isinstance(instance, ShareLink) and instance.pk is None:
                instance.created_by = request.user
                article = form.instance
                if "expires_at" not in inline_form.changed_data and article.is_live and article.is_gated:
                    # A link to a published premium article hands its full text to anyone: keep it short.
                    instance.expires_at = timezone.now() + timedelta(hours=settings.SHARE_LINK_HOURS_GATED)
        super().save_formset(request, form, formset, change)
        for note in new_notes:
            if note.pk is not None:  # saved, not an empty extra form
                notifications.note_written(note)

    def get_deleted_objects(self, objs, request):
        """What deleting takes along, without the rows that list an article in a category (Django names those in English)."""
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        listing = Article.categories.through._meta
        prefix = f"{capfirst(listing.verbose_name)}: "

        def without_listings(items):
            return [without_listings(item) if isinstance(item, list) else item for item in items if not str(item).startswith(prefix)]

        model_count.pop(listing.verbose_name_plural, None)
        return without_listings(to_delete), model_count, perms_needed, protected

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        if level == messages.SUCCESS and getattr(request, "desk_saved_as_proposal", False):
            return  # the article did not change; the message about the proposal says what happened
        super().message_user(request, message, level, *args, **kwargs)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """A workflow button the user may not press refuses the whole request: nothing is saved."""
        name = request.POST.get("_workflow") if request.method == "POST" else None
        article = self.get_object(request, unquote(object_id)) if name and object_id else None
        if name and (name not in actions.STEPS or article is None):
            messages.error(request, _("Unknown workflow step."))
            return HttpResponseRedirect(request.path)
        if article is not None and not actions.STEPS[name].allowed(request.user, article):
            messages.error(request, _("You are not allowed to do this."))
            return HttpResponseRedirect(request.path)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def response_add(self, request, obj, post_url_continue=None):
        return self.run_workflow_step(request, obj) or super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        return self.run_workflow_step(request, obj) or super().response_change(request, obj)

    def run_workflow_step(self, request, obj):
        """Perform the transition whose button was pressed, after the form was saved."""
        step = actions.STEPS.get(request.POST.get("_workflow", ""))
        if step is None:
            return None
        this_save = getattr(obj, "this_save", SavedEdit())
        if this_save.taken_over:  # the button was pressed on a text that has changed since: look first
            messages.warning(request, _("Not done: %(action)s. The article was changed meanwhile; check it, then press the button again.")
                             % {"action": step.label})
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))
        try:
            revision = step.run(
                obj, by=request.user, comment=request.POST.get("workflow_comment", ""), amend=this_save.revision,
            )
        except PermissionDenied:
            messages.error(request, _("You are not allowed to do this."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Done: %(action)s.") % {"action": revision.get_action_display()})
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        if article is not None:
            extra_context = {
                **(extra_context or {}),
                "workflow_steps": actions.available_steps(request.user, article),
                "transitions": Revision.objects.filter(article=article).defer("content")  # the log shows no content
                .select_related("by").order_by("-pk")[:50],
                "proposals": list(actions.open_proposals(article)),
                "corrections_url": reverse("admin:articles_article_corrections", args=[article.pk]),
                "revisions_url": reverse("admin:articles_article_revisions", args=[article.pk]),
                "preview_url": reverse("editorial:preview", args=[article.pk]),
                "presence": presence.others(article, request.user),
                "presence_url": reverse("editorial:presence", args=[article.pk]),
                "heartbeat_seconds": presence.HEARTBEAT_SECONDS,
                **self.autosave_context(request, article),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    # Change list ------------------------------------------------------------

    def get_search_results(self, request, queryset, search_term):
        """Headline, kicker and teaser (trigram indexes), and also the text (full-text index) and the authors' names."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()[:200]
        if term:
            # Each part as its own id list, so each uses its index; one OR over the joined rows would scan them all.
            by_author = Byline.objects.filter(author__name__icontains=term).values("article_id")
            in_text = matches(Article.objects.all(), term).order_by("-pk").values("pk")[:TEXT_MATCHES]
            results = queryset.filter(Q(pk__in=results.values("pk")) | Q(pk__in=by_author) | Q(pk__in=in_text))
        return results, may_have_duplicates

    def get_queryset(self, request):
        queryset = super().get_queryset(request).prefetch_related(BYLINES).annotate(
            has_corrections=ReviewQuerySet.open_corrections()
        )
        if request.resolver_match and request.resolver_match.url_name == "articles_article_changelist":
            queryset = queryset.defer("body", "search_document")  # the list shows neither
        return queryset

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        if not obj.image or not obj.image.width:
            return "–"
        return format_html(
            '<img src="{}" alt="" width="80" height="45" style="object-fit:cover" loading="lazy">', thumbnail_url(obj.image)
        )

    @admin.display(description=_("chosen picture"))
    def image_preview(self, obj):
        if obj is None or not obj.image or not obj.image.width:
            return _("No picture chosen. Pick one from the media library (magnifier) or upload a new one there.")
        notes = format_html_join("", '<li class="warning">{}</li>', ((problem,) for problem in obj.image.warnings()))
        return format_html(
            '<img src="{}" alt="" width="240" height="135" style="object-fit:cover"><p>{}</p><ul class="messagelist">{}</ul>',
            thumbnail_url(obj.image), obj.image, notes,
        )

    @admin.display(description=Article._meta.get_field("body").verbose_name)
    def body_as_read(self, obj):
        """The body of an article the user may not change, formatted as in the editor, not as HTML source."""
        sanitised = Article._meta.get_field("body").get_prep_value(obj.body)  # through nh3 again, to be sure
        return format_html('<div class="desk-read-body">{}</div>', mark_safe(sanitised))

    @admin.display(description=_("state"), ordering="status")
    def state(self, obj):
        if obj.is_scheduled:
            return _("Scheduled for %(time)s") % {"time": timezone.localtime(obj.published_at).strftime("%d.%m.%Y, %H:%M")}
        if obj.is_expired:
            return _("Expired")
        label = obj.get_status_display()
        if getattr(obj, "has_corrections", False):
            label = _("%(state)s, corrections proposed") % {"state": label}
        return label

    @admin.display(description=_("authors"))
    def author_names(self, obj):
        return ", ".join(author.name for author in obj.ordered_authors)

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_live else None
