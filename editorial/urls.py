from django.urls import path

from . import views

app_name = "editorial"
urlpatterns = [
    path("vorschau/<int:pk>/", views.preview, name="preview"),
    path("vorschau/link/<str:token>/", views.shared_preview, name="shared_preview"),
    path("redaktion/benachrichtigungen/gelesen/", views.mark_inbox_read, name="inbox_read"),
    path("redaktion/einstellungen/", views.desk_settings, name="desk_settings"),
    path("redaktion/artikel/<int:pk>/anwesenheit/", views.presence, name="presence"),
    path("redaktion/artikel/vorschau/", views.unsaved_preview, name="unsaved_preview"),
]
