"""Import subscriptions sold elsewhere from CSV: e-mail, plan, start, end.

Rows are matched on (reader, plan, start), so importing the same file again
changes nothing. ``dry_run`` reports what would happen and writes nothing.
"""

import csv
import io
from dataclasses import dataclass
from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .models import Plan, Subscription

COLUMNS = ["email", "plan", "start", "end"]
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


@dataclass
class RowResult:
    line: int
    email: str
    outcome: str  # created, updated, unchanged, rejected
    message: str = ""


def parse_date(value):
    for date_format in DATE_FORMATS:
        try:
            return timezone.make_aware(datetime.combine(datetime.strptime(value.strip(), date_format).date(), time.min))
        except ValueError:
            continue
    raise ValueError(value)


def read_rows(data):
    """CSV rows as dicts; accepts bytes or text, comma or semicolon separated, with a header."""
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig")
    sample = data[:2048]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(data), dialect=dialect)
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    if header[:4] != COLUMNS:
        raise ValidationError(_("The first line must name the columns: %(columns)s.") % {"columns": ", ".join(COLUMNS)})
    reader.fieldnames = header
    return reader


def import_subscriptions(data, *, by=None, dry_run=False):
    """Import the rows of ``data``; ``by`` is the user who uploaded the file (None from the command line)."""
    results = []
    reader = read_rows(data)
    plans = {plan.slug: plan for plan in Plan.objects.all()}
    with transaction.atomic():
        for line, row in enumerate(reader, start=2):
            results.append(_import_row(line, row, plans, by))
        if dry_run:
            transaction.set_rollback(True)
    return results


def _import_row(line, row, plans, by):
    email = (row.get("email") or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        return RowResult(line, email, "rejected", _("invalid e-mail address"))
    plan = plans.get((row.get("plan") or "").strip())
    if plan is None:
        return RowResult(line, email, "rejected", _("unknown plan “%(plan)s”") % {"plan": row.get("plan") or ""})
    try:
        starts_at, ends_at = parse_date(row.get("start") or ""), parse_date(row.get("end") or "")
    except ValueError:
        return RowResult(line, email, "rejected", _("dates must look like 2026-12-31 or 31.12.2026"))
    if ends_at <= starts_at:
        return RowResult(line, email, "rejected", _("the end lies before the start"))
    user = services.reader_for_email(email)
    subscription = Subscription.objects.filter(reader=user, plan=plan, starts_at=starts_at).first()
    reason = _("CSV import, line %(line)d") % {"line": line}
    if subscription is None:
        services.grant(user, plan, starts_at=starts_at, ends_at=ends_at, source=Subscription.Source.IMPORT, by=by, reason=reason)
        return RowResult(line, email, "created")
    if subscription.ends_at == ends_at:
        return RowResult(line, email, "unchanged")
    services.set_end(subscription, ends_at, by=by, reason=reason)
    return RowResult(line, email, "updated", _("new end date"))
