from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles.admin import HTTPS_URLS

from .models import Banner


@admin.register(Banner)
class BannerAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["title", "kind", "placement", "audience", "starts_at", "ends_at", "weight", "is_active", "impressions", "clicks"]
    list_filter = ["placement", "audience", "kind", "is_sponsored", "is_active"]
    list_editable = ["weight", "is_active"]
    search_fields = ["title", "text"]
    readonly_fields = ["impressions", "clicks"]
    fieldsets = [
        (None, {"fields": ["title", "text", "image", "target_url", "kind"]}),
        (_("Advertisement"), {"fields": ["is_sponsored", "sponsor"]}),
        (_("Where and for whom"), {"fields": ["placement", "after_paragraph", "audience", "weight"]}),
        (_("When"), {"fields": ["is_active", "starts_at", "ends_at"]}),
        (_("Figures"), {"fields": ["impressions", "clicks"]}),
    ]
