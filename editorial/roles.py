"""The three editorial roles as groups with permissions.

Created by a migration and brought up to date after every ``migrate`` (and
after a test database flush), so a permission added here reaches every role.
"""

from django.db.models import Q

REPORTER = [
    "articles.add_article", "articles.change_article", "articles.view_article",
    "articles.add_byline", "articles.change_byline", "articles.delete_byline", "articles.view_byline",
    "articles.view_author", "articles.view_category", "articles.view_correction",
    "taggit.add_tag", "taggit.view_tag",
    "editorial.add_editorialnote", "editorial.view_editorialnote",
    "editorial.view_revision", "editorial.view_articleinreview",
    "images.add_image", "images.change_image", "images.view_image",
]
EDITOR = REPORTER + [
    "articles.edit_any_article", "articles.publish_article", "articles.delete_article", "articles.add_correction",
    "articles.add_author", "articles.change_author", "images.delete_image",
    "taggit.change_tag", "taggit.delete_tag",
    "editorial.add_sharelink", "editorial.change_sharelink", "editorial.view_sharelink",
    "subscriptions.add_subscription", "subscriptions.change_subscription", "subscriptions.view_subscription",
    "subscriptions.view_plan", "subscriptions.view_licence",
    "subscriptions.view_termination", "subscriptions.change_termination",
    "subscriptions.view_withdrawal", "subscriptions.change_withdrawal",
    "orders.view_order", "orders.view_invoice", "orders.change_invoice",
    "banners.add_banner", "banners.change_banner", "banners.view_banner",
    "auth.view_user",
]
# The editor-in-chief gets every permission of these apps: content, workflow,
# pictures, tags, legal pages, staff accounts and roles, subscriptions and banners, and login lockouts to lift.
EDITOR_IN_CHIEF_APPS = [
    "articles", "images", "editorial", "taggit", "flatpages", "sites", "auth", "subscriptions", "orders", "banners", "axes",
]
# Besides, the editor-in-chief alone keeps the Impressum, the privacy policy and the accessibility
# statement (pages.models); they are one record each, never added or deleted in the admin.
EDITOR_IN_CHIEF = [
    "pages.view_legalnotice", "pages.change_legalnotice",
    "pages.view_privacypolicy", "pages.change_privacypolicy",
    "pages.view_accessibilitystatement", "pages.change_accessibilitystatement",
]

REPORTER_ROLE, EDITOR_ROLE, EDITOR_IN_CHIEF_ROLE = "Autor/in", "Redakteur/in", "Chefredaktion"


def sync_roles(apps):
    """Create or update the role groups; ``apps`` is a migration's or the live app registry."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, dotted in ((REPORTER_ROLE, REPORTER), (EDITOR_ROLE, EDITOR)):
        group, _ = Group.objects.get_or_create(name=name)
        # Permissions of apps migrated later are added by the post_migrate run.
        group.permissions.set(Permission.objects.filter(by_codename(dotted)))
    chief, _ = Group.objects.get_or_create(name=EDITOR_IN_CHIEF_ROLE)
    chief.permissions.set(
        Permission.objects.filter(Q(content_type__app_label__in=EDITOR_IN_CHIEF_APPS) | by_codename(EDITOR_IN_CHIEF))
    )


def by_codename(dotted):
    """A filter for permissions named "app_label.codename"."""
    wanted = Q(pk__in=[])
    for app_label, codename in (perm.split(".") for perm in dotted):
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    return wanted


def sync_roles_after_migrate(sender, apps=None, **kwargs):
    """post_migrate handler, run once the last app has its permissions; ``flush`` sends no registry."""
    from django.apps import apps as installed_apps

    with_models = [config for config in installed_apps.get_app_configs() if config.models_module is not None]
    if sender.label == with_models[-1].label:
        sync_roles(apps or installed_apps)
