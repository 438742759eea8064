import pytest

from articles.models import Article
from editorial import actions
from editorial.actions import current_revision
from editorial.models import Revision
from editorial.revisions import SNAPSHOT_PREFETCH, snapshot
from tests.factories import ArticleFactory


def created(article, by):
    """The article's first revision, as the desk would have recorded it, so forms opened now have a revision to refer to."""
    Revision.objects.create(
        article=article, action=Revision.Action.CREATE, from_status=article.status, to_status=article.status, by=by,
        content=snapshot(Article.objects.prefetch_related(*SNAPSHOT_PREFETCH).get(pk=article.pk)),
    )
    return article


def draft_by(user, title, category):
    """A complete draft written by ``user``, ready to be submitted and published."""
    return created(ArticleFactory(
        title=title,
        status=Article.Status.DRAFT,
        published_at=None,
        created_by=user,
        authors=[user.author_profile],
        primary_category=category,
    ), user)


@pytest.fixture
def own_draft(reporter, kurzmeldungen):
    return draft_by(reporter, "Entwurf der Autorin", kurzmeldungen)


@pytest.fixture
def in_review(own_draft, reporter):
    from editorial import actions

    actions.submit(own_draft, by=reporter)
    own_draft.refresh_from_db()
    return own_draft


@pytest.fixture
def others_draft(other_reporter, kurzmeldungen):
    return draft_by(other_reporter, "Entwurf des Kollegen", kurzmeldungen)


@pytest.fixture
def own_published(reporter, kurzmeldungen):
    return created(ArticleFactory(
        title="Veröffentlichter Beitrag",
        teaser="Der ursprüngliche Teaser.",
        created_by=reporter,
        authors=[reporter.author_profile],
        primary_category=kurzmeldungen,
    ), reporter)


def change_form_data(article, **overrides):
    """The admin change form of ``article`` as a browser would post it unchanged."""
    bylines = list(article.bylines.all())
    data = {
        "kicker": article.kicker,
        "title": article.title,
        "slug": article.slug,
        "teaser": article.teaser,
        "body": article.body,
        "image": article.image_id or "",
        "primary_category": article.primary_category_id,
        "categories": [category.pk for category in article.categories.all()],
        "tags": ", ".join(article.tags.names()),
        "published_at_0": "",
        "published_at_1": "",
        "expires_at_0": "",
        "expires_at_1": "",
        "access": article.access,
        "preview_paragraphs": article.preview_paragraphs,
        "vgwort_pixel_url": article.vgwort_pixel_url,
        "seo_title": article.seo_title,
        "seo_description": article.seo_description,
        "workflow_comment": "",
        "opened_revision": (current_revision(article).pk if current_revision(article) else ""),
        "bylines-TOTAL_FORMS": str(len(bylines)),
        "bylines-INITIAL_FORMS": str(len(bylines)),
        "bylines-MIN_NUM_FORMS": "1",
        "bylines-MAX_NUM_FORMS": "1000",
    }
    for index, byline in enumerate(bylines):
        data.update({
            f"bylines-{index}-id": byline.pk,
            f"bylines-{index}-article": article.pk,
            f"bylines-{index}-author": byline.author_id,
            f"bylines-{index}-position": byline.position,
        })
    for prefix in ("editorial_notes", "share_links"):
        data.update({
            f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000",
        })
    corrections = list(article.corrections.all())
    data.update({
        "corrections-TOTAL_FORMS": str(len(corrections)), "corrections-INITIAL_FORMS": str(len(corrections)),
        "corrections-MIN_NUM_FORMS": "0", "corrections-MAX_NUM_FORMS": "1000",
    })
    for index, correction in enumerate(corrections):
        data.update({f"corrections-{index}-id": correction.pk, f"corrections-{index}-article": article.pk})
    if article.published_at:
        from django.utils import timezone

        local = timezone.localtime(article.published_at)
        data["published_at_0"], data["published_at_1"] = local.strftime("%d.%m.%Y"), local.strftime("%H:%M:%S")
    data.update(overrides)
    return data


def proposed(article):
    """The open proposed corrections of ``article``, field → value, all proposers together."""
    from editorial.revisions import proposed_changes

    changes = {}
    for proposal in actions.open_proposals(article):
        changes.update(proposed_changes(proposal))
    return changes or None


def revision_count(article):
    return Revision.objects.filter(article=article).count()
