"""Site-wide search: one query over pages, ideas, events and OZG services in one language.

Each source asks the search backend of the reader's language (Elasticsearch when
configured, else Wagtail's database backend) for its best matches, turns them into
`Hit`s with type, topic fields, status and year, and the hits are merged, faceted
and filtered here. Facet counts are computed over the merged hits, so they stay the
same whichever backend answered.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.index import SearchField
from wagtail.search.query import Phrase, PlainText

from agenda.models import MeasurePage, TopicFieldPage
from participation.models import CityDialoguePage, DialogueEvent, Idea
from projects.models import AdministrativeService, ServiceCatalogPage

from .backends.languages import WORD_RE, fold, light_stem

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
#: Best matches taken from each source before merging; facets count within them.
RESULTS_PER_SOURCE = 500
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
# Hits
# ---------------------------------------------------------------------------


@dataclass
class Hit:
    kind: str
    kind_label: str
    title: str
    url: str
    obj: object
    position: int
    weight: float = 1.0
    topics: tuple = ()  # ((id, title), …) of topic field pages in the reader's language
    status: str = ""
    status_label: str = ""
    year: int | None = None
    promoted: bool = False
    text_parts: list = field(default_factory=list)
    text_source: object = None  # callable giving text_parts, only called for hits that are shown

    def facet_keys(self, facet):
        if facet == "type":
            return [self.kind]
        if facet == "topic":
            return [str(topic_id) for topic_id, _title in self.topics]
        if facet == "status":
            return [self.status] if self.status else []
        if facet == "year":
            return [str(self.year)] if self.year else []
        return []

    @property
    def rank(self):
        return self.weight / (1 + self.position)

    def text(self):
        if self.text_source is not None:
            self.text_parts, self.text_source = list(self.text_source()), None
        parts = (" ".join(strip_tags(str(part)).split()) for part in self.text_parts if part)
        return " ".join(dict.fromkeys(part for part in parts if part))


def _year(value):
    if value is None:
        return None
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.year


def _field_values(obj, exclude=("title",)):
    """The text of the object's search fields, as the index sees it."""
    parts = []
    for search_field in obj.get_search_fields():
        if isinstance(search_field, SearchField) and search_field.field_name not in exclude:
            try:
                value = search_field.get_value(obj)
            except Exception:  # a field that cannot render is left out of the snippet
                logger.debug("Search field %s of %r has no text", search_field.field_name, obj, exc_info=True)
                continue
            if isinstance(value, (list, tuple)):
                parts.extend(str(item) for item in value)
            elif value:
                parts.append(str(value))
    return parts


class TopicFields:
    """Topic field pages of the reader's language, found from any language's topic field id."""

    def __init__(self, locale):
        self.model = TopicFieldPage
        self.locale = locale
        self.local = {
            page.translation_key: (page.pk, page.title)
            for page in TopicFieldPage.objects.live()
            .public()
            .filter(locale=locale)
            .only("pk", "title", "translation_key")
        }
        self._keys = {}

    def resolve(self, ids):
        missing = [pk for pk in ids if pk not in self._keys]
        if missing:
            self._keys.update(self.model.objects.filter(pk__in=missing).values_list("pk", "translation_key"))
        refs = [self.local.get(self._keys.get(pk)) for pk in ids]
        return tuple(dict.fromkeys(ref for ref in refs if ref))

    def all(self):
        return sorted(self.local.values(), key=lambda ref: ref[1].lower())


def _m2m_targets(model, field_name, ids):
    """{source id: [target ids]} for a many-to-many field, in one query."""
    m2m = model._meta.get_field(field_name)
    through = m2m.remote_field.through
    source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
    mapping = {}
    for source_id, target_id in through.objects.filter(**{f"{source}__in": ids}).values_list(
        f"{source}_id", f"{target}_id"
    ):
        mapping.setdefault(source_id, []).append(target_id)
    return mapping


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except Exception:  # noqa: BLE001
        return False
    return True


class Source:
    """One kind of searchable thing. Subclasses give the queryset and turn objects into hits."""

    key = ""
    weight = 1.0

    def queryset(self, context):
        raise NotImplementedError

    def hits(self, objects, context):
        raise NotImplementedError

    def search(self, backend, query, context, limit=RESULTS_PER_SOURCE):
        results = backend.search(query, self.queryset(context))
        return self.hits(list(results[:limit]), context)

    def autocomplete(self, backend, text, context, limit):
        results = backend.autocomplete(text, self.queryset(context))
        return self.hits(list(results[:limit]), context)


class PageSource(Source):
    """Every live, public page of the reader's language, whatever its type."""

    key = "page"

    def queryset(self, context):
        return Page.objects.live().public().filter(locale=context.locale, depth__gt=1)

    def hits(self, objects, context):
        ids = [page.pk for page in objects]
        specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        pages = [specific.get(page.pk, page) for page in objects]

        topic_ids = {}
        by_model = {}
        for page in pages:
            by_model.setdefault(type(page), []).append(page.pk)
        for model, model_ids in by_model.items():
            if _has_field(model, "topic_fields"):
                for page_id, targets in _m2m_targets(model, "topic_fields", model_ids).items():
                    topic_ids[page_id] = targets
        parent_paths = {page.path[: -Page.steplen] for page in pages if isinstance(page, MeasurePage)}
        topic_by_path = dict(TopicFieldPage.objects.filter(path__in=parent_paths).values_list("path", "pk"))

        hits = []
        for position, page in enumerate(pages):
            if isinstance(page, TopicFieldPage):
                ids_of_topics = [page.pk]
            elif isinstance(page, MeasurePage):
                ids_of_topics = [topic_by_path.get(page.path[: -Page.steplen])]
            else:
                ids_of_topics = topic_ids.get(page.pk, [])
            model = type(page)
            status, status_label = "", ""
            if _has_field(model, "status") and model._meta.get_field("status").choices:
                status, status_label = page.status, page.get_status_display()
            hits.append(
                Hit(
                    kind=model._meta.model_name,
                    kind_label=model._meta.verbose_name,
                    title=page.title,
                    url=page.get_url(context.request) or page.url or "",
                    obj=page,
                    position=position,
                    weight=self.weight,
                    topics=context.topics.resolve([pk for pk in ids_of_topics if pk]),
                    status=status,
                    status_label=status_label,
                    year=_year(page.first_published_at),
                    text_source=lambda page=page: [*_field_values(page), page.search_description],
                )
            )
        return hits


class IdeaSource(Source):
    """Citizens' ideas that the public may see: approved, not hidden, in a live dialogue."""

    key = "idea"
    weight = 0.8

    def queryset(self, context):
        dialogues = list(CityDialoguePage.objects.live().public().values_list("pk", flat=True))
        return Idea.objects.visible().filter(dialogue__in=dialogues)

    def hits(self, objects, context):
        label = Idea._meta.verbose_name
        # One reverse() for all ideas: the detail URL differs only in the id.
        pattern = _reverse("ideas:detail", 987654321)

        def url(pk):
            return pattern.replace("987654321", str(pk)) if pattern else ""

        return [
            Hit(
                kind="idea",
                kind_label=label,
                title=idea.title,
                url=url(idea.pk),
                obj=idea,
                position=position,
                weight=self.weight,
                topics=context.topics.resolve([idea.topic_field_id] if idea.topic_field_id else []),
                status=idea.status,
                status_label=idea.get_status_display(),
                year=_year(idea.created_at),
                text_parts=[idea.text, idea.official_answer, idea.address],
            )
            for position, idea in enumerate(objects)
            if idea.is_approved and not idea.is_hidden
        ]


class EventSource(Source):
    """Events of the live city dialogues of the reader's language."""

    key = "dialogueevent"
    weight = 0.9

    def queryset(self, context):
        dialogues = list(
            CityDialoguePage.objects.live().public().filter(locale=context.locale).values_list("pk", flat=True)
        )
        return DialogueEvent.objects.filter(page__in=dialogues)

    def hits(self, objects, context):
        pages = {page.pk: page for page in CityDialoguePage.objects.filter(pk__in={e.page_id for e in objects})}
        topics = _m2m_targets(CityDialoguePage, "topic_fields", list(pages))
        now = timezone.now()
        hits = []
        for position, event in enumerate(objects):
            page = pages.get(event.page_id)
            if page is None:
                continue
            past = event.is_past(now)
            hits.append(
                Hit(
                    kind="dialogueevent",
                    kind_label=DialogueEvent._meta.verbose_name,
                    title=event.title,
                    url=f"{page.get_url(context.request) or ''}#events",
                    obj=event,
                    position=position,
                    weight=self.weight,
                    topics=context.topics.resolve(topics.get(page.pk, [])),
                    status="past" if past else "upcoming",
                    status_label=_("Past event") if past else _("Upcoming event"),
                    year=_year(event.starts_at),
                    text_parts=[page.title, event.description, event.place],
                )
            )
        return hits


class ServiceSource(Source):
    """The OZG service catalogue of the reader's language."""

    key = "administrativeservice"
    weight = 0.9

    def queryset(self, context):
        return AdministrativeService.objects.filter(locale=context.locale)

    def hits(self, objects, context):
        catalog = ServiceCatalogPage.objects.live().public().filter(locale=context.locale).first()
        catalog_url = catalog.get_url(context.request) if catalog else ""
        return [
            Hit(
                kind="administrativeservice",
                kind_label=AdministrativeService._meta.verbose_name,
                title=service.name,
                url=service.online_service_url
                or (f"{catalog_url}?topic_area={service.topic_area}" if catalog_url else ""),
                obj=service,
                position=position,
                weight=self.weight,
                status=service.online_status,
                status_label=service.get_online_status_display(),
                text_parts=[
                    service.get_topic_area_display(),
                    service.get_responsible_level_display(),
                    service.leika_key,
                ],
            )
            for position, service in enumerate(objects)
        ]


#: Everything the site search looks through. Pages of every type come from one source.
SOURCES = [PageSource(), IdeaSource(), EventSource(), ServiceSource()]


def _reverse(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


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
    title_terms = [light_stem(_fold_ascii(term)) for term in query.terms]

    def order(hit):
        title_words = [_fold_ascii(word) for word in WORD_RE.findall(hit.title)]
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


# ---------------------------------------------------------------------------
# Snippets
# ---------------------------------------------------------------------------


def _fold_ascii(text):
    """Lower case without diacritics, ß as ss: "Bürgerportale" -> "burgerportale"."""
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def highlight(text, terms, length=240):
    """An escaped excerpt of `text` around the first match, each matching word in <mark>."""
    text = " ".join(strip_tags(text or "").split())
    if not text:
        return ""
    stems = [light_stem(_fold_ascii(term)) for term in terms if term]
    spans = [
        match.span()
        for match in WORD_RE.finditer(text)
        if stems and any(_fold_ascii(match.group()).startswith(stem) for stem in stems)
    ]
    start = 0
    if spans and spans[0][0] > length // 3:
        start = text.rfind(" ", 0, spans[0][0] - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    pieces = ["…" if start else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped above


# ---------------------------------------------------------------------------
# Help when nothing is found
# ---------------------------------------------------------------------------


def _vocabulary(context):
    from django.core.cache import cache

    key = f"search:vocabulary:{context.language}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        titles = list(Page.objects.live().public().filter(locale=context.locale).values_list("title", flat=True))
        titles += list(AdministrativeService.objects.filter(locale=context.locale).values_list("name", flat=True))
        vocabulary = {}
        for title in titles:
            for word in WORD_RE.findall(title):
                if len(word) >= 4 and not word.isdigit():
                    vocabulary.setdefault(_fold_ascii(word), word)
        cache.set(key, vocabulary, 600)
    return vocabulary


def spelling_suggestion(query, context):
    """The query with each word not found in any indexed title replaced by the closest one."""
    import difflib

    vocabulary = _vocabulary(context)
    if not vocabulary or not query.terms:
        return ""
    words = list(vocabulary)
    changed, suggestion = False, []
    for term in query.terms:
        folded = _fold_ascii(term)
        if len(folded) < 4 or any(word.startswith(light_stem(folded)) for word in words):
            suggestion.append(term)
            continue
        close = difflib.get_close_matches(folded, words, n=1, cutoff=0.72)
        if close:
            suggestion.append(vocabulary[close[0]])
            changed = True
        else:
            suggestion.append(term)
    return " ".join(suggestion) if changed else ""


def related_topics(query, context, limit=6):
    """Topic fields ({"title", "url"}) whose title shares a word stem with the query, else all of them."""
    topics = context.topics.all()
    stems = [light_stem(_fold_ascii(term))[:5] for term in query.terms if len(term) >= 4]
    related = [
        topic
        for topic in topics
        if any(_fold_ascii(word).startswith(stem) for stem in stems for word in WORD_RE.findall(topic[1]))
    ]
    return topic_links(context, (related or topics)[:limit])


def topic_links(context, topics):
    pages = {page.pk: page for page in context.topics.model.objects.filter(pk__in=[pk for pk, _title in topics])}
    return [{"title": title, "url": pages[pk].get_url(context.request)} for pk, title in topics if pk in pages]


_PROMOTION_LIMIT = 3
_SAFE_QUERY_RE = re.compile(r"\s+")


def promotions(query_text, context):
    """Editors' promoted results for this query, as hits in the reader's language."""
    from wagtail.contrib.search_promotions.models import Query as PromotedQuery

    normalised = _SAFE_QUERY_RE.sub(" ", query_text.strip().lower())[:255]
    if not normalised:
        return []
    query = PromotedQuery.objects.filter(query_string=normalised).first()
    if query is None:
        return []
    hits = []
    for position, promotion in enumerate(query.editors_picks.select_related("page").order_by("sort_order")):
        page = promotion.page
        if page is not None:
            page = page.get_translation_or_none(context.locale) or page
            if not page.live or page.locale_id != context.locale.pk:
                continue
            page = page.specific
            url, title = page.get_url(context.request) or "", page.title
            kind, kind_label = page._meta.model_name, page._meta.verbose_name
        elif promotion.external_link_url:
            url, title = promotion.external_link_url, promotion.external_link_text or promotion.external_link_url
            kind, kind_label = "link", _("Link")
        else:
            continue
        hits.append(
            Hit(
                kind=kind,
                kind_label=kind_label,
                title=title,
                url=url,
                obj=page,
                position=position,
                promoted=True,
                text_parts=[promotion.description],
            )
        )
        if len(hits) >= _PROMOTION_LIMIT:
            break
    return hits
