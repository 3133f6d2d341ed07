"""The city dialogue page: phases, events and the list of ideas (sort, filter, pagination).

The page runs a constant number of queries however many ideas there are: one count,
one page of ideas with support and comment counts as subqueries, one for the
visitor's own supports, one for localised topic fields and one for the events.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from participation.models import EventRegistration, Idea, IdeaStatus, Support

IDEAS_PER_PAGE = 20
SORTS = {
    "newest": _("Newest"),
    "supported": _("Most supported"),
    "discussed": _("Most discussed"),
}


def localized_pages(pages, locale=None):
    """{pk of source page: page in the active locale (or the source page)} in one query."""
    pages = list(pages)
    if not pages:
        return {}
    locale = locale or Locale.get_active()
    model = type(pages[0])
    translations = {
        page.translation_key: page
        for page in model.objects.filter(translation_key__in=[p.translation_key for p in pages], locale=locale)
    }
    return {page.pk: translations.get(page.translation_key, page) for page in pages}


def topic_field_choices(source):
    """[(pk, localised title, source topic field)] of a dialogue's topic fields, in two queries."""
    fields = list(source.topic_fields.all().order_by("path"))
    localized = localized_pages(fields)
    return [(field.pk, localized[field.pk].title, field) for field in fields]


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def dialogue_ideas(source, request, topic_field_ids):
    """The filtered, sorted queryset of public ideas and the filter values that were applied."""
    sort = request.GET.get("sort", "newest")
    if sort not in SORTS:
        sort = "newest"
    status = request.GET.get("status", "")
    if status not in IdeaStatus.values:
        status = ""
    topic = _int_or_none(request.GET.get("topic"))
    if topic not in topic_field_ids:
        topic = None
    ideas = Idea.objects.filter(dialogue=source).public()
    if status:
        ideas = ideas.filter(status=status)
    if topic:
        ideas = ideas.filter(topic_field_id=topic)
    ideas = (
        ideas.with_counts()
        .sorted_by(sort)
        .select_related("author__profile", "organisation")
        .defer("text", "official_answer", "hidden_reason", "status_reason")
    )
    return ideas, {"sort": sort, "status": status, "topic": topic}


def _events_context(page, source, user):
    """Events of this language version, registrations counted on the source page's events.

    Translations copy the events; registrations always go to the German event with the same
    start time (events are listed in time order), so places are shared across languages.
    """

    def in_time_order(rows):
        return sorted(rows, key=lambda event: (event.starts_at, event.sort_order or 0, event.pk))

    events = in_time_order(page.events.all())
    source_events = events if source.pk == page.pk else in_time_order(source.events.all())
    if [event.starts_at for event in events] != [event.starts_at for event in source_events]:
        # A translation out of step with its source: show the source's events rather than guess.
        events = source_events
    by_id = {
        row["event"]: row
        for row in EventRegistration.objects.filter(event__in=source_events)
        .values("event")
        .annotate(
            confirmed=Count("pk", filter=Q(status=EventRegistration.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=EventRegistration.WAITING)),
        )
    }
    mine = {}
    if user.is_authenticated:
        mine = dict(
            EventRegistration.objects.filter(event__in=source_events, user=user).values_list("event_id", "status")
        )
    rows = []
    for event, source_event in zip(events, source_events, strict=True):
        counts = by_id.get(source_event.pk, {"confirmed": 0, "waiting": 0})
        free = None if source_event.capacity is None else max(source_event.capacity - counts["confirmed"], 0)
        rows.append(
            {
                "event": event,
                "source_id": source_event.pk,
                "confirmed": counts["confirmed"],
                "waiting": counts["waiting"],
                "free": free,
                "my_status": mine.get(source_event.pk),
            }
        )
    return rows


def dialogue_context(page, request):
    source = page.source_page()
    choices = topic_field_choices(source)
    ideas, filters = dialogue_ideas(source, request, {pk for pk, _label, _obj in choices})
    paginator = Paginator(ideas, IDEAS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    idea_list = list(page_obj.object_list)
    user = request.user
    supported = set()
    if user.is_authenticated and idea_list:
        supported = set(
            Support.objects.filter(user=user, idea__in=[idea.pk for idea in idea_list]).values_list(
                "idea_id", flat=True
            )
        )
    titles = {pk: label for pk, label, _obj in choices}
    for idea in idea_list:
        idea.topic_field_title = titles.get(idea.topic_field_id, "")
        idea.supported_by_me = idea.pk in supported
    query = {key: value for key, value in filters.items() if value}
    return {
        "dialogue": source,
        "phase": source.current_phase(),
        "timeline": source.phase_timeline(),
        "accepts_ideas": source.accepts_ideas(),
        "accepts_interaction": source.accepts_interaction(),
        "topic_field_choices": [(pk, label) for pk, label, _obj in choices],
        "status_choices": IdeaStatus.choices,
        "sorts": list(SORTS.items()),
        "filters": filters,
        "filter_query": query,
        "ideas": idea_list,
        "page_obj": page_obj,
        "idea_total": paginator.count,
        "events": _events_context(page, source, user),
    }
