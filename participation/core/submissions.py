"""HTML forms sent twice are stored once: the form carries a one-time submission token.

``{% submission_token %}`` (dialogue_tags) puts a fresh random token into the form. A view
wrapped in ``once_per_submission`` runs in one transaction; when it answers with a redirect
(the form was stored), the redirect's target is recorded under the account and the token in
that same transaction (``IdempotencyRecord``, the API's ``Idempotency-Key`` store). The same
form sent again (a double click, a reload after a lost answer, a retry after a 503) is not
stored again: it gets the first answer's redirect and a note that it arrived already. A form
without a token (an older page) works as before.
"""

import functools
import re

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from participation.core.models import IdempotencyRecord

FIELD = "submission_token"
TOKEN = re.compile(r"^[0-9a-f]{32}$")


def _key(token):
    return f"form:{token}"


def _replay(request, record):
    messages.info(request, _("This was already sent and has been stored once."))
    return redirect(record.body["location"])


def once_per_submission(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        token = request.POST.get(FIELD, "") if request.method == "POST" else ""
        if not TOKEN.match(token) or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        try:
            with transaction.atomic():
                earlier = IdempotencyRecord.objects.filter(user=request.user, key=_key(token)).first()
                if earlier is not None and earlier.path == request.path:
                    return _replay(request, earlier)
                response = view(request, *args, **kwargs)
                if earlier is None and response.status_code in (301, 302, 303):
                    IdempotencyRecord.objects.create(
                        user=request.user,
                        key=_key(token),
                        method=request.method,
                        path=request.path[:300],
                        status=response.status_code,
                        body={"location": response["Location"]},
                    )
                return response
        except IntegrityError:
            earlier = IdempotencyRecord.objects.filter(user=request.user, key=_key(token)).first()
            if earlier is None:
                raise
            return _replay(request, earlier)

    return wrapper
