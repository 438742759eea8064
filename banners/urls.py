from django.urls import path

from . import views

app_name = "banners"
urlpatterns = [path("b/<int:pk>/", views.click, name="click")]
