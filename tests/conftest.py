import pytest

from articles.models import Category

from .factories import ArticleFactory, UserFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Keep uploads from tests out of the project's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def kurzmeldungen(db):
    return Category.objects.get(slug="kurzmeldungen")


@pytest.fixture
def magazin(db):
    return Category.objects.get(slug="magazin")


@pytest.fixture
def live_article(db, kurzmeldungen, magazin):
    return ArticleFactory(primary_category=kurzmeldungen, categories=[magazin], tags=["Rechenzentren", "Energie"])


@pytest.fixture
def staff_user(db):
    from django.contrib.auth.models import Permission

    user = UserFactory(username="redakteur", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=["articles", "taggit"])
    )
    return user


@pytest.fixture
def reader(db):
    return UserFactory(username="leserin")
