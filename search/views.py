"""The search page, its JSON twin and the search box's suggestions."""

import logging
import re

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import engine, suggestions
from .models import SearchQueryStat

logger = logging.getLogger(__name__)

PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
MAX_FILTER_VALUES = 20
_FILTER_PATTERNS = {
    "type": re.compile(r"^[a-z_]{1,60}$"),
    "topic": re.compile(r"^\d{1,12}$"),
    "status": re.compile(r"^[a-z_]{1,40}$"),
    "year": re.compile(r"^\d{4}$"),
}


def read_filters(params):
    """({facet: [values]}, {facet: [errors]}) from GET parameters; malformed values are reported."""
    filters, errors = {}, {}
    for facet, pattern in _FILTER_PATTERNS.items():
        values = [value.strip() for value in params.getlist(facet) if value.strip()]
        if len(values) > MAX_FILTER_VALUES:
            errors[facet] = [_("Too many values.")]
            continue
        bad = [value for value in values if not pattern.match(value)]
        if bad:
            errors[facet] = [_("Unknown value.")]
        good = list(dict.fromkeys(value for value in values if pattern.match(value)))
        if good:
            filters[facet] = good
    return filters, errors


def _search(request, language, text, filters):
    """Hits (promoted first), facets, suggestion help; never raises for a backend outage."""
    query = engine.parse_query(text)
    context = engine.make_context(language, request)
    result = {"query": query, "context": context, "outcome": None, "promoted": [], "unavailable": False}
    if not query:
        return result
    try:
        outcome = engine.run_search(query, context, filters)
    except engine.SearchUnavailable:
        result["unavailable"] = True
        return result
    promoted = suggestions.promotions(text, context) if not any(filters.values()) else []
    promoted_urls = {hit.url for hit in promoted}
    outcome.hits = [hit for hit in outcome.hits if hit.url not in promoted_urls]
    result.update(outcome=outcome, promoted=promoted)
    return result


def _record(text, language, count, params):
    if params.get("page", "1") in ("", "1"):
        try:
            SearchQueryStat.record(text, language, count)
        except Exception:  # the statistics must never break a search
            logger.exception("Could not record the search statistics")


@require_GET
def search(request):
    raw = request.GET.get("q", "")
    text = engine.clean_query(raw)
    filters, filter_errors = read_filters(request.GET)
    language = get_language()
    data = _search(request, language, text, filters)
    query, outcome, context = data["query"], data["outcome"], data["context"]

    hits = outcome.hits if outcome else []
    paginator = Paginator(hits, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    for hit in page.object_list:
        hit.snippet = suggestions.highlight(hit.text(), query.terms)
    suggestion = ""
    if query and outcome is not None:
        if not outcome.total and not data["promoted"]:
            suggestion = suggestions.spelling_suggestion(query, context)
        _record(text, language, outcome.total + len(data["promoted"]), request.GET)

    return render(
        request,
        "search/search.html",
        {
            "search_query": text,
            "query_too_long": len(raw) > engine.MAX_QUERY_LENGTH,
            "filter_errors": filter_errors,
            "active_filters": filters,
            "search_results": page,
            "promoted": data["promoted"],
            "outcome": outcome,
            "facets": _facet_groups(outcome),
            "unavailable": data["unavailable"],
            "suggestion": suggestion,
            "related_topics": suggestions.related_topics(query, context) if text and not hits else [],
            "all_topics": suggestions.topic_links(context, context.topics.all()) if not text else [],
            "popular_searches": _popular(language) if not text or (outcome and not outcome.total) else [],
        },
    )


def _facet_groups(outcome):
    if outcome is None:
        return []
    labels = {"type": _("Type"), "topic": _("Topic field"), "status": _("Status"), "year": _("Year")}
    return [
        {"name": facet, "label": labels[facet], "values": outcome.facets[facet]}
        for facet in engine.FACETS
        if outcome.facets.get(facet)
    ]


#: A search term is shown publicly only after this many searches (found something each time).
POPULAR_MIN_SEARCHES = 3


def _popular(language, limit=8):
    import datetime

    from django.utils import timezone

    since = timezone.localdate() - datetime.timedelta(days=90)
    rows = (
        SearchQueryStat.objects.since(since)
        .filter(language=language)
        .most_frequent()
        .filter(without_results=0, total__gte=POPULAR_MIN_SEARCHES)
        .values_list("query", flat=True)[:limit]
    )
    try:
        return list(rows)
    except Exception:  # noqa: BLE001 - a missing statistic never stops the page
        logger.exception("Could not read popular searches")
        return []


# ---------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------


def _bad_request(errors):
    return JsonResponse({"detail": "Invalid parameters.", "errors": errors}, status=400)


def _positive_int(value, default, maximum=None):
    if value in (None, ""):
        return default
    if not re.fullmatch(r"\d{1,6}", value) or int(value) < 1 or (maximum and int(value) > maximum):
        raise ValueError(value)
    return int(value)


def _hit_json(hit, terms):
    return {
        "type": hit.kind,
        "type_label": str(hit.kind_label),
        "title": hit.title,
        "url": hit.url,
        "snippet": str(suggestions.highlight(hit.text(), terms)),
        "topic_fields": [{"id": pk, "title": title} for pk, title in hit.topics],
        "status": hit.status or None,
        "status_label": str(hit.status_label) if hit.status_label else None,
        "year": hit.year,
        "promoted": hit.promoted,
    }


@require_GET
def search_api(request):
    """``GET /api/v1/search/?q=…&lang=de&type=…&topic=…&status=…&year=…&page=1&page_size=10``."""
    params = request.GET
    errors = {}
    raw = params.get("q", "")
    if len(raw) > engine.MAX_QUERY_LENGTH:
        errors["q"] = [f"At most {engine.MAX_QUERY_LENGTH} characters."]
    language = params.get("lang", settings.LANGUAGE_CODE)
    if language not in dict(settings.LANGUAGES):
        errors["lang"] = ["Unknown language; use one of " + ", ".join(dict(settings.LANGUAGES)) + "."]
    try:
        page_number = _positive_int(params.get("page"), 1)
    except ValueError:
        errors["page"] = ["A positive whole number."]
    try:
        page_size = _positive_int(params.get("page_size"), PAGE_SIZE, MAX_PAGE_SIZE)
    except ValueError:
        errors["page_size"] = [f"A whole number from 1 to {MAX_PAGE_SIZE}."]
    filters, filter_errors = read_filters(params)
    errors.update(filter_errors)
    unknown = set(params) - {"q", "lang", "page", "page_size", *engine.FACETS, "format"}
    for name in sorted(unknown)[:10]:
        errors[name[:40]] = ["Unknown parameter."]
    if errors:
        return _bad_request(errors)

    text = engine.clean_query(raw)
    with translation.override(language):
        data = _search(request, language, text, filters)
        if data["unavailable"]:
            return JsonResponse({"detail": "Search is unavailable, please try again later."}, status=503)
        query, outcome = data["query"], data["outcome"]
        hits = outcome.hits if outcome else []
        start = (page_number - 1) * page_size
        page_hits = hits[start : start + page_size]
        body = {
            "query": text,
            "language": language,
            "count": len(hits),
            "count_is_lower_bound": bool(outcome and outcome.capped),
            "page": page_number,
            "page_size": page_size,
            "num_pages": max(1, -(-len(hits) // page_size)),
            "promoted": [_hit_json(hit, query.terms) for hit in data["promoted"]] if page_number == 1 else [],
            "results": [_hit_json(hit, query.terms) for hit in page_hits],
            "facets": {
                facet: [
                    {"value": value.key, "label": value.label, "count": value.count, "selected": value.selected}
                    for value in (outcome.facets[facet] if outcome else [])
                ]
                for facet in engine.FACETS
            },
            "suggestion": suggestions.spelling_suggestion(query, data["context"])
            if outcome is not None and not outcome.total
            else "",
        }
        if outcome is not None:
            _record(text, language, outcome.total + len(data["promoted"]), params)
    return JsonResponse(body)


@require_GET
def suggest(request):
    """Suggestions for the search box: ``{"query": …, "suggestions": [{"title", "url", "type_label"}]}``."""
    text = engine.clean_query(request.GET.get("q", ""))
    context = engine.make_context(get_language(), request)
    hits = engine.autocomplete(text, context) if text else []
    return JsonResponse(
        {
            "query": text,
            "suggestions": [{"title": hit.title, "url": hit.url, "type_label": str(hit.kind_label)} for hit in hits],
        }
    )
