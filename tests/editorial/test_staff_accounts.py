"""Roles come from a migration; the editor-in-chief manages staff but cannot mint superusers."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_the_three_roles_exist_with_distinct_rights():
    roles = {group.name: group for group in Group.objects.all()}
    assert {"Autor/in", "Redakteur/in", "Chefredaktion"} <= set(roles)

    def codenames(name):
        return set(roles[name].permissions.values_list("codename", flat=True))

    assert "publish_article" not in codenames("Autor/in") and "edit_any_article" not in codenames("Autor/in")
    assert {"publish_article", "edit_any_article"} <= codenames("Redakteur/in")
    assert "change_user" not in codenames("Redakteur/in") and "change_category" not in codenames("Redakteur/in")
    assert {"change_user", "change_group", "change_category", "publish_article"} <= codenames("Chefredaktion")


def test_chief_creates_a_reporter_account(client, chief):
    client.force_login(chief)
    response = client.post(
        reverse("admin:auth_user_add"),
        {"username": "neu", "password1": "ein-langes-passwort-1", "password2": "ein-langes-passwort-1", "usable_password": "true"},
    )
    assert response.status_code == 302
    user = User.objects.get(username="neu")
    reporter_role = Group.objects.get(name="Autor/in")
    data = {
        "username": "neu", "first_name": "Nina", "last_name": "Neu", "email": "nina@example.org",
        "is_active": "on", "is_staff": "on", "groups": [reporter_role.pk],
        "last_login_0": "", "last_login_1": "", "date_joined_0": "01.01.2026", "date_joined_1": "00:00:00",
    }
    client.post(reverse("admin:auth_user_change", args=[user.pk]), data)
    user.refresh_from_db()
    assert user.is_staff and list(user.groups.all()) == [reporter_role]


def test_chief_cannot_grant_superuser_by_crafted_post(client, chief):
    target = UserFactory(username="ziel", is_staff=True)
    client.force_login(chief)
    data = {
        "username": "ziel", "is_active": "on", "is_staff": "on", "is_superuser": "on",
        "date_joined_0": "01.01.2026", "date_joined_1": "00:00:00",
    }
    client.post(reverse("admin:auth_user_change", args=[target.pk]), data)
    target.refresh_from_db()
    assert not target.is_superuser


def test_chief_cannot_change_a_superuser(client, chief):
    boss = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(chief)
    response = client.post(reverse("admin:auth_user_change", args=[boss.pk]), {"username": "gekapert"})
    assert response.status_code == 403
    boss.refresh_from_db()
    assert boss.username == "root"


@pytest.mark.parametrize("role", ["reporter", "editor"])
def test_reporters_and_editors_cannot_manage_accounts_or_categories(client, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    assert client.post(reverse("admin:auth_user_change", args=[user.pk]), {"username": user.username, "is_superuser": "on"}).status_code == 403
    assert client.post(reverse("admin:articles_category_add"), {"name": "Neu", "slug": "neu", "position": 1}).status_code == 403
