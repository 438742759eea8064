"""The desk speaks German and names people by their names."""

import pytest

from articles.models import Author
from editorial import actions
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_admin_menu_uses_german_names_for_tags_and_legal_pages(client, chief):
    client.force_login(chief)
    html = client.get("/admin/").content.decode()
    assert "Schlagwörter" in html and "Rechtliche Seiten" in html
    assert "Taggit" not in html and "TAGGIT" not in html


def test_the_review_queue_counts_in_german_and_names_who_sent_what(client, editor, reporter, own_draft):
    reporter.first_name, reporter.last_name = "Anna", "Autorin"
    reporter.save()
    actions.submit(own_draft, by=reporter)
    client.force_login(editor)
    html = client.get("/admin/editorial/articleinreview/").content.decode()
    assert "Anna Autorin" in html and ">autorin<" not in html
    assert "1 Artikel in Prüfung" in html or "Artikel in Prüfung" in html
    assert "Prüfliste" not in html


def test_the_my_articles_filter_reads_well(client, reporter):
    client.force_login(reporter)
    html = client.get("/admin/articles/article/").content.decode()
    assert "Nach Zuständigkeit" in html and "Nach meine Artikel" not in html


def test_a_new_staff_account_gets_an_author_profile_with_its_name(client, chief):
    client.force_login(chief)
    client.post("/admin/auth/user/add/", {
        "username": "mhartmann", "password1": "ein-langes-Passwort-2026", "password2": "ein-langes-Passwort-2026",
        "usable_password": "true",
    })
    user = UserFactory._meta.model.objects.get(username="mhartmann")
    user.is_staff, user.first_name, user.last_name = True, "Miriam", "Hartmann"
    data = {
        "username": "mhartmann", "first_name": "Miriam", "last_name": "Hartmann", "email": "m@example.org",
        "is_active": "on", "is_staff": "on", "date_joined_0": "2026-11-30", "date_joined_1": "10:00:00",
        "initial-date_joined_0": "2026-11-30", "initial-date_joined_1": "10:00:00",
    }
    response = client.post(f"/admin/auth/user/{user.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    author = Author.objects.get(user__username="mhartmann")
    assert (author.name, author.slug) == ("Miriam Hartmann", "miriam-hartmann")


def test_an_existing_profile_takes_the_real_name_once_it_is_known(reporter):
    UserFactory(username="neu", is_staff=True)
    user = UserFactory._meta.model.objects.get(username="neu")
    assert Author.profile_for(user).name == "neu"
    user.first_name, user.last_name = "Jonas", "Becker"
    assert Author.profile_for(user).name == "Jonas Becker"
    assert Author.objects.filter(user=user).count() == 1
