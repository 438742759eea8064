from django.urls import path

from . import views

app_name = "articles"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("artikel/<int:pk>/", views.ArticleDetailView.as_view(), name="detail_by_id"),
    path("artikel/<int:pk>/<str:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("rubrik/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("schlagwort/<str:slug>/", views.TagView.as_view(), name="tag"),
    path("autor/<slug:slug>/", views.AuthorView.as_view(), name="author"),
]
