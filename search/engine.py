"""Site-wide search: one query over pages, ideas, events and OZG services in one language.

Each source asks the search backend of the reader's language (Elasticsearch when
configured, else Wagtail's database backend) for its best matches, turns them into
`Hit`s with type, topic fields, status and year, and the hits are merged, faceted
and filtered here. Facet counts are computed over the merged hits, so they stay the
same whichever backend answered.
"""

import logging
import unicodedata
from dataclasses import dataclass

from django.conf import settings

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Phrase, PlainText

from .backends.languages import WORD_RE, fold_ascii, light_stem
from .sources import RESULTS_PER_SOURCE, SOURCES, Hit, TopicFields  # noqa: F401  (re-exported for callers)

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
FACETS = ("type", "topic", "status", "year")


class SearchUnavailable(Exception):
    """Neither the configured backend nor the database fallback could answer."""


# ---------------------------------------------------------------------------
# Query text
# ---------------------------------------------------------------------------


def clean_query(raw):
    """Drop control and format characters, collapse white space, cut to MAX_QUERY_LENGTH."""
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


@dataclass
class ParsedQuery:
    text: str
    terms: list
    phrase: bool = False

    def __bool__(self):
        return bool(self.terms)

    def as_search_query(self):
        """Only word characters reach the backend: quotes, operators and SQL/Lucene syntax never do."""
        words = " ".join(self.terms)
        if self.phrase and len(self.terms) > 1:
            return Phrase(words)
        return PlainText(words, operator="and")


def parse_query(text):
    stripped = text.strip()
    phrase = len(stripped) > 2 and stripped[0] in '"„“”' and stripped[-1] in '"“”'
    terms = [term for term in WORD_RE.findall(text) if term.strip("_")][:MAX_TERMS]
    return ParsedQuery(text=text, terms=terms, phrase=phrase)


# ---------------------------------------------------------------------------
# Backends
# ---------------------------------------------------------------------------

_backends = {}


def _backend(alias, language):
    if alias not in _backends:
        _backends[alias] = get_search_backend(alias)
    backend = _backends[alias]
    for_language = getattr(backend, "for_language", None)
    return for_language(language) if for_language else backend


def backend_alias(language):
    configured = settings.WAGTAILSEARCH_BACKENDS
    return language if language in configured and language != "default" else "default"


def fallback_alias():
    """The database backend kept next to Elasticsearch, if there is one."""
    configured = settings.WAGTAILSEARCH_BACKENDS
    if "database" in configured:
        return "database"
    default = configured.get("default", {}).get("BACKEND", "")
    return None if "elasticsearch" in default or "opensearch" in default else "default"


def reset_backends():
    _backends.clear()


# ---------------------------------------------------------------------------
# Search
# ---------------------------------------------------------------------------


@dataclass
class Context:
    language: str
    locale: Locale
    request: object = None
    topics: TopicFields = None


def make_context(language, request=None):
    locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
    return Context(language=locale.language_code, locale=locale, request=request, topics=TopicFields(locale))


def _with_fallback(language, operation):
    """Run `operation(backend)` on the language's backend; on failure, on the database backend."""
    alias = backend_alias(language)
    try:
        return operation(_backend(alias, language)), alias
    except Exception as error:
        fallback = fallback_alias()
        if fallback is None or fallback == alias:
            logger.exception("Search backend %r failed", alias)
            raise SearchUnavailable from error
        logger.warning("Search backend %r failed (%s); answering from %r", alias, error, fallback)
    try:
        return operation(_backend(fallback, language)), fallback
    except Exception as error:
        logger.exception("Fallback search backend %r failed", fallback)
        raise SearchUnavailable from error


def collect_hits(query, context, sources=None):
    """All hits of every source, best first; the backend alias that answered; whether a source was cut off."""
    search_query = query.as_search_query()

    def run(backend):
        hits, capped = [], False
        for source in sources or SOURCES:
            found = source.search(backend, search_query, context)
            capped = capped or len(found) >= RESULTS_PER_SOURCE
            hits.extend(found)
        return hits, capped

    (hits, capped), alias = _with_fallback(context.language, run)
    title_terms = [light_stem(fold_ascii(term)) for term in query.terms]

    def order(hit):
        title_words = [fold_ascii(word) for word in WORD_RE.findall(hit.title)]
        in_title = sum(any(word.startswith(term) for word in title_words) for term in title_terms)
        return (-in_title, -hit.rank, hit.title.lower())

    hits.sort(key=order)
    return hits, alias, capped


def autocomplete(text, context, limit=8):
    """Titles that start like `text` (last word as prefix), for the search box."""
    words = WORD_RE.findall(clean_query(text))[:MAX_TERMS]
    if not words or len("".join(words)) < 2:
        return []

    def run(backend):
        hits = []
        for source in SOURCES:
            hits.extend(source.autocomplete(backend, " ".join(words), context, limit))
        return hits

    try:
        hits, _alias = _with_fallback(context.language, run)
    except SearchUnavailable:
        return []
    seen, suggestions = set(), []
    for hit in sorted(hits, key=lambda hit: (-hit.rank, hit.title.lower())):
        if hit.title.lower() not in seen:
            seen.add(hit.title.lower())
            suggestions.append(hit)
    return suggestions[:limit]


@dataclass
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool


@dataclass
class Outcome:
    hits: list
    facets: dict
    total: int
    capped: bool
    backend: str


def facet_label(facet, key, hits):
    for hit in hits:
        if facet == "type" and hit.kind == key:
            return str(hit.kind_label)
        if facet == "status" and hit.status == key:
            return str(hit.status_label)
        if facet == "topic":
            for topic_id, title in hit.topics:
                if str(topic_id) == key:
                    return title
    return key


def _matches(hit, filters, skip=None):
    for facet, values in filters.items():
        if facet == skip or not values:
            continue
        if not set(hit.facet_keys(facet)) & set(values):
            return False
    return True


def apply_facets(hits, filters):
    """Filter `hits` (values within a facet: any; across facets: all) and count each facet's
    values among the hits that match the *other* facets' filters."""
    filtered = [hit for hit in hits if _matches(hit, filters)]
    facets = {}
    for facet in FACETS:
        counts = {}
        for hit in hits:
            if _matches(hit, filters, skip=facet):
                for key in hit.facet_keys(facet):
                    counts[key] = counts.get(key, 0) + 1
        for key in filters.get(facet, ()):
            counts.setdefault(key, 0)
        values = [
            FacetValue(
                key=key, label=facet_label(facet, key, hits), count=count, selected=key in filters.get(facet, ())
            )
            for key, count in counts.items()
        ]
        if facet == "year":
            values.sort(key=lambda value: value.key, reverse=True)
        else:
            values.sort(key=lambda value: (-value.count, value.label.lower()))
        facets[facet] = values
    return filtered, facets


def run_search(query, context, filters):
    hits, alias, capped = collect_hits(query, context)
    filtered, facets = apply_facets(hits, filters)
    return Outcome(hits=filtered, facets=facets, total=len(filtered), capped=capped, backend=alias)
