"""Banner targeting, scheduling, click counting and impressions."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from banners.models import Banner

pytestmark = pytest.mark.django_db


def banner(title, **fields):
    return Banner.objects.create(title=title, target_url=f"https://example.org/{title}", **fields)


def header_html(client):
    html = client.get("/").content.decode()
    start = html.find('data-banner-slot="header"')
    return html[start: html.find("</aside>", start)] if start >= 0 else ""


@pytest.mark.parametrize(
    "audience, shown_to",
    [
        ("everyone", {"anonymous", "registered", "subscriber"}),
        ("anonymous", {"anonymous"}),
        ("registered", {"registered"}),
        ("subscribers", {"subscriber"}),
    ],
)
def test_audiences(client, registered, subscriber, audience, shown_to):
    banner("Kurse", audience=audience)
    seen = set()
    for kind, user in (("anonymous", None), ("registered", registered), ("subscriber", subscriber)):
        client.logout()
        if user:
            client.force_login(user)
        if "Kurse" in header_html(client):
            seen.add(kind)
    assert seen == shown_to


def test_subscribers_never_see_subscription_offers(client, subscriber, registered):
    banner("Jetzt-abonnieren", kind=Banner.Kind.SUBSCRIPTION, audience="everyone")
    client.force_login(subscriber)
    assert "Jetzt-abonnieren" not in header_html(client)
    client.force_login(registered)
    assert "Jetzt-abonnieren" in header_html(client)


def test_time_window_and_active_flag(client):
    now = timezone.now()
    banner("Vorbei", ends_at=now - timedelta(seconds=1))
    banner("Bald", starts_at=now + timedelta(hours=1))
    banner("Aus", is_active=False)
    assert header_html(client) == ""
    banner("Jetzt", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1))
    assert "Jetzt" in header_html(client)


def test_weight_zero_is_never_shown_and_weights_share_the_place(client):
    banner("Nie", weight=0)
    banner("Oft", weight=3)
    banner("Selten", weight=1)
    seen = [("Oft" in h) - ("Selten" in h) for h in (header_html(client) for _ in range(40))]
    assert all("Nie" not in header_html(client) for _ in range(5))
    assert seen.count(1) > seen.count(-1) > 0


def test_paywall_and_sidebar_placements(client, premium_article, no_meter_left):
    banner("In-der-Paywall", placement="paywall")
    banner("Am-Rand", placement="sidebar")
    client.force_login(no_meter_left)
    html = client.get(premium_article.get_absolute_url()).content.decode()
    paywall = html[html.index('class="paywall"'):html.index("</section>", html.index('class="paywall"'))]
    assert "In-der-Paywall" in paywall
    assert 'data-banner-slot="sidebar"' in html and "Am-Rand" in html


def test_in_article_banner_sits_after_the_chosen_paragraph(client, kurzmeldungen):
    from tests.factories import ArticleFactory

    article = ArticleFactory(body="<p>Eins</p><p>Zwei</p><p>Drei</p><p>Vier</p>", primary_category=kurzmeldungen)
    banner("Im-Artikel", placement="in_article", after_paragraph=2)
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.index("<p>Zwei</p>") < html.index("Im-Artikel") < html.index("<p>Drei</p>")
