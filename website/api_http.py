"""ETag, Last-Modified and 304 answers for the read API (``/api/v1/…`` and ``/api/v2/…``).

The ETag is a hash of the JSON body, so it changes exactly when the representation
does (whatever changed it: a published page, a new support, a rating that moves a
measure's score). Last-Modified is the time this URL first served the current
representation, remembered in the cache (Redis in production, shared by all app
servers) next to its ETag: when the body changes, the time moves to now. If the cache
forgets, the time also moves to now — a client then gets one more full answer, never a
stale 304.

``If-None-Match`` and ``If-Modified-Since`` are evaluated as in RFC 9110 (Django's
``get_conditional_response``); ``If-None-Match`` wins when both are sent.

Before any view runs, a query string with a NUL character gets a 400: PostgreSQL
refuses NUL in text, so such a value would otherwise reach the database as an error.
"""

import hashlib

from django.core.cache import cache
from django.http import JsonResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

API_PATH_PREFIXES = ("/api/v1/", "/api/v2/")
# One small cache entry per URL served; a day bounds what arbitrary query strings can pile up.
LAST_MODIFIED_TIMEOUT = 60 * 60 * 24


def _cache_key(request):
    digest = hashlib.sha256(request.get_full_path().encode("utf-8", "surrogateescape")).hexdigest()
    return f"api-last-modified:{digest}"


def last_modified_for(request, etag):
    """Seconds since the epoch at which this URL started serving the representation ``etag``."""
    key = _cache_key(request)
    stored = cache.get(key)
    valid = isinstance(stored, (list, tuple)) and len(stored) == 2 and isinstance(stored[1], int)
    if valid and stored[0] == etag:
        return stored[1]
    now = int(timezone.now().timestamp())
    if valid:
        # HTTP dates have whole seconds: a change within the second of the previous
        # representation must still get a later date, or If-Modified-Since would match.
        now = max(now, stored[1] + 1)
    cache.set(key, (etag, now), LAST_MODIFIED_TIMEOUT)
    return now


class ConditionalAPIResponseMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(API_PATH_PREFIXES):
            for name, values in request.GET.lists():
                if "\x00" in name or any("\x00" in value for value in values):
                    message = "query parameters must not contain null characters"
                    field = name.replace("\x00", "") or "query"
                    return JsonResponse({"message": message, field: [message]}, status=400)
        response = self.get_response(request)
        if (
            request.method not in ("GET", "HEAD")
            or not request.path_info.startswith(API_PATH_PREFIXES)
            or response.status_code != 200
            or response.streaming
            or "no-store" in response.get("Cache-Control", "")
        ):
            return response
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        response["ETag"] = etag
        last_modified = last_modified_for(request, etag)
        response["Last-Modified"] = http_date(last_modified)
        if not response.has_header("Cache-Control"):
            # Revalidate every time: cheap with ETag, and never shows a stale idea count.
            response["Cache-Control"] = "no-cache"
        vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}
        for header in ("Accept-Language", "Cookie"):
            if header.lower() not in vary:
                response["Vary"] = f"{response['Vary']}, {header}" if response.has_header("Vary") else header
                vary.add(header.lower())
        return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
