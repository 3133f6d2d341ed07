"""Turning dataset rows into CSV and JSON, and reading the request parameters strictly.

Value rules (the same in both formats): dates as ``YYYY-MM-DD``, date-times as ISO 8601
with offset in the site's time zone, decimals with a dot, booleans as ``true``/``false``.
CSV: UTF-8 without BOM, comma-separated, a header row, lists joined with ``"; "``, empty
cells for missing values. JSON: lists stay lists, missing values are ``null``.
"""

import csv
import datetime
import io
import re
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

FORMATS = {"csv": "text/csv; charset=utf-8; header=present", "json": "application/json; charset=utf-8"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")
#: The earliest date a snapshot can be asked for (the agenda process started in 2020).
EARLIEST_AS_OF = datetime.date(2000, 1, 1)
MAX_PARAMETER_LENGTH = 20
KNOWN_PARAMETERS = ("lang", "as_of")


class BadParameter(ValueError):
    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def parse_language(value):
    """A content language code from ``?lang=``; the default language when empty."""
    value = (value or "").strip()
    if not value:
        return settings.LANGUAGE_CODE
    if value not in language_codes():
        raise BadParameter(
            "lang", _("Unknown language. Use one of: %(codes)s.") % {"codes": ", ".join(language_codes())}
        )
    return value


def parse_as_of(value, today=None):
    """The snapshot date from ``?as_of=`` or ``--date``: a date, or None for today."""
    value = (value or "").strip()
    if not value:
        return None
    if len(value) > 10 or not ISO_DATE.match(value):
        raise BadParameter("as_of", _("The date must be given as YYYY-MM-DD, for example 2025-06-30."))
    try:
        on_date = datetime.date.fromisoformat(value)
    except ValueError:
        raise BadParameter("as_of", _("The date is not a valid calendar date.")) from None
    if on_date < EARLIEST_AS_OF:
        raise BadParameter("as_of", _("The date must not be before %(date)s.") % {"date": EARLIEST_AS_OF.isoformat()})
    today = today or timezone.localdate()
    if on_date > today:
        raise BadParameter("as_of", _("The date must not be in the future."))
    return None if on_date == today else on_date


def parse_query(query_dict):
    """(language, as_of) from a request's GET parameters; other parameters are ignored."""
    for name in KNOWN_PARAMETERS:
        values = query_dict.getlist(name)
        if len(values) > 1:
            raise BadParameter(name, _("Give this parameter only once."))
        if values and len(values[0]) > MAX_PARAMETER_LENGTH:
            raise BadParameter(name, _("This parameter is too long."))
    return parse_language(query_dict.get("lang")), parse_as_of(query_dict.get("as_of"))


def plain_value(value):
    """A JSON-ready value: dates and times as ISO strings, decimals as numbers."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [plain_value(item) for item in value]
    return value


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (list, tuple)):
        return "; ".join(csv_cell(item) for item in value)
    value = plain_value(value)
    return str(value)


def render_csv(columns, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in columns])
    return buffer.getvalue().encode("utf-8")


def render_json(dataset, columns, rows, *, language, as_of, licence):
    import json

    document = {
        "dataset": dataset.key,
        "title": str(dataset.title),
        "language": language,
        "as_of": as_of.isoformat() if as_of else None,
        "history": str(dataset.history) if as_of else None,
        "generated_at": plain_value(timezone.now()),
        "license": licence,
        "columns": list(columns),
        "count": len(rows),
        "rows": [{column: plain_value(row.get(column)) for column in columns} for row in rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def filename(dataset_key, language, as_of, fmt):
    suffix = f"-{as_of.isoformat()}" if as_of else ""
    return f"{dataset_key}-{language}{suffix}.{fmt}"
