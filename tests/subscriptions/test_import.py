"""CSV import of subscriptions sold elsewhere."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from subscriptions.importer import import_subscriptions
from subscriptions.models import Subscription

pytestmark = pytest.mark.django_db



def outcomes(results):
    return [(r.line, r.outcome) for r in results]


def test_valid_rows_are_created_and_a_second_import_changes_nothing(plan):
    data = "email,plan,start,end\nanna@example.org,digital,2026-01-01,2027-01-01\nbernd@example.org,digital,01.02.2026,01.02.2027\n"
    assert outcomes(import_subscriptions(data)) == [(2, "created"), (3, "created")]
    assert outcomes(import_subscriptions(data)) == [(2, "unchanged"), (3, "unchanged")]
    assert Subscription.objects.count() == 2
    ends_at = Subscription.objects.get(reader__email="bernd@example.org").ends_at
    assert timezone.localtime(ends_at).date().isoformat() == "2027-02-01"


def test_changed_end_date_updates(plan):
    import_subscriptions("email,plan,start,end\nanna@example.org,digital,2026-01-01,2027-01-01\n")
    results = import_subscriptions("email,plan,start,end\nanna@example.org,digital,2026-01-01,2028-01-01\n")
    assert outcomes(results) == [(2, "updated")]
    assert timezone.localtime(Subscription.objects.get().ends_at).year == 2028


def test_bad_rows_are_rejected_with_reasons_and_good_rows_still_count(plan):
    data = (
        "email,plan,start,end\n"
        "kein-at,digital,2026-01-01,2027-01-01\n"
        "c@example.org,platin,2026-01-01,2027-01-01\n"
        "d@example.org,digital,gestern,2027-01-01\n"
        "e@example.org,digital,2027-01-01,2026-01-01\n"
        "f@example.org,digital,2026-01-01,2027-01-01\n"
        "f@example.org,digital,2026-01-01,2027-01-01\n"
    )
    results = import_subscriptions(data)
    assert outcomes(results) == [(2, "rejected"), (3, "rejected"), (4, "rejected"), (5, "rejected"), (6, "created"), (7, "unchanged")]
    assert [r.message for r in results[:4]] == [
        "ungültige E-Mail-Adresse", "unbekanntes Abo „platin“",
        "Datumsangaben bitte wie 2026-12-31 oder 31.12.2026", "das Ende liegt vor dem Beginn",
    ]
    assert Subscription.objects.count() == 1


def test_dry_run_saves_nothing(plan):
    data = "email,plan,start,end\nanna@example.org,digital,2026-01-01,2027-01-01\n"
    assert outcomes(import_subscriptions(data, dry_run=True)) == [(2, "created")]
    assert not Subscription.objects.exists()
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(email="anna@example.org").exists()


def test_semicolons_and_byte_order_mark(plan):
    data = "\ufeffemail;plan;start;end\nanna@example.org;digital;01.01.2026;01.01.2027\n".encode()
    assert outcomes(import_subscriptions(data)) == [(2, "created")]


@pytest.mark.parametrize("data", ["", "name,tarif\nx,y\n", "völlig kaputt"])
def test_missing_header_is_a_clear_error(plan, data):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        import_subscriptions(data)
    assert "email, plan, start, end" in error.value.messages[0]


def test_management_command_reports_each_row(plan, tmp_path):
    csv_file = tmp_path / "abos.csv"
    csv_file.write_text("email,plan,start,end\nanna@example.org,digital,2026-01-01,2027-01-01\nx,digital,2026-01-01,2027-01-01\n")
    out = StringIO()
    call_command("import_subscriptions", str(csv_file), "--dry-run", stdout=out)
    assert "line 2: created anna@example.org" in out.getvalue()
    assert "line 3: rejected x ungültige E-Mail-Adresse" in out.getvalue()
    assert "dry run, nothing saved: 1 created, 0 updated, 0 unchanged, 1 rejected" in out.getvalue()
    assert not Subscription.objects.exists()
    with pytest.raises(CommandError):
        call_command("import_subscriptions", str(tmp_path / "fehlt.csv"))


def test_admin_import_with_report(client, editor, plan):
    client.force_login(editor)
    url = "/admin/subscriptions/subscription/import/"
    upload = SimpleUploadedFile("abos.csv", b"email,plan,start,end\nanna@example.org,digital,2026-01-01,2027-01-01\n")
    html = client.post(url, {"csv_file": upload, "dry_run": "on"}).content.decode()
    assert "Probelauf – nichts wurde gespeichert" in html and "anna@example.org" in html
    assert not Subscription.objects.exists()
    upload = SimpleUploadedFile("abos.csv", b"email,plan,start,end\nanna@example.org,digital,2026-01-01,2027-01-01\n")
    client.post(url, {"csv_file": upload})
    assert Subscription.objects.count() == 1
    binary = SimpleUploadedFile("abos.csv", b"\xff\xfe\x00garbage")
    response = client.post(url, {"csv_file": binary})
    assert response.status_code == 200 and "UTF-8" in response.content.decode()


def test_reporters_cannot_import(client, reporter, plan):
    client.force_login(reporter)
    assert client.get("/admin/subscriptions/subscription/import/").status_code == 403
