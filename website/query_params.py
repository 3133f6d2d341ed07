"""Query parameters, read once and the same way everywhere: numbers, ids, dates, choices, search text.

Both API families (`/api/v1/`, `/api/v2/`) and the HTML list views read their parameters
through these functions. A value that cannot be used is a `BadParameter` (the name of the
parameter and a translated message): the API answers it with its 400 JSON body, an HTML
view with a form error. What is refused here never reaches the database, so no value a
person can type ends in a database error:

- whole numbers are ASCII digits only (no "²", no "1e9", no sign unless allowed) and
  bounded, so nothing overflows a PostgreSQL ``integer`` or an SQLite ``INTEGER``;
- dates are ISO dates between `MIN_DATE` and `MAX_DATE`, so converting them to a
  time-zone-aware datetime (``__date`` lookups) cannot leave Python's or the database's range;
- search text loses control characters and an unbalanced quote and is bounded in length;
  the search backends quote what is left for their query language (``search.backends``).
"""

import datetime
import unicodedata

from django.utils.translation import gettext_lazy as _

#: The largest id a filter may name: a PostgreSQL ``integer`` primary key (Wagtail's pages).
MAX_ID = 2**31 - 1
#: The deepest a list may be paged into.
MAX_OFFSET = 1_000_000
#: Dates a filter may name; wide enough for any agenda, narrow enough for every database.
MIN_DATE = datetime.date(1900, 1, 1)
MAX_DATE = datetime.date(2999, 12, 31)
#: The longest search text anyone types.
MAX_SEARCH_LENGTH = 200


class BadParameter(ValueError):
    """A query parameter that cannot be used: its name and a message for the person who sent it."""

    def __init__(self, name, message):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


def _value(params, name):
    value = params.get(name)
    return None if value is None or value == "" else value


def to_int(name, value, *, minimum=0, maximum=MAX_ID):
    """A whole number from one raw value, within [minimum, maximum]."""
    text = str(value).strip()
    negative = text.startswith("-") and minimum < 0
    digits = text[1:] if negative else text
    if not digits or not digits.isascii() or not digits.isdigit() or len(digits) > 19:
        raise BadParameter(name, _("Enter a whole number."))
    number = -int(digits) if negative else int(digits)
    if number < minimum or number > maximum:
        raise BadParameter(
            name, _("Enter a number from %(minimum)s to %(maximum)s.") % {"minimum": minimum, "maximum": maximum}
        )
    return number


def parse_int(params, name, default=None, *, minimum=0, maximum=MAX_ID):
    value = _value(params, name)
    return default if value is None else to_int(name, value, minimum=minimum, maximum=maximum)


def parse_id(params, name):
    """The id of an object (1 to `MAX_ID`), or None when the parameter is absent."""
    value = _value(params, name)
    return None if value is None else to_int(name, value, minimum=1)


def parse_ids(params, name, *, maximum_count=100):
    """Ids given as ``?name=1,2,3`` (or repeated): distinct, in the order given."""
    raw = params.getlist(name) if hasattr(params, "getlist") else [params.get(name) or ""]
    parts = [part for value in raw for part in str(value).split(",") if part.strip()]
    if len(parts) > maximum_count:
        raise BadParameter(name, _("Name at most %(count)s ids.") % {"count": maximum_count})
    return list(dict.fromkeys(to_int(name, part, minimum=1) for part in parts))


def to_date(name, value):
    try:
        date = datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise BadParameter(name, _("Enter a date in the form YYYY-MM-DD.")) from None
    if not MIN_DATE <= date <= MAX_DATE:
        raise BadParameter(
            name,
            _("Enter a date from %(first)s to %(last)s.")
            % {"first": MIN_DATE.isoformat(), "last": MAX_DATE.isoformat()},
        )
    return date


def parse_date(params, name, default=None):
    value = _value(params, name)
    return default if value is None else to_date(name, value)


def parse_choice(params, name, choices, default=None):
    """One of `choices` (their string forms); anything else is refused with the list of choices."""
    value = _value(params, name)
    if value is None:
        return default
    allowed = [str(choice) for choice in choices]
    if value not in allowed:
        raise BadParameter(name, _("Choose one of: %(choices)s.") % {"choices": ", ".join(allowed)})
    return value


def clean_search_text(text):
    """Search text without control characters, an unbalanced double quote or extra spaces."""
    text = "".join(" " if unicodedata.category(char) in ("Cc", "Cf") else char for char in text)
    if text.count('"') % 2:
        text = text.replace('"', " ")
    return " ".join(text.split())


def parse_search(params, name, *, max_length=MAX_SEARCH_LENGTH):
    value = params.get(name) or ""
    if len(value) > max_length:
        raise BadParameter(name, _("Enter at most %(count)s characters.") % {"count": max_length})
    return clean_search_text(value)
