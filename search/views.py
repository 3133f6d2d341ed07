import logging

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200


def search_pages(query, locale):
    """Search live pages of one language; fall back to the database backend if the
    configured backend (e.g. Elasticsearch) cannot be reached."""
    pages = Page.objects.live().public().filter(locale=locale).specific()
    try:
        return list(pages.search(query))
    except Exception:
        logger.exception("Search backend failed; falling back to the database backend")
        return list(get_search_backend("database").search(query, pages)) if _has_database_backend() else []


def _has_database_backend():
    from django.conf import settings

    return "database" in settings.WAGTAILSEARCH_BACKENDS


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    query = "".join(ch for ch in query if ch.isprintable())
    results = []
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
        results = search_pages(query, locale)
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"search_query": query, "search_results": page})
