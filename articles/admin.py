"""Admin for the content's reference data; the article admin with its workflow lives in editorial."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from js_asset import Media
from taggit.models import Tag

from .models import Article, Author, Category

# Addresses typed without a scheme are taken as https:// (Django 6's default).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class RichTextAdminMixin:
    """For change forms with the rich-text editor: its import map is an inline script, run with the request's CSP nonce."""

    def render_change_form(self, request, context, *args, **kwargs):
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]

    def save_model(self, request, obj, form, change):
        """A new default access changes what search may index of the category's articles."""
        super().save_model(request, obj, form, change)
        if change and "default_access" in form.changed_data:
            Article.objects.filter(primary_category=obj, access="").refresh_public_text()


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


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    """Tags without django-taggit's extras, which do not fit here and speak English.

    Its inline lists generically tagged objects, but articles keep their tags in
    TaggedArticle; its merge action (named in English, without gettext) moves only the
    generic ones, so merged tags would lose their articles.
    """

    list_display = ["name", "slug"]
    ordering = ["name"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
