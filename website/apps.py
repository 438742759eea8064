from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# What readers see: a change to any of these starts a new content generation,
# which makes cached pages and lookups fresh (articles.freshness).
PUBLIC_MODELS = [
    "articles.Article", "articles.Byline", "articles.TaggedArticle", "articles.Correction", "articles.Category", "articles.Author", "images.Image",
    "taggit.Tag", "banners.Banner", "subscriptions.Plan", "subscriptions.Licence", "flatpages.FlatPage", "sites.Site",
    "pages.LegalNotice", "pages.PrivacyPolicy", "pages.AccessibilityStatement",
]


class WebsiteConfig(AppConfig):
    """The public site: pages, feeds, sitemaps and search, composed from the apps below it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "website"
    verbose_name = _("Public website")

    def ready(self):
        """The page cache is this app's: it listens for changes rather than asking every app to report them."""
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from articles.models import Article

        for label in PUBLIC_MODELS:
            model = self.apps.get_model(label)
            post_save.connect(public_content_changed, sender=model, dispatch_uid=f"freshness-save-{label}")
            post_delete.connect(public_content_changed, sender=model, dispatch_uid=f"freshness-delete-{label}")
        m2m_changed.connect(public_content_changed, sender=Article.categories.through, dispatch_uid="freshness-categories")


def public_content_changed(sender, **kwargs):
    from articles.freshness import content_changed

    content_changed()
