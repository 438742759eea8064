from django.urls import path

from . import views

app_name = "orders"
urlpatterns = [
    path("abo/bestellen/<slug:slug>/", views.account, name="account"),
    path("abo/bestellen/<slug:slug>/angaben/", views.billing, name="billing"),
    path("abo/bestellen/<slug:slug>/zahlung/", views.payment, name="payment"),
    path("abo/bestellen/<slug:slug>/pruefen/", views.summary, name="summary"),
    path("abo/bestellt/<str:token>/", views.confirmed, name="confirmed"),
    path("konto/zahlungsart/", views.payment_portal, name="portal"),
    path("abo/stripe/webhook/", views.stripe_webhook, name="stripe_webhook"),
]
