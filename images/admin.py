from django import forms
from django.core.exceptions import PermissionDenied
from django.contrib import admin
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Image
from .renditions import thumbnail_url

PICKER_PAGE_SIZE = 24


class LicenceFilter(admin.SimpleListFilter):
    title = _("licence")
    parameter_name = "licence"

    def lookups(self, request, model_admin):
        return [("usable", _("may be shown")), ("expired", _("expired"))]

    def queryset(self, request, queryset):
        if self.value() == "usable":
            return queryset.usable()
        if self.value() == "expired":
            return queryset.filter(licence_expires_on__lt=timezone.localdate())
        return queryset


class ImageUploadForm(forms.ModelForm):
    """The picker's upload: a picture inserted into an article needs its alt text at once."""

    class Meta:
        model = Image
        fields = ["file", "alt_text", "caption", "credit", "source", "licence", "licence_expires_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alt_text"].required = True


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "description", "credit", "licence_expires_on", "notes"]
    list_display_links = ["thumbnail", "description"]
    list_filter = [LicenceFilter, "uploaded_at"]
    search_fields = ["caption", "alt_text", "credit", "source", "file"]
    readonly_fields = ["focal_point_picker", "width", "height", "uploaded_by", "uploaded_at", "usage"]
    fieldsets = [
        (None, {"fields": ["file", "focal_point_picker", "focal_x", "focal_y", "alt_text", "caption", "credit"]}),
        (_("Rights"), {"fields": ["source", "licence", "usage_rights", "licence_expires_on"]}),
        (_("About the file"), {"fields": ["width", "height", "uploaded_by", "uploaded_at", "usage"]}),
    ]

    class Media:
        js = ["images/admin/focal_point.js"]
        css = {"all": ["images/admin/images.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(used_as_hero=Count("hero_of"))

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        for problem in obj.warnings():
            self.message_user(request, problem, level="warning")

    def get_urls(self):
        picker = path("picker/", self.admin_site.admin_view(self.picker_view), name="images_image_picker")
        summary = path("<int:pk>/summary/", self.admin_site.admin_view(self.summary_view), name="images_image_summary")
        return [picker, summary, *super().get_urls()]

    def summary_view(self, request, pk):
        """Thumbnail, name and warnings of one picture, for the article form once a picture was chosen."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        image = get_object_or_404(Image, pk=pk)
        return JsonResponse({
            "thumbnail": thumbnail_url(image) if image.width else "",
            "name": str(image),
            "warnings": [str(warning) for warning in image.warnings()],
        })

    def picker_view(self, request):
        """The rich-text editor's picture chooser (a popup): search, thumbnails, and an upload that keeps the article open."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        upload = ImageUploadForm(request.POST or None, request.FILES or None) if self.has_add_permission(request) else None
        chosen = None
        if request.method == "POST" and upload is not None and upload.is_valid():
            chosen = upload.save(commit=False)
            chosen.uploaded_by = request.user
            chosen.save()
        query = request.GET.get("q", "").strip()[:100]
        images = Image.objects.all()
        if query:
            images = images.filter(
                Q(caption__icontains=query) | Q(alt_text__icontains=query) | Q(credit__icontains=query)
                | Q(source__icontains=query)
            )
        page = Paginator(images, PICKER_PAGE_SIZE).get_page(request.GET.get("page"))
        return TemplateResponse(request, "admin/images/picker.html", {
            **self.admin_site.each_context(request),
            "title": _("Choose a picture"),
            "page": page,
            "query": query,
            "upload": upload,
            "chosen": chosen,
            "callback": request.GET.get("CKEditorFuncNum", ""),
            "items": [(image, thumbnail_url(image), image.warnings()) for image in page],
            "is_popup": True,
        })

    @admin.display(description=_("picture"))
    def thumbnail(self, obj):
        if not obj.width:
            return "–"
        return format_html('<img src="{}" alt="" width="96" height="54" class="image-thumbnail" loading="lazy">', thumbnail_url(obj))

    @admin.display(description=_("description"))
    def description(self, obj):
        return str(obj)

    @admin.display(description=_("used as hero image"), ordering="used_as_hero")
    def usage(self, obj):
        count = getattr(obj, "used_as_hero", None)
        return obj.hero_of.count() if count is None else count

    @admin.display(description=_("notes"))
    def notes(self, obj):
        return " ".join(str(problem) for problem in obj.warnings()) or "–"

    @admin.display(description=_("focal point"))
    def focal_point_picker(self, obj):
        if not obj.pk or not obj.width:
            return _("Save the picture first; then click on it to set the focal point.")
        return format_html(
            '<div class="focal-picker" data-focal-x="{}" data-focal-y="{}">'
            '<img src="{}" alt="" width="{}" height="{}"><span class="focal-picker__marker" aria-hidden="true"></span></div>'
            '<p class="help">{}</p>',
            obj.focal_x, obj.focal_y, obj.file.url, obj.width, obj.height,
            _("Click on what matters most in the picture: crops for cards and previews keep it in view."),
        )
