"""The three editorial roles as groups with permissions, assignable to staff in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTER = [
    "articles.add_article", "articles.change_article", "articles.view_article",
    "articles.add_byline", "articles.change_byline", "articles.delete_byline", "articles.view_byline",
    "articles.view_author", "articles.view_category",
    "taggit.add_tag", "taggit.view_tag",
    "editorial.add_editorialnote", "editorial.view_editorialnote",
    "editorial.view_transition", "editorial.view_articleinreview",
]
EDITOR = REPORTER + [
    "articles.edit_any_article", "articles.publish_article", "articles.delete_article",
    "articles.add_author", "articles.change_author",
    "taggit.change_tag", "taggit.delete_tag",
    "editorial.add_sharelink", "editorial.change_sharelink", "editorial.view_sharelink",
]
# The editor-in-chief gets every permission of these apps: content, workflow,
# tags, legal pages, and staff accounts and roles.
EDITOR_IN_CHIEF_APPS = ["articles", "editorial", "taggit", "flatpages", "auth"]

ROLES = {"Autor/in": REPORTER, "Redakteur/in": EDITOR}
EDITOR_IN_CHIEF = "Chefredaktion"


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, dotted in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in (perm.split(".") for perm in dotted)
        )
    chief, _ = Group.objects.get_or_create(name=EDITOR_IN_CHIEF)
    chief.permissions.set(Permission.objects.filter(content_type__app_label__in=EDITOR_IN_CHIEF_APPS))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[*ROLES, EDITOR_IN_CHIEF]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("articles", "0003_editorial_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("flatpages", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
