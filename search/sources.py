"""Where search hits come from: one `Source` per kind of content (pages, ideas, events,
OZG services), each turning its backend matches into `Hit`s with type, topic fields,
status and year. `search.engine` merges and facets them.
"""

import logging
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail.search.index import SearchField

from agenda.models import MeasurePage, TopicFieldPage
from participation.models import CityDialoguePage, DialogueEvent, Idea
from projects.models import AdministrativeService, ServiceCatalogPage

logger = logging.getLogger(__name__)

#: Best matches taken from each source before merging; facets count within them.
RESULTS_PER_SOURCE = 500

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
