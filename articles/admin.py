from django import forms
from django.contrib import admin
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from editorial import actions
from newsroom.admin import HTTPS_URLS
from editorial.admin import EditorialNoteInline, MineFilter, ShareLinkInline, StateFilter, WorkflowAdminMixin
from editorial.forms import VersionCheckMixin

from .models import Article, Author, Byline, Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "job_title", "user"]
    search_fields = ["name", "job_title"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "job_title", "bio", "photo", "user"]}),
        (_("Profile links"), {"fields": ["website", "linkedin_url", "xing_url", "email"]}),
    ]

    class Media:
        js = ["admin/js/urlify.js", "articles/admin/german_slug.js"]


class VGWortFilter(admin.SimpleListFilter):
    """Published texts long enough for VG Wort (1,800 characters) that still lack a counting pixel."""

    title = _("VG Wort")
    parameter_name = "vgwort"
    MIN_CHARACTERS = 1800

    def lookups(self, request, model_admin):
        return [("missing", _("Counting pixel missing (1,800+ characters)"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.live().filter(character_count__gte=self.MIN_CHARACTERS, vgwort_pixel_url="")
        return queryset


class BylineInline(admin.TabularInline):
    model = Byline
    autocomplete_fields = ["author"]
    extra = 0
    min_num = 1
    verbose_name = _("author")
    verbose_name_plural = _("authors (in the order shown on the page)")

    def has_add_permission(self, request, obj=None):
        return obj is None or actions.can_edit(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return obj is None or actions.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is None or actions.can_edit(request.user, obj)


class ArticleAdminForm(VersionCheckMixin, forms.ModelForm):
    workflow_comment = forms.CharField(
        label=_("comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Goes with the workflow button you press, e.g. what the author should change."),
    )

    class Meta:
        model = Article
        fields = []  # the admin passes its fieldsets' fields (with HTTPS_URLS) when it builds the form
        widgets = {"categories": forms.CheckboxSelectMultiple}

    def clean(self):
        """Make sure the primary category is always one of the article's categories."""
        cleaned_data = super().clean()
        self.check_version()
        primary = cleaned_data.get("primary_category")
        categories = cleaned_data.get("categories")
        if primary is not None and categories is not None and primary not in categories:
            cleaned_data["categories"] = categories | Category.objects.filter(pk=primary.pk)
        return cleaned_data


@admin.register(Article)
class ArticleAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    form = ArticleAdminForm
    formfield_overrides = HTTPS_URLS
    inlines = [BylineInline, EditorialNoteInline, ShareLinkInline]
    list_display = ["thumbnail", "title", "state", "primary_category", "author_names", "published_at", "updated_at"]
    list_display_links = ["thumbnail", "title"]
    list_filter = [StateFilter, MineFilter, VGWortFilter, "categories", "authors", "tags"]
    actions = ["publish_selected", "unpublish_selected"]
    list_select_related = ["primary_category"]
    search_fields = ["title", "kicker", "teaser"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["first_published_at", "updated_at", "reading_minutes"]
    fieldsets = [
        (None, {"fields": ["kicker", "title", "slug", "teaser", "body"]}),
        (_("Image"), {"fields": ["hero_image", "hero_image_alt", "hero_image_caption", "hero_image_credit"]}),
        (_("Placement"), {"fields": ["primary_category", "categories", "tags"]}),
        (_("Publication"), {"fields": ["state", "published_at", "expires_at", "first_published_at", "updated_at", "reading_minutes"]}),
        (_("Access"), {"fields": ["access", "preview_paragraphs"]}),
        (_("Search engines and VG Wort"), {"classes": ["collapse"], "fields": ["seo_title", "seo_description", "vgwort_pixel_url"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        """The workflow comment and the edit-conflict check, for those who may save."""
        fieldsets = list(super().get_fieldsets(request, obj))
        if (obj is None and self.has_add_permission(request)) or (obj and self.has_change_permission(request, obj)):
            fieldsets.append((_("Workflow"), {"fields": ["workflow_comment", "opened_version"]}))
        return fieldsets

    class Media:
        js = ["admin/js/urlify.js", "articles/admin/german_slug.js", "articles/admin/tag_suggestions.js"]

    def get_formset_kwargs(self, request, obj, inline, prefix):
        """A new article starts with the writer's own byline, if they have an author profile."""
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        profile = getattr(request.user, "author_profile", None)
        if isinstance(inline, BylineInline) and obj.pk is None and profile is not None and request.method == "GET":
            kwargs["initial"] = [{"author": profile.pk}]
        return kwargs

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("author"))
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "tags":
            formfield.widget.attrs["data-tag-suggestions"] = reverse("admin:autocomplete")
        return formfield

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        if not obj.hero_image:
            return "–"
        return format_html(
            '<img src="{}" alt="" width="80" height="45" style="object-fit:cover" loading="lazy">',
            obj.hero_image.url,
        )

    @admin.display(description=_("state"), ordering="status")
    def state(self, obj):
        if obj.is_scheduled:
            return _("Scheduled for %(time)s") % {"time": timezone.localtime(obj.published_at).strftime("%d.%m.%Y, %H:%M")}
        if obj.is_expired:
            return _("Expired")
        label = obj.get_status_display()
        if obj.pending_changes is not None:
            label = _("%(state)s, corrections proposed") % {"state": label}
        return label

    @admin.display(description=_("authors"))
    def author_names(self, obj):
        return ", ".join(author.name for author in obj.ordered_authors)

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_live else None
