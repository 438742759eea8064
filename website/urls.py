from django.urls import path, register_converter

from . import views
from .converters import UnicodeSlugConverter
from .feeds import ArticleFeed, AuthorFeed, CategoryFeed, TagFeed, atom

register_converter(UnicodeSlugConverter, "uslug")

app_name = "website"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("artikel/<int:pk>/", views.ArticleDetailView.as_view(), name="detail_by_id"),
    path("artikel/<int:pk>/<str:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("rubrik/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("schlagwort/<uslug:slug>/", views.TagView.as_view(), name="tag"),
    path("autor/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("suche/", views.SearchView.as_view(), name="search"),
    path("korrekturen/", views.CorrectionListView.as_view(), name="corrections"),
    path("feed/rss/", ArticleFeed(), name="feed_rss"),
    path("feed/atom/", atom(ArticleFeed)(), name="feed_atom"),
    path("rubrik/<slug:slug>/feed/rss/", CategoryFeed(), name="category_feed_rss"),
    path("rubrik/<slug:slug>/feed/atom/", atom(CategoryFeed)(), name="category_feed_atom"),
    path("schlagwort/<uslug:slug>/feed/rss/", TagFeed(), name="tag_feed_rss"),
    path("schlagwort/<uslug:slug>/feed/atom/", atom(TagFeed)(), name="tag_feed_atom"),
    path("autor/<slug:slug>/feed/rss/", AuthorFeed(), name="author_feed_rss"),
    path("autor/<slug:slug>/feed/atom/", atom(AuthorFeed)(), name="author_feed_atom"),
]
