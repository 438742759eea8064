"""The admin site of the newsroom: Django's, with a JavaScript catalogue that includes the rich-text editor."""

from django.contrib import admin
from django.views.i18n import JavaScriptCatalog

# Whose djangojs catalogues the admin pages get (django-prose-editor translates its dialogs with
# window.gettext). The project's own, locale/<language>/LC_MESSAGES/djangojs.po, is always added
# and wins: it has German for the editor texts the library's catalogue lacks, and for
# static/articles/admin/body_editor.js.
JAVASCRIPT_CATALOGUE_PACKAGES = ["django.contrib.admin", "django_prose_editor"]


class NewsroomAdminSite(admin.AdminSite):
    def i18n_javascript(self, request, extra_context=None):
        """The catalogue behind ``admin:jsi18n``, which the admin's forms and lists load before their media."""
        return JavaScriptCatalog.as_view(packages=JAVASCRIPT_CATALOGUE_PACKAGES)(request)
