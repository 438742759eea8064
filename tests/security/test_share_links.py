"""Finding 12: a share link to a published premium article lives 24 hours by default, and each use is logged."""

import logging
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from editorial.models import ShareLink
from tests.editorial.conftest import change_form_data, own_draft  # noqa: F401  (fixture)
from tests.paywall_fixtures import MARKER

pytestmark = pytest.mark.django_db


def create_link_with_the_default(client, article):
    default = timezone.localtime() + timedelta(hours=72)  # what the form offers
    day, time = default.strftime("%d.%m.%Y"), default.strftime("%H:%M:%S")
    data = change_form_data(article)
    data.update({
        "share_links-TOTAL_FORMS": "1",
        "share_links-0-expires_at_0": day, "share_links-0-expires_at_1": time,
        "initial-share_links-0-expires_at_0": day, "initial-share_links-0-expires_at_1": time,
    })
    assert client.post(reverse("admin:articles_article_change", args=[article.pk]), data).status_code == 302
    return ShareLink.objects.get(article=article)


def test_premium_links_default_to_24_hours_and_every_use_is_logged(client, editor, premium_article, caplog):
    client.force_login(editor)
    link = create_link_with_the_default(client, premium_article)
    lifetime = link.expires_at - timezone.now()
    assert timedelta(hours=23, minutes=55) < lifetime <= timedelta(hours=24)
    with caplog.at_level(logging.INFO, logger="editorial.views"):
        assert MARKER in Client(REMOTE_ADDR="203.0.113.50").get(link.get_absolute_url()).content.decode()
    assert f"Share link {link.pk} opened for article {premium_article.pk} (gated) from 203.0.113.50" in caplog.text


def test_links_to_drafts_keep_the_longer_default(client, editor, own_draft):
    client.force_login(editor)
    link = create_link_with_the_default(client, own_draft)
    assert link.expires_at - timezone.now() > timedelta(hours=71)
