"""„Vertrag widerrufen“ (§ 356a BGB): within 14 days a contract ends at once, in two steps and without a login."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from lxml import html as lxml_html

from subscriptions.models import Subscription, Withdrawal
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/widerrufen/"


@pytest.fixture
def new_subscriber(plan):
    """A reader whose subscription began three days ago: inside the withdrawal period."""
    user = UserFactory(username="neu@example.org", email="neu@example.org")
    Subscription.objects.create(reader=user, plan=plan, starts_at=timezone.now() - timedelta(days=3), ends_at=timezone.now() + timedelta(days=27))
    return user


def declaration(**overrides):
    return {
        "name": "Nora Neu", "account_email": "neu@example.org", "customer_number": "", "contract": "Digital-Abo",
        "confirmation_email": "nora@example.org", **overrides,
    }


@pytest.mark.parametrize("path", ["/", "/abo/", "/konto/anmelden/"])
def test_every_page_links_to_the_withdrawal_page(client, path):
    page = lxml_html.fromstring(client.get(path).content)
    assert page.xpath('//footer//a[normalize-space()="Vertrag widerrufen"]/@href') == [URL]


def test_the_page_asks_who_which_contract_and_where_to_confirm_with_one_button(client):
    page = lxml_html.fromstring(client.get(URL).content)
    names = {field.get("name") for field in page.xpath("//main//form//*[@name]")} - {"csrfmiddlewaretoken"}
    assert names == {"name", "account_email", "customer_number", "contract", "confirmation_email"}
    assert [" ".join(b.text_content().split()) for b in page.xpath("//main//form//button")] == ["Widerruf bestätigen"]


def test_a_withdrawal_in_time_ends_the_contract_now_and_is_confirmed(client, new_subscriber, django_capture_on_commit_callbacks):
    subscription = new_subscriber.subscriptions.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, declaration(), follow=True)
    html = response.content.decode()
    assert "Ihr Widerruf ist eingegangen" in html and "erstatten" in html
    withdrawal = Withdrawal.objects.get()
    assert withdrawal.in_time and withdrawal.subscription == subscription
    assert not Subscription.objects.active().filter(pk=subscription.pk).exists()
    assert mail.outbox[-1].to == ["nora@example.org", "neu@example.org"] and "Nora Neu" in mail.outbox[-1].body


def test_a_withdrawal_after_14_days_is_kept_but_points_to_the_termination(client, new_subscriber, django_capture_on_commit_callbacks):
    subscription = new_subscriber.subscriptions.get()
    Subscription.objects.filter(pk=subscription.pk).update(starts_at=timezone.now() - timedelta(days=15))
    with django_capture_on_commit_callbacks(execute=True):
        html = client.post(URL, declaration(), follow=True).content.decode()
    assert "Widerrufsfrist" in html and 'href="/kuendigen/"' in html
    withdrawal = Withdrawal.objects.get()
    assert not withdrawal.in_time and Subscription.objects.active().filter(pk=subscription.pk).exists()
    assert "Verträge hier kündigen" in mail.outbox[-1].body


def test_the_account_page_offers_the_withdrawal_only_during_the_period(client, new_subscriber):
    client.force_login(new_subscriber)
    assert 'href="/widerrufen/"' in client.get("/konto/").content.decode().split("<footer")[0]
    Subscription.objects.filter(reader=new_subscriber).update(starts_at=timezone.now() - timedelta(days=20))
    assert 'href="/widerrufen/"' not in client.get("/konto/").content.decode().split("<footer")[0]


def test_missing_fields_keep_the_input(client):
    response = client.post(URL, declaration(account_email=""))
    html = response.content.decode()
    assert response.status_code == 200 and 'value="Nora Neu"' in html and not Withdrawal.objects.exists()
