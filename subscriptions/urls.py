from django.urls import path

from . import views

app_name = "subscriptions"
urlpatterns = [
    path("abo/", views.plans, name="plans"),
    path("abo/webhook/", views.webhook, name="webhook"),
]
