"""What every `/api/v1/` view shares: error format, query parameter checks, pagination.

* Errors: ``{"message": "…", "<field>": ["…"], …}`` — a summary plus a message list
  per field (or query parameter), the same ``message`` key the API v2 uses.
* Unknown query parameters, bad ``limit``/``offset`` and invalid filter or sort values
  are a 400 (a typo must not silently return something else).
* Lists: ``{"meta": {"total_count": n, "limit": l, "offset": o}, "items": […]}`` with
  ``?limit=`` (default 20, at most 100) and ``?offset=``, as in API v2.
"""

import datetime
import functools
import json
import re

from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from participation.core.models import IdempotencyRecord
from website import query_params
from website.query_params import BadParameter

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_OFFSET = query_params.MAX_OFFSET


class QueryParameterError(APIException):
    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, field, message):
        super().__init__({field: [str(message)]})


def _first_message(data):
    if isinstance(data, dict):
        for key in ("detail", "non_field_errors"):
            if key in data:
                return _first_message(data[key])
        for value in data.values():
            message = _first_message(value)
            if message:
                return message
        return ""
    if isinstance(data, (list, tuple)):
        return _first_message(data[0]) if data else ""
    return str(data)


class ApiView(APIView):
    """APIView whose error answers always carry a ``message`` next to the per-field lists."""

    #: Query parameters a GET understands; anything else is a 400.
    query_parameters = frozenset()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            unknown = sorted(set(request.query_params) - set(self.query_parameters) - {"format"})
            if unknown:
                raise QueryParameterError(unknown[0], _("Unknown query parameter."))

    def handle_exception(self, exc):
        # The shared query parser (website.query_params) speaks for every view: its refusal is a 400.
        if isinstance(exc, BadParameter):
            exc = QueryParameterError(exc.name, exc.message)
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        data = getattr(response, "data", None)
        if response.status_code >= 400 and isinstance(data, dict) and "message" not in data:
            response.data = {"message": _first_message(data), **data}
        return response


def parse_locale(request):
    """The Locale named by ``?locale=`` (the site's default language when absent); unknown is a 400."""
    language = request.query_params.get("locale", "") or settings.LANGUAGE_CODE
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        raise QueryParameterError("locale", _("Unknown language."))
    return locale


def paginate(request, queryset_or_list):
    """One page of items and its ``meta`` block; ``count()`` on querysets, ``len()`` on lists."""
    # A refused value is a BadParameter, which ApiView.handle_exception answers with a 400.
    limit = query_params.parse_int(request.query_params, "limit", DEFAULT_LIMIT, minimum=1, maximum=MAX_LIMIT)
    offset = query_params.parse_int(request.query_params, "offset", 0, maximum=MAX_OFFSET)
    total = len(queryset_or_list) if isinstance(queryset_or_list, list) else queryset_or_list.count()
    items = list(queryset_or_list[offset : offset + limit])
    return items, {"total_count": total, "limit": limit, "offset": offset}


def paginated_response(items, meta, **extra):
    return Response({"meta": meta, **extra, "items": items})


PAGINATION_PARAMETERS = frozenset({"limit", "offset"})


#: An ``Idempotency-Key``: 1 to 100 visible ASCII characters (a UUID is the usual choice).
IDEMPOTENCY_KEY = re.compile(r"^[\x21-\x7e]{1,100}$")
IDEMPOTENCY_KEEP = datetime.timedelta(days=1)


def _replay(record, request):
    if record.method != request.method or record.path != request.path:
        return Response(
            {"message": str(_("This Idempotency-Key was already used for another request."))},
            status=status.HTTP_422_UNPROCESSABLE_ENTITY,
        )
    return Response(record.body, status=record.status, headers={"Idempotent-Replayed": "true"})


def idempotent_write(handler):
    """A write handler run in one transaction, answerable again without writing twice.

    The write and the answer are one transaction: if the database goes away before the
    commit, nothing is stored and the client (told 503) may simply send again. With an
    ``Idempotency-Key`` header from a logged-in account, the answer is stored in that same
    transaction; the same key sent again (a retry after a lost answer, or a double click)
    gets the stored answer back with ``Idempotent-Replayed: true`` and writes nothing. Two
    requests with one key at the same moment: the unique constraint lets one win, the
    other repeats its answer.
    """

    @functools.wraps(handler)
    def wrapper(self, request, *args, **kwargs):
        key = request.headers.get("Idempotency-Key")
        if key is None or not request.user.is_authenticated:
            with transaction.atomic():
                return handler(self, request, *args, **kwargs)
        if not IDEMPOTENCY_KEY.match(key):
            raise QueryParameterError("Idempotency-Key", _("Send 1 to 100 visible ASCII characters."))
        try:
            with transaction.atomic():
                earlier = IdempotencyRecord.objects.filter(user=request.user, key=key).first()
                if earlier is not None:
                    return _replay(earlier, request)
                response = handler(self, request, *args, **kwargs)
                if response.status_code < 500:
                    IdempotencyRecord.objects.filter(
                        user=request.user, created_at__lt=timezone.now() - IDEMPOTENCY_KEEP
                    ).delete()
                    IdempotencyRecord.objects.create(
                        user=request.user,
                        key=key,
                        method=request.method,
                        path=request.path[:300],
                        status=response.status_code,
                        body=json.loads(JSONRenderer().render(response.data) or b"null"),
                    )
                return response
        except IntegrityError:
            earlier = IdempotencyRecord.objects.filter(user=request.user, key=key).first()
            if earlier is None:
                raise
            return _replay(earlier, request)

    return wrapper
