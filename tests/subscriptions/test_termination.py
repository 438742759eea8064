"""„Verträge hier kündigen“ (§ 312k BGB): one click from every page, no login, exactly the fields the law names."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from subscriptions.models import Subscription, Termination
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/kuendigen/"


def declaration(**overrides):
    return {
        "kind": "ordinary", "reason": "", "name": "Anna Abonnentin", "account_email": "abonnentin@example.org",
        "customer_number": "", "contract": "Digital-Abo", "requested_date": "", "confirmation_email": "anna@example.org",
        **overrides,
    }


@pytest.mark.parametrize("path", ["/", "/abo/", "/konto/anmelden/", "/suche/", "/impressum/"])
def test_every_page_links_to_the_termination_page_in_its_footer(client, path):
    page = lxml_html.fromstring(client.get(path).content)
    links = page.xpath('//footer//a[normalize-space()="Verträge hier kündigen"]/@href')
    assert links == [URL]


def test_the_page_needs_no_login_and_asks_for_exactly_the_named_fields(client):
    response = client.get(URL)
    assert response.status_code == 200
    page = lxml_html.fromstring(response.content)
    names = sorted({field.get("name") for field in page.xpath("//main//form//*[@name]")} - {"csrfmiddlewaretoken"})
    assert names == sorted([
        "kind", "reason", "name", "account_email", "customer_number", "contract", "requested_date", "confirmation_email",
    ])
    buttons = [" ".join(button.text_content().split()) for button in page.xpath("//main//form//button")]
    assert buttons == ["jetzt kündigen"]
    assert "/abo/" not in {link.get("href") for link in page.xpath("//main//a")}  # no retention offers
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_an_ordinary_termination_keeps_access_to_the_end_of_the_term(client, subscriber, django_capture_on_commit_callbacks):
    subscription = subscriber.subscriptions.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, declaration(), follow=True)
    html = response.content.decode()
    assert "Ihre Kündigung ist eingegangen" in html and "Ordentliche Kündigung" in html
    assert timezone.localtime(timezone.now()).strftime("%d.%m.%Y") in html  # the time of the declaration
    assert f"zum {timezone.localtime(subscription.ends_at):%d.%m.%Y}" in html

    termination = Termination.objects.get()
    assert termination.subscription == subscription and termination.effective_at == subscription.ends_at
    subscription.refresh_from_db()
    assert subscription.terminated_at is not None and subscription.is_active
    assert "gekündigt zum" in str(subscription.status_label)

    message = mail.outbox[-1]
    assert message.to == ["anna@example.org", "abonnentin@example.org"] and "Digital-Abo" in message.body  # the customer gets a copy and "Ordentliche Kündigung" in message.body

    later = subscription.ends_at + timedelta(minutes=1)
    assert not Subscription.objects.active(later).filter(pk=subscription.pk).exists()


def test_an_extraordinary_termination_ends_on_the_day_asked(client, subscriber):
    subscription = subscriber.subscriptions.get()
    tomorrow = timezone.localdate() + timedelta(days=1)
    client.post(URL, declaration(kind="extraordinary", reason="Umzug ins Ausland", requested_date=tomorrow.isoformat()))
    subscription.refresh_from_db()
    assert timezone.localtime(subscription.ends_at).date() == tomorrow


def test_an_extraordinary_termination_needs_its_reason_and_keeps_the_input(client, subscriber):
    response = client.post(URL, declaration(kind="extraordinary", name="Anna Abonnentin"))
    html = response.content.decode()
    assert response.status_code == 200 and "Bitte nennen Sie den Grund" in html
    assert 'value="Anna Abonnentin"' in html and not Termination.objects.exists()


def test_a_declaration_that_matches_no_contract_waits_for_staff_and_is_still_confirmed(
    client, admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, declaration(account_email="unbekannt@example.org"))
    termination = Termination.objects.get()
    assert termination.subscription is None and termination.effective_at is None
    assert "ordnen Ihre Kündigung" in mail.outbox[-1].body
    page = admin_client.get(reverse("admin:subscriptions_termination_changelist"), {"matched": "no"}).content.decode()
    assert "unbekannt@example.org" in page


def test_a_stranger_who_knows_only_the_address_ends_nothing_and_the_customer_hears_of_it(
    client, subscriber, django_capture_on_commit_callbacks,
):
    subscriber.first_name, subscriber.last_name = "Anna", "Abonnentin"
    subscriber.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, declaration(name="Mallory Fremd", confirmation_email="mallory@example.org"))
    termination = Termination.objects.get()
    assert termination.subscription is None  # waits for staff under "keinem Vertrag zugeordnet"
    assert subscriber.subscriptions.get().terminated_at is None
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, declaration(name="  anna  ABONNENTIN ", confirmation_email="mallory@example.org"))
    assert subscriber.subscriptions.get().terminated_at is not None
    assert mail.outbox[-1].to == ["mallory@example.org", "abonnentin@example.org"]


def test_the_contract_number_picks_one_of_several_contracts(client, subscriber, plan):
    second = Subscription.objects.create(
        reader=subscriber, plan=plan, starts_at=timezone.now(), ends_at=timezone.now() + timedelta(days=300)
    )
    client.post(URL, declaration(customer_number=second.contract_number))
    assert Termination.objects.get().subscription == second


def test_several_contracts_without_a_number_wait_for_staff(client, subscriber, plan):
    Subscription.objects.create(reader=subscriber, plan=plan, starts_at=timezone.now(), ends_at=timezone.now() + timedelta(days=300))
    client.post(URL, declaration())
    assert Termination.objects.get().subscription is None


def test_a_date_in_the_past_is_refused(client, subscriber):
    response = client.post(URL, declaration(requested_date="2020-01-01"))
    assert response.status_code == 200 and "in der Vergangenheit" in response.content.decode()


def test_a_failing_mail_server_loses_no_termination(client, subscriber, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.editorial.test_notifications.BrokenMailServer"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, declaration())
    assert response.status_code == 302
    assert Termination.objects.get().subscription is not None


def test_the_confirmation_page_needs_its_signed_link(client):
    assert client.get("/kuendigen/bestaetigung/1/").status_code == 404
    assert client.get("/kuendigen/bestaetigung/x:y:z/").status_code == 404


def test_one_address_cannot_flood_the_page(client, one_rate_window):
    statuses = [client.post(URL, declaration(account_email=f"x{n}@example.org")).status_code for n in range(21)]
    assert statuses[:20] == [302] * 20 and statuses[20] == 429


def test_the_account_page_links_to_the_termination_page(client, subscriber):
    client.force_login(subscriber)
    html = client.get("/konto/").content.decode()
    assert 'href="/kuendigen/"' in html and subscriber.subscriptions.get().contract_number in html


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(
    st.sampled_from(list(declaration())), st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300)
))
def test_no_input_makes_the_page_fail(client, data):
    cache.clear()  # the page allows 20 declarations an hour from one address; this sends more
    response = client.post(URL, data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert re.search(r"errorlist|Dieses Feld", response.content.decode())
