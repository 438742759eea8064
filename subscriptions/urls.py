from django.urls import path

from . import views

app_name = "subscriptions"
urlpatterns = [
    path("abo/", views.plans, name="plans"),
    path("abo/webhook/", views.webhook, name="webhook"),
    path("kuendigen/", views.terminate, name="terminate"),
    path("kuendigen/bestaetigung/<str:token>/", views.termination_confirmed, name="termination_confirmed"),
    path("widerrufen/", views.withdraw, name="withdraw"),
    path("widerrufen/bestaetigung/<str:token>/", views.withdrawal_confirmed, name="withdrawal_confirmed"),
]
