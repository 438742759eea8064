"""Rules kept twice for speed, as a QuerySet filter and on one cached object, must agree (like live() and is_live)."""

from datetime import timedelta
from itertools import product

import pytest
from django.utils import timezone

from banners.models import Banner
from subscriptions.models import Licence

pytestmark = pytest.mark.django_db


def test_banner_running_rule_agrees_with_the_queryset():
    now = timezone.now()
    past, future = now - timedelta(hours=1), now + timedelta(hours=1)
    for number, (active, starts, ends) in enumerate(product([True, False], [None, past, future], [None, past, future])):
        Banner.objects.create(title=f"B{number}", target_url="https://example.org/", is_active=active, starts_at=starts, ends_at=ends)
    running = set(Banner.objects.running(now).values_list("pk", flat=True))
    assert {banner.pk for banner in Banner.objects.all() if banner.is_running(now)} == running
    assert {banner.pk for banner in Banner.objects.current_and_coming() if banner.is_running(now)} == running
    assert len(running) == 4  # active, started or no start, not ended or no end


def test_licence_validity_rule_agrees_with_the_queryset():
    now = timezone.now()
    past, future = now - timedelta(days=1), now + timedelta(days=1)
    for number, (active, starts, ends) in enumerate(product([True, False], [past, future], [past, future])):
        Licence.objects.create(organisation=f"L{number}", is_active=active, starts_at=starts, ends_at=ends)
    valid = set(Licence.objects.valid(now).values_list("pk", flat=True))
    assert {licence.pk for licence in Licence.objects.all() if licence.is_valid(now)} == valid
    assert {licence.pk for licence in Licence.objects.current_and_coming() if licence.is_valid(now)} == valid
    assert len(valid) == 1
