from django.conf import settings
from django.contrib import admin
from django.contrib.flatpages import views as flatpages
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

admin.site.site_header = _("Newsroom editorial system")
admin.site.site_title = _("Newsroom")
admin.site.index_title = _("Editorial desk")

handler500 = "pages.views.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("impressum/", flatpages.flatpage, {"url": "/impressum/"}, name="impressum"),
    path("datenschutz/", flatpages.flatpage, {"url": "/datenschutz/"}, name="privacy"),
    path("", include("editorial.urls")),
    path("", include("subscriptions.urls")),
    path("", include("banners.urls")),
    path("konto/", include("accounts.urls")),
    path("", include("articles.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )
