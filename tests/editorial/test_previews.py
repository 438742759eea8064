"""Staff previews and share links for external reviewers."""

from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from editorial import actions
from editorial.models import SHARE_LINK_SALT, ShareLink
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def preview_url(article):
    return reverse("editorial:preview", args=[article.pk])


def assert_private(response):
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


class TestStaffPreview:
    def test_reporter_previews_a_draft_in_the_real_template(self, client, reporter, own_draft):
        client.force_login(reporter)
        response = client.get(preview_url(own_draft))
        assert_private(response)
        html = response.content.decode()
        assert "<h1>Entwurf der Autorin</h1>" in html and "Diesen Beitrag teilen" in html
        assert "Vorschau – Status: Entwurf" in html

    def test_a_preview_with_an_embed_may_load_its_frame(self, client, reporter, own_draft):
        own_draft.body += '<div class="embed" data-embed="youtube" data-url="https://youtu.be/dQw4w9WgXcQ" data-title="Video"></div>'
        own_draft.save()
        client.force_login(reporter)
        csp = client.get(preview_url(own_draft))["Content-Security-Policy"]
        assert "frame-src https://www.youtube-nocookie.com" in csp

    def test_preview_shows_proposed_corrections_of_a_published_article(self, client, reporter, editor, own_published):
        proposal = actions.propose_changes(own_published, {"teaser": "Der verbesserte Teaser."}, by=reporter)
        client.force_login(editor)
        assert "Der verbesserte Teaser." in client.get(preview_url(own_published), {"fassung": proposal.pk}).content.decode()
        assert "Der ursprüngliche Teaser." in client.get(preview_url(own_published)).content.decode()
        assert "Der ursprüngliche Teaser." in client.get(own_published.get_absolute_url()).content.decode()

    def test_readers_and_visitors_cannot_preview(self, client, reader, own_draft):
        response = client.get(preview_url(own_draft))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        client.force_login(reader)
        assert client.get(preview_url(own_draft)).status_code == 302

    def test_unknown_article_is_404(self, client, editor):
        client.force_login(editor)
        assert client.get(reverse("editorial:preview", args=[999999])).status_code == 404


class TestShareLinks:
    @pytest.fixture
    def link(self, editor, own_draft):
        return ShareLink.objects.create(article=own_draft, created_by=editor)

    def test_valid_link_shows_only_that_article_without_login(self, client, link, own_draft):
        other = ArticleFactory(title="Ein anderer Beitrag", tags=["x"])
        response = client.get(link.get_absolute_url())
        assert_private(response)
        html = response.content.decode()
        assert "Entwurf der Autorin" in html and other.title not in html
        assert "Dieser Link gilt bis" in html

    def test_default_lifetime_is_72_hours(self, link):
        assert abs(link.expires_at - (timezone.now() + timedelta(hours=72))) < timedelta(minutes=1)

    def test_expired_link_is_refused(self, client, link):
        ShareLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
        assert client.get(link.get_absolute_url()).status_code == 404

    def test_revoked_link_is_refused(self, client, link):
        ShareLink.objects.filter(pk=link.pk).update(revoked_at=timezone.now())
        assert client.get(link.get_absolute_url()).status_code == 404

    @pytest.mark.parametrize(
        "token",
        [
            lambda link: link.token[:-2] + ("AA" if not link.token.endswith("AA") else "BB"),
            lambda link: signing.dumps(link.pk + 1, salt=SHARE_LINK_SALT)[:-1] + "x",
            lambda link: signing.dumps(link.pk, salt="other-purpose"),
            lambda link: "not-a-token",
        ],
        ids=["tampered", "other-id-bad-signature", "wrong-salt", "garbage"],
    )
    def test_tampered_links_are_refused(self, client, link, token):
        assert client.get(reverse("editorial:shared_preview", args=[token(link)])).status_code == 404

    def test_editor_creates_and_revokes_a_link_in_the_admin(self, client, editor, own_draft):
        from .conftest import change_form_data

        client.force_login(editor)
        url = reverse("admin:articles_article_change", args=[own_draft.pk])
        data = change_form_data(own_draft)
        expires = timezone.localtime() + timedelta(hours=72)
        data.update({
            "share_links-TOTAL_FORMS": "1",
            "share_links-0-expires_at_0": expires.strftime("%d.%m.%Y"),
            "share_links-0-expires_at_1": expires.strftime("%H:%M:%S"),
        })
        assert client.post(url, data).status_code == 302
        link = ShareLink.objects.get()
        assert link.created_by == editor
        assert client.get(link.get_absolute_url()).status_code == 200

        from articles.models import Article

        data = change_form_data(Article.objects.get(pk=own_draft.pk))
        data.update({
            "share_links-TOTAL_FORMS": "1", "share_links-INITIAL_FORMS": "1",
            "share_links-0-id": link.pk, "share_links-0-article": own_draft.pk,
            "share_links-0-expires_at_0": expires.strftime("%d.%m.%Y"),
            "share_links-0-expires_at_1": expires.strftime("%H:%M:%S"),
            "share_links-0-revoke": "on",
        })
        assert client.post(url, data).status_code == 302
        assert client.get(link.get_absolute_url()).status_code == 404
