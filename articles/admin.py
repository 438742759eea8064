from django import forms
from django.contrib import admin
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Article, Author, Byline, Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
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


class BylineInline(admin.TabularInline):
    model = Byline
    autocomplete_fields = ["author"]
    extra = 0
    min_num = 1
    verbose_name = _("author")
    verbose_name_plural = _("authors (in the order shown on the page)")


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = "__all__"
        widgets = {"categories": forms.CheckboxSelectMultiple}

    def clean(self):
        """Make sure the primary category is always one of the article's categories."""
        cleaned_data = super().clean()
        primary = cleaned_data.get("primary_category")
        categories = cleaned_data.get("categories")
        if primary is not None and categories is not None and primary not in categories:
            cleaned_data["categories"] = categories | Category.objects.filter(pk=primary.pk)
        return cleaned_data


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    inlines = [BylineInline]
    list_display = ["thumbnail", "title", "status", "primary_category", "author_names", "published_at", "updated_at"]
    list_display_links = ["thumbnail", "title"]
    list_filter = ["status", "categories", "authors", "tags"]
    list_select_related = ["primary_category"]
    search_fields = ["title", "kicker", "teaser"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["first_published_at", "updated_at", "reading_minutes"]
    fieldsets = [
        (None, {"fields": ["kicker", "title", "slug", "teaser", "body"]}),
        (_("Image"), {"fields": ["hero_image", "hero_image_alt", "hero_image_caption", "hero_image_credit"]}),
        (_("Placement"), {"fields": ["primary_category", "categories", "tags"]}),
        (_("Publication"), {"fields": ["status", "published_at", "first_published_at", "updated_at", "reading_minutes"]}),
        (_("Search engines"), {"classes": ["collapse"], "fields": ["seo_title", "seo_description"]}),
    ]

    class Media:
        js = ["admin/js/urlify.js", "articles/admin/german_slug.js", "articles/admin/tag_suggestions.js"]

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

    @admin.display(description=_("authors"))
    def author_names(self, obj):
        return ", ".join(author.name for author in obj.ordered_authors)

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_live else None
