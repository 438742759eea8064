from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.flatpages import views as flatpages
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from pages import views as pages
from website import seo_views
from website.sitemaps import SITEMAPS

admin.site.site_header = _("Newsroom editorial system")
admin.site.site_title = _("Newsroom")
admin.site.index_title = _("Editorial desk")

handler500 = "pages.views.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", seo_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS}, name="sitemap_index"),
    path("sitemap-news.xml", seo_views.news_sitemap, name="news_sitemap"),
    path("sitemap-<section>.xml", sitemaps.sitemap, {"sitemaps": SITEMAPS}, name="django.contrib.sitemaps.views.sitemap"),
    path("impressum/", pages.LegalNoticeView.as_view(), name="impressum"),
    path("datenschutz/", pages.PrivacyPolicyView.as_view(), name="privacy"),
    path("barrierefreiheit/", pages.AccessibilityStatementView.as_view(), name="accessibility"),
    path("agb/", flatpages.flatpage, {"url": "/agb/"}, name="terms"),
    path("widerrufsbelehrung/", flatpages.flatpage, {"url": "/widerrufsbelehrung/"}, name="withdrawal_policy"),
    path("", include("editorial.urls")),
    path("", include("subscriptions.urls")),
    path("", include("orders.urls")),
    path("", include("banners.urls")),
    path("konto/", include("accounts.urls")),
    path("", include("website.urls")),
]

# Uploads on the local disk, for `make run` (empty unless DEBUG); in production the web server in
# front or the object store serves them.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
