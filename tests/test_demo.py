from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.models import Article, Author
from images.models import Image
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_content_covers_both_categories_and_is_idempotent(client, settings):
    settings.DEBUG = True
    output = load_demo()
    counts = (Article.objects.count(), Author.objects.count(), get_user_model().objects.count())
    load_demo()
    assert (Article.objects.count(), Author.objects.count(), get_user_model().objects.count()) == counts

    live = Article.objects.live()
    assert live.count() >= 12
    assert live.filter(categories__slug="kurzmeldungen").exists() and live.filter(categories__slug="magazin").exists()
    assert {"draft", "review", "returned"} <= set(Article.objects.not_live().values_list("status", flat=True))
    assert Article.objects.scheduled().exists()
    assert all(article.image and article.image.alt_text and article.image.credit for article in live)
    assert Image.objects.filter(hero_of__in=live).distinct().count() < live.count()  # a picture used twice
    assert Image.objects.exclude(focal_x=0.5).exists()
    assert all(author.photo for author in Author.objects.all())
    assert "autorin / autorin-demo-2026" in output and "redakteur / redakteur-demo-2026" in output
    assert "abonnent@example.org / abonnent-demo-2026" in output
    assert live.filter(access="premium").exists() and live.filter(access="").exists()
    from banners.models import Banner
    from subscriptions.models import Plan, Subscription

    assert Plan.objects.filter(is_active=True).count() >= 2
    assert Banner.objects.filter(title="Online-Kompaktkurse", placement="header").exists()
    assert Subscription.objects.active().filter(reader__username="abonnent@example.org").exists()
    from orders.models import Invoice

    assert Invoice.objects.open().filter(order__reader__username="praxis@example.org").count() == 1  # ordered, not paid

    article = live.first()
    assert client.get(article.get_absolute_url()).status_code == 200
    assert article.image.file.storage.exists(article.image.file.name)


def test_demo_logins_are_only_created_for_local_use(settings):
    settings.DEBUG = False
    output = load_demo()
    assert Article.objects.exists()
    assert not any(user.has_usable_password() for user in get_user_model().objects.all())
    assert "no demo logins" in output and "demo-2026" not in output


def test_demo_articles_went_through_the_workflow(settings):
    settings.DEBUG = True
    load_demo()
    from editorial.models import Revision

    for article in Article.objects.live():
        steps = list(
            article.revisions.exclude(action=Revision.Action.PROPOSE).exclude(comment__startswith="Korrektur veröffentlicht")
            .order_by("at", "pk").values_list("action", "by__username")
        )
        assert steps[0][0] == Revision.Action.CREATE and steps[-1] == (Revision.Action.PUBLISH, "redakteur")
        assert article.first_published_at == article.published_at
        assert article.revisions.order_by("pk").first().content["authors"]  # created with its relations
    proposal = Revision.objects.get(outcome=Revision.Outcome.OPEN)  # the reporter's two corrections, merged
    assert (proposal.by.username, proposal.content["corrected_fields"]) == ("autorin", ["teaser", "title"])
    returned = Article.objects.get(status=Article.Status.RETURNED)
    assert [action for action, _by in returned.revisions.order_by("at", "pk").values_list("action", "by")] == [
        Revision.Action.CREATE, Revision.Action.SUBMIT, Revision.Action.RETURN
    ]


def test_demo_staff_can_log_in_to_the_admin(client, settings):
    settings.DEBUG = True
    load_demo()
    assert log_in(client, "autorin", "autorin-demo-2026")
    assert client.get("/admin/articles/article/").status_code == 200


def test_generated_archive_is_live_varied_and_logged():
    from collections import Counter

    from demo.archive import generate
    from editorial.models import Revision

    generate(300, batch_size=120)
    live = Article.objects.live()
    assert live.count() == 300
    assert {"free", "registered", "premium"} == set(live.values_list("access", flat=True))
    assert live.filter(categories__slug="kurzmeldungen").exists() and live.filter(categories__slug="magazin").exists()
    years = {article.published_at.year for article in live}
    assert len(years) >= 5  # spread over the years
    assert all(article.bylines.exists() and article.tags.exists() for article in live[:20])
    assert 0.15 < live.filter(body__contains="Energie").count() / 300 < 0.35
    assert Counter(Revision.objects.values_list("action", "by__username")) == {(Revision.Action.PUBLISH, "archiv"): 300}
    imported = Revision.objects.select_related("article").first()
    assert imported.content["authors"] == [b.author_id for b in imported.article.bylines.all()]  # taken after relate
    assert imported.content["tags"] == sorted(imported.article.tags.names())
    assert all(a.first_published_at == a.published_at and a.reading_minutes >= 1 for a in live[:20])
