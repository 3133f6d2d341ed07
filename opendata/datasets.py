"""The open datasets: what each one contains, how its rows are built, and what "as of" means.

Every dataset is a flat table with stable English snake_case column names. Rows are built
from published (live, public) pages of one site — the default-language page of each
translation set gives one row — with titles, labels and URLs in the requested language
where a translation exists. Citizen data is only ever counted, never listed.

What ``as_of`` (a past date) reconstructs, and what it does not:

- **measures**: status and percent_done from the progress log (``MeasureProgressUpdate``)
  at the end of that day; measures without a log entry by then are left out. All other
  columns (title, score, priority, dates, projects, tags, linked ideas) are today's.
- **projects**: title, status, phase, start/end date and budget from the latest revision
  *published* by the end of that day (Wagtail's publication log); projects not yet
  published then are left out. Topic fields, measures, funding, partners and milestones
  are today's.
- **topic_fields**: the measure counts per status are the reconstructed measure states;
  which topic fields exist, their titles and project counts are today's.
- **participation**, **polls**: count only contributions made by the end of that day
  (ideas, comments, supports, ballots by their creation time); idea statuses are today's,
  and withdrawn supports or removed contributions are not counted for any date.
- **ozg_services**: no history is kept; always today's state.

The number of SQL queries of every dataset is independent of its number of rows.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, IntegerField, Max, Min, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_supported_language_variant
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page


@dataclass
class ExportContext:
    """Where and for when the rows are built."""

    home: Page  # the site's home page in the default language
    locale: Locale  # the language of titles and labels
    as_of: datetime.date | None = None  # None: today's state
    request: object = None
    _cache: dict = field(default_factory=dict)

    @property
    def source_locale(self):
        if "source_locale" not in self._cache:
            self._cache["source_locale"] = Locale.objects.get(
                language_code=get_supported_language_variant(settings.LANGUAGE_CODE)
            )
        return self._cache["source_locale"]

    @property
    def end(self):
        """The last moment the data may come from (end of ``as_of``), or None for now."""
        if self.as_of is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.as_of, datetime.time.max))

    def url(self, page):
        return (page.get_full_url(self.request) or "") if page is not None else ""


@dataclass(frozen=True)
class Dataset:
    key: str
    title: object  # lazy translatable strings
    description: object
    keywords: tuple
    columns: tuple
    build: object  # (ExportContext) -> list[dict]
    modified: object  # (ExportContext) -> datetime | None
    temporal: object = None  # (ExportContext) -> (date, date) | None
    history: object = ""  # what as_of reconstructs, one sentence


def _translations(model, source_pages, locale, source_locale):
    """{translation_key: live page in ``locale``}; one query, none if nothing to look up."""
    if locale.pk == source_locale.pk:
        return {}
    keys = [page.translation_key for page in source_pages]
    if not keys:
        return {}
    pages = model.objects.live().public().filter(translation_key__in=keys, locale=locale)
    return {page.translation_key: page for page in pages}


def _in_language(page, translations):
    return translations.get(page.translation_key, page)


def _latest(*values):
    values = [value for value in values if value is not None]
    return max(values) if values else None


def _count_subquery(queryset, group_field):
    rows = queryset.order_by().values(group_field).annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


# ---------------------------------------------------------------------------
# Measures
# ---------------------------------------------------------------------------

MEASURE_COLUMNS = (
    "id",
    "title",
    "url",
    "topic_field_id",
    "topic_field_title",
    "status",
    "status_label",
    "percent_done",
    "score",
    "rating_score",
    "demand_score",
    "priority_class",
    "start_date",
    "target_date",
    "end_date",
    "responsible_unit",
    "effort",
    "cost_estimate_eur",
    "tags",
    "project_ids",
    "project_titles",
    "linked_ideas_count",
    "linked_ideas_supports",
    "last_status_change_at",
)


def _measures(ctx):
    from agenda.models import MeasurePage

    return MeasurePage.objects.live().public().descendant_of(ctx.home).filter(locale=ctx.source_locale)


def measure_states(ctx):
    """[(source measure page, status, percent_done)] on the context's date; shared by two datasets."""
    from agenda.models import MeasureProgressUpdate
    from participation.models import Idea, Support

    key = "measure_states"
    if key in ctx._cache:
        return ctx._cache[key]
    visible = {"is_approved": True, "is_hidden": False}
    log = MeasureProgressUpdate.objects.filter(measure__translation_key=OuterRef("translation_key"))
    if ctx.end is not None:
        log = log.filter(changed_at__lte=ctx.end)
    queryset = (
        _measures(ctx)
        .with_scores()
        .with_topic_field()
        .annotate(
            linked_ideas_count=_count_subquery(
                Idea.objects.filter(measures__translation_key=OuterRef("translation_key"), **visible),
                "measures__translation_key",
            ),
            linked_ideas_supports=_count_subquery(
                Support.objects.filter(
                    idea__measures__translation_key=OuterRef("translation_key"),
                    idea__is_approved=True,
                    idea__is_hidden=False,
                ),
                "idea__measures__translation_key",
            ),
            last_status_change_at=Subquery(log.order_by("-changed_at", "-pk").values("changed_at")[:1]),
        )
        .order_by("path")
    )
    if ctx.as_of is not None:
        queryset = queryset.as_of(ctx.as_of)
    states = []
    for page in queryset:
        if ctx.as_of is None:
            states.append((page, page.status, page.percent_done))
        elif page.status_as_of is not None:  # else it did not exist yet on that day
            states.append((page, page.status_as_of, page.percent_as_of))
    ctx._cache[key] = states
    return states


def _topic_fields(ctx):
    """Live topic fields of the site in the default language, with their translations (two queries)."""
    from agenda.models import TopicFieldPage

    key = "topic_fields"
    if key not in ctx._cache:
        fields = list(TopicFieldPage.objects.live().public().descendant_of(ctx.home).filter(locale=ctx.source_locale))
        fields.sort(key=lambda page: page.path)
        translations = _translations(TopicFieldPage, fields, ctx.locale, ctx.source_locale)
        ctx._cache[key] = {page.pk: (page, _in_language(page, translations)) for page in fields}
    return ctx._cache[key]


def build_measures(ctx):
    from agenda.models import MeasurePage, MeasurePageTag, MeasureStatus
    from projects.models import ProjectPage

    states = measure_states(ctx)
    pages = [page for page, _status, _percent in states]
    translations = _translations(MeasurePage, pages, ctx.locale, ctx.source_locale)
    fields = _topic_fields(ctx)
    ids = [page.pk for page in pages]

    tags = {}
    for measure_id, name in (
        MeasurePageTag.objects.filter(content_object_id__in=ids)
        .order_by("tag__name")
        .values_list("content_object_id", "tag__name")
        if ids
        else []
    ):
        tags.setdefault(measure_id, []).append(name)

    links = list(
        MeasurePage.projects.through.objects.filter(
            measurepage_id__in=ids, projectpage__live=True, projectpage__view_restrictions__isnull=True
        )
        .select_related("projectpage")
        .order_by("projectpage__title", "projectpage_id")
        if ids
        else []
    )
    project_translations = _translations(
        ProjectPage, [link.projectpage for link in links], ctx.locale, ctx.source_locale
    )
    projects = {}
    for link in links:
        project = _in_language(link.projectpage, project_translations)
        projects.setdefault(link.measurepage_id, []).append((link.projectpage_id, project.title))

    rows = []
    for page, status, percent in states:
        field_pair = fields.get(page.topic_field_id)
        shown = _in_language(page, translations)
        linked = projects.get(page.pk, [])
        rows.append(
            {
                "id": page.pk,
                "title": shown.title,
                "url": ctx.url(shown),
                "topic_field_id": page.topic_field_id,
                "topic_field_title": field_pair[1].title if field_pair else page.topic_field_title,
                "status": status,
                "status_label": str(MeasureStatus(status).label),
                "percent_done": percent,
                "score": round(page.total_score or 0, 1),
                "rating_score": round(page.rating_score or 0, 1),
                "demand_score": round(page.demand_score or 0, 1),
                "priority_class": page.priority_class,
                "start_date": page.start_date,
                "target_date": page.target_date,
                "end_date": page.end_date,
                "responsible_unit": shown.responsible_unit,
                "effort": page.effort,
                "cost_estimate_eur": page.cost_estimate,
                "tags": tags.get(page.pk, []),
                "project_ids": [pk for pk, _title in linked],
                "project_titles": [title for _pk, title in linked],
                "linked_ideas_count": page.linked_ideas_count,
                "linked_ideas_supports": page.linked_ideas_supports,
                "last_status_change_at": page.last_status_change_at,
            }
        )
    return rows


def measures_modified(ctx):
    from agenda.models import MeasureProgressUpdate

    measures = _measures(ctx)
    published = measures.aggregate(latest=Max("last_published_at"))["latest"]
    logged = MeasureProgressUpdate.objects.filter(measure__in=measures.values("pk")).aggregate(
        latest=Max("changed_at")
    )["latest"]
    return _latest(published, logged)


def measures_temporal(ctx):
    from agenda.models import MeasureProgressUpdate

    first = MeasureProgressUpdate.objects.filter(measure__in=_measures(ctx).values("pk")).aggregate(
        first=Min("changed_at")
    )["first"]
    if first is None:
        return None
    return (timezone.localtime(first).date(), ctx.as_of or timezone.localdate())


# ---------------------------------------------------------------------------
# Projects
# ---------------------------------------------------------------------------

PROJECT_COLUMNS = (
    "id",
    "title",
    "url",
    "status",
    "status_label",
    "phase",
    "start_date",
    "end_date",
    "responsible_unit",
    "budget_eur",
    "reuses_efa_solution",
    "topic_field_ids",
    "topic_field_titles",
    "measure_ids",
    "funding_programmes",
    "partners",
    "milestones_total",
    "milestones_done",
    "last_published_at",
)


def _projects(ctx):
    from projects.models import ProjectPage

    return ProjectPage.objects.live().public().descendant_of(ctx.home).filter(locale=ctx.source_locale)


def _published_states(ctx, pages):
    """{page id: revision content} of the latest revision published by ``ctx.end`` (two queries)."""
    from wagtail.models import PageLogEntry, Revision

    ids = [page.pk for page in pages]
    if not ids:
        return {}
    revision_ids = {}
    for page_id, revision_id in (
        PageLogEntry.objects.filter(
            page_id__in=ids, action="wagtail.publish", timestamp__lte=ctx.end, revision__isnull=False
        )
        .order_by("page_id", "timestamp", "pk")
        .values_list("page_id", "revision_id")
    ):
        revision_ids[page_id] = revision_id  # the latest wins
    contents = dict(Revision.objects.filter(pk__in=revision_ids.values()).values_list("pk", "content"))
    return {page_id: contents[revision_id] for page_id, revision_id in revision_ids.items() if revision_id in contents}


def _parse_date(value):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def build_projects(ctx):
    from decimal import Decimal, InvalidOperation

    from agenda.models import MeasurePage
    from projects.models import ProjectPage, ProjectStatus
    from projects.models.pages import localized_objects

    pages = list(
        _projects(ctx)
        .prefetch_related("funding", "partners")
        .annotate(
            milestones_total=Count("milestones", distinct=True),
            milestones_done=Count("milestones", filter=Q(milestones__done=True), distinct=True),
        )
        .order_by("title", "pk")
    )
    history = None
    if ctx.as_of is not None:
        history = _published_states(ctx, pages)
        pages = [page for page in pages if page.pk in history]
    translations = _translations(ProjectPage, pages, ctx.locale, ctx.source_locale)
    ids = [page.pk for page in pages]
    fields = _topic_fields(ctx)
    field_links = {}
    for project_id, field_id in (
        ProjectPage.topic_fields.through.objects.filter(projectpage_id__in=ids)
        .order_by("topicfieldpage__path")
        .values_list("projectpage_id", "topicfieldpage_id")
        if ids
        else []
    ):
        if field_id in fields:
            field_links.setdefault(project_id, []).append((field_id, fields[field_id][1]))
    measure_links = {}
    for project_id, measure_id in (
        MeasurePage.projects.through.objects.filter(
            projectpage_id__in=ids,
            measurepage__live=True,
            measurepage__locale=ctx.source_locale,
            measurepage__view_restrictions__isnull=True,
        )
        .order_by("measurepage_id")
        .values_list("projectpage_id", "measurepage_id")
        if ids
        else []
    ):
        measure_links.setdefault(project_id, []).append(measure_id)

    # Snippet translations: one query per model for all projects together.
    funding_all = {obj.pk: obj for page in pages for obj in page.funding.all()}
    partners_all = {obj.pk: obj for page in pages for obj in page.partners.all()}
    funding_names = {
        pk: obj.name for pk, obj in zip(funding_all, localized_objects(funding_all.values(), ctx.locale), strict=True)
    }
    partner_names = {
        pk: obj.name for pk, obj in zip(partners_all, localized_objects(partners_all.values(), ctx.locale), strict=True)
    }

    rows = []
    for page in pages:
        shown = _in_language(page, translations)
        title, status, phase = shown.title, page.status, shown.phase
        start, end, budget = page.start_date, page.end_date, page.budget
        if history is not None:
            content = history[page.pk]
            status = content.get("status") if content.get("status") in ProjectStatus.values else status
            start, end = _parse_date(content.get("start_date")), _parse_date(content.get("end_date"))
            try:
                budget = Decimal(str(content["budget"])) if content.get("budget") not in (None, "") else None
            except (InvalidOperation, KeyError):
                budget = None
            if shown.pk == page.pk:  # translations have their own history; the source's is used
                title, phase = content.get("title") or title, content.get("phase", phase)
        linked_fields = field_links.get(page.pk, [])
        rows.append(
            {
                "id": page.pk,
                "title": title,
                "url": ctx.url(shown),
                "status": status,
                "status_label": str(ProjectStatus(status).label),
                "phase": phase,
                "start_date": start,
                "end_date": end,
                "responsible_unit": shown.responsible_unit,
                "budget_eur": budget,
                "reuses_efa_solution": page.reuses_efa_solution,
                "topic_field_ids": [field_id for field_id, _shown in linked_fields],
                "topic_field_titles": [shown_field.title for _field_id, shown_field in linked_fields],
                "measure_ids": measure_links.get(page.pk, []),
                "funding_programmes": sorted(funding_names[obj.pk] for obj in page.funding.all()),
                "partners": sorted(partner_names[obj.pk] for obj in page.partners.all()),
                "milestones_total": page.milestones_total,
                "milestones_done": page.milestones_done,
                "last_published_at": page.last_published_at,
            }
        )
    return rows


def projects_modified(ctx):
    return _projects(ctx).aggregate(latest=Max("last_published_at"))["latest"]


def projects_temporal(ctx):
    figures = _projects(ctx).aggregate(start=Min("start_date"), end=Max("end_date"))
    if figures["start"] is None:
        return None
    return (figures["start"], figures["end"])


# ---------------------------------------------------------------------------
# Topic fields
# ---------------------------------------------------------------------------


def _topic_field_columns():
    from agenda.models import MeasureStatus

    return (
        "id",
        "title",
        "url",
        "measures_total",
        *(f"measures_{value}" for value in MeasureStatus.values),
        "share_implemented_percent",
        "projects_total",
    )


def build_topic_fields(ctx):
    from agenda.models import MeasureStatus
    from projects.models import ProjectPage

    fields = _topic_fields(ctx)
    counts = {pk: {} for pk in fields}
    for page, status, _percent in measure_states(ctx):
        bucket = counts.get(page.topic_field_id)
        if bucket is not None:
            bucket[status] = bucket.get(status, 0) + 1
    project_ids = _projects(ctx).values("pk")
    if ctx.end is not None:  # only projects already published on that day, as in the projects dataset
        from wagtail.models import PageLogEntry

        published = PageLogEntry.objects.filter(action="wagtail.publish", timestamp__lte=ctx.end)
        project_ids = project_ids.filter(pk__in=published.values("page_id"))
    projects = dict(
        ProjectPage.topic_fields.through.objects.filter(topicfieldpage_id__in=list(fields), projectpage__in=project_ids)
        .order_by()
        .values("topicfieldpage_id")
        .annotate(n=Count("projectpage_id", distinct=True))
        .values_list("topicfieldpage_id", "n")
        if fields
        else []
    )
    rows = []
    for pk, (_source, shown) in fields.items():
        bucket = counts[pk]
        total = sum(bucket.values())
        implemented = bucket.get(MeasureStatus.IMPLEMENTED, 0)
        row = {"id": pk, "title": shown.title, "url": ctx.url(shown), "measures_total": total}
        row.update({f"measures_{value}": bucket.get(value, 0) for value in MeasureStatus.values})
        row["share_implemented_percent"] = round(100 * implemented / total) if total else 0
        row["projects_total"] = projects.get(pk, 0)
        rows.append(row)
    return rows


def topic_fields_modified(ctx):
    from agenda.models import TopicFieldPage

    fields = TopicFieldPage.objects.live().public().descendant_of(ctx.home).filter(locale=ctx.source_locale)
    return _latest(
        fields.aggregate(latest=Max("last_published_at"))["latest"], measures_modified(ctx), projects_modified(ctx)
    )


# ---------------------------------------------------------------------------
# OZG services
# ---------------------------------------------------------------------------

SERVICE_COLUMNS = (
    "id",
    "leika_key",
    "name",
    "topic_area",
    "topic_area_label",
    "responsible_level",
    "responsible_level_label",
    "online_status",
    "online_status_label",
    "online_service_url",
    "efa_solution",
)


def build_services(ctx):
    from projects.models import AdministrativeService

    services = list(AdministrativeService.objects.filter(locale=ctx.source_locale).order_by("topic_area", "leika_key"))
    translations = {}
    if services and ctx.locale.pk != ctx.source_locale.pk:
        translations = {
            obj.translation_key: obj
            for obj in AdministrativeService.objects.filter(
                locale=ctx.locale, translation_key__in=[s.translation_key for s in services]
            )
        }
    return [
        {
            "id": service.pk,
            "leika_key": service.leika_key,
            "name": translations.get(service.translation_key, service).name,
            "topic_area": service.topic_area,
            "topic_area_label": str(service.get_topic_area_display()),
            "responsible_level": service.responsible_level,
            "responsible_level_label": str(service.get_responsible_level_display()),
            "online_status": service.online_status,
            "online_status_label": str(service.get_online_status_display()),
            "online_service_url": service.online_service_url,
            "efa_solution": service.efa_solution,
        }
        for service in services
    ]


def services_modified(ctx):
    """The latest change made in the admin (Wagtail's log); None when nothing was logged."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import ModelLogEntry

    from projects.models import AdministrativeService

    content_type = ContentType.objects.get_for_model(AdministrativeService)
    return ModelLogEntry.objects.filter(content_type=content_type).aggregate(latest=Max("timestamp"))["latest"]


# ---------------------------------------------------------------------------
# Participation (aggregates only)
# ---------------------------------------------------------------------------


def _participation_columns():
    from participation.models import IdeaStatus

    return (
        "dialogue_id",
        "dialogue_title",
        "dialogue_url",
        "ideas_from",
        "evaluation_until",
        "topic_field_id",
        "topic_field_title",
        "ideas_total",
        *(f"ideas_{value}" for value in IdeaStatus.values),
        "comments",
        "supports",
    )


def _dialogues(ctx):
    from participation.models import CityDialoguePage

    return CityDialoguePage.objects.live().public().descendant_of(ctx.home).filter(locale=ctx.source_locale)


def build_participation(ctx):
    """One row per city dialogue and topic field (ideas without topic field: empty topic field columns).

    Counts public contributions only: approved ideas that are not hidden, their approved and
    not hidden comments, and the supports of those ideas.
    """
    from agenda.models import TopicFieldPage
    from participation.models import CityDialoguePage, Comment, Idea, IdeaStatus, Support

    dialogues = sorted(_dialogues(ctx), key=lambda page: page.path)
    translations = _translations(CityDialoguePage, dialogues, ctx.locale, ctx.source_locale)
    ideas = Idea.objects.filter(dialogue__in=[d.pk for d in dialogues], is_approved=True, is_hidden=False)
    comments = Comment.objects.filter(idea__in=ideas, is_approved=True, is_hidden=False)
    supports = Support.objects.filter(idea__in=ideas)
    if ctx.end is not None:
        ideas = ideas.filter(created_at__lte=ctx.end)
        comments = comments.filter(created_at__lte=ctx.end, idea__created_at__lte=ctx.end)
        supports = supports.filter(created_at__lte=ctx.end, idea__created_at__lte=ctx.end)

    cells = {}

    def cell(dialogue_id, field_id):
        return cells.setdefault((dialogue_id, field_id), {"statuses": {}, "comments": 0, "supports": 0})

    if dialogues:
        for dialogue_id, field_id, status, n in (
            ideas.order_by()
            .values("dialogue_id", "topic_field_id", "status")
            .annotate(n=Count("pk"))
            .values_list("dialogue_id", "topic_field_id", "status", "n")
        ):
            cell(dialogue_id, field_id)["statuses"][status] = n
        for name, queryset in (("comments", comments), ("supports", supports)):
            for dialogue_id, field_id, n in (
                queryset.order_by()
                .values("idea__dialogue_id", "idea__topic_field_id")
                .annotate(n=Count("pk"))
                .values_list("idea__dialogue_id", "idea__topic_field_id", "n")
            ):
                cell(dialogue_id, field_id)[name] = n

    field_ids = {field_id for _dialogue, field_id in cells if field_id is not None}
    field_pages = list(TopicFieldPage.objects.filter(pk__in=field_ids)) if field_ids else []
    field_translations = _translations(TopicFieldPage, field_pages, ctx.locale, ctx.source_locale)
    fields = {page.pk: _in_language(page, field_translations) for page in field_pages}

    rows = []
    for dialogue in dialogues:
        shown = _in_language(dialogue, translations)
        keys = sorted(
            (key for key in cells if key[0] == dialogue.pk),
            key=lambda key: (key[1] is None, fields[key[1]].path if key[1] in fields else "", key[1] or 0),
        )
        for _dialogue_id, field_id in keys or [(dialogue.pk, None)]:
            data = cells.get((dialogue.pk, field_id), {"statuses": {}, "comments": 0, "supports": 0})
            field_page = fields.get(field_id)
            row = {
                "dialogue_id": dialogue.pk,
                "dialogue_title": shown.title,
                "dialogue_url": ctx.url(shown),
                "ideas_from": dialogue.ideas_from,
                "evaluation_until": dialogue.evaluation_until,
                "topic_field_id": field_id,
                "topic_field_title": field_page.title if field_page else "",
                "ideas_total": sum(data["statuses"].values()),
            }
            row.update({f"ideas_{value}": data["statuses"].get(value, 0) for value in IdeaStatus.values})
            row["comments"] = data["comments"]
            row["supports"] = data["supports"]
            rows.append(row)
    return rows


def participation_modified(ctx):
    from participation.models import Comment, Idea, Support

    dialogues = _dialogues(ctx)
    ideas = Idea.objects.filter(dialogue__in=dialogues.values("pk"), is_approved=True)
    return _latest(
        dialogues.aggregate(latest=Max("last_published_at"))["latest"],
        ideas.aggregate(latest=Max("updated_at"))["latest"],
        Comment.objects.filter(idea__in=ideas).aggregate(latest=Max("created_at"))["latest"],
        Support.objects.filter(idea__in=ideas).aggregate(latest=Max("created_at"))["latest"],
    )


def participation_temporal(ctx):
    figures = _dialogues(ctx).aggregate(start=Min("ideas_from"), end=Max("evaluation_until"))
    if figures["start"] is None:
        return None
    return (figures["start"], figures["end"])


POLL_COLUMNS = ("id", "question", "kind", "opens_at", "closes_at", "status", "participants")


def build_polls(ctx):
    """Polls with their number of participants (ballots); no results per answer, no voters."""
    from participation.models import Poll, PollBallot

    polls = Poll.objects.filter(locale=ctx.source_locale).order_by("opens_at", "pk")
    if ctx.end is not None:
        polls = polls.filter(opens_at__lte=ctx.end)
    polls = list(polls)
    translations = {}
    if polls and ctx.locale.pk != ctx.source_locale.pk:
        translations = {
            poll.translation_key: poll
            for poll in Poll.objects.filter(locale=ctx.locale, translation_key__in=[p.translation_key for p in polls])
        }
    ballots = PollBallot.objects.filter(poll_key__in=[poll.translation_key for poll in polls])
    if ctx.end is not None:
        ballots = ballots.filter(cast_at__lte=ctx.end)
    participants = dict(
        ballots.order_by().values("poll_key").annotate(n=Count("pk")).values_list("poll_key", "n") if polls else []
    )
    now = ctx.end or timezone.now()
    return [
        {
            "id": poll.pk,
            "question": translations.get(poll.translation_key, poll).question,
            "kind": poll.kind,
            "opens_at": poll.opens_at,
            "closes_at": poll.closes_at,
            "status": poll.status(now),
            "participants": participants.get(poll.translation_key, 0),
        }
        for poll in polls
    ]


def polls_modified(ctx):
    from participation.models import Poll, PollBallot

    return _latest(
        Poll.objects.aggregate(latest=Max("created_at"))["latest"],
        PollBallot.objects.aggregate(latest=Max("cast_at"))["latest"],
    )


# ---------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------


def all_datasets():
    """The datasets in the order the catalogue and the Open data page list them."""
    return [
        Dataset(
            key="measures",
            title=_("Measures of the Digital Agenda"),
            description=_(
                "Every published measure with its topic field, status, percentage done, score, priority "
                "class, dates, implementing projects and the public ideas it came from (count and supports)."
            ),
            keywords=(_("Digital Agenda"), _("measures"), _("progress")),
            columns=MEASURE_COLUMNS,
            build=build_measures,
            modified=measures_modified,
            temporal=measures_temporal,
            history=_("Status and percentage done are rebuilt from the progress log; other columns are today’s."),
        ),
        Dataset(
            key="projects",
            title=_("Projects of the portfolio"),
            description=_(
                "Every published portfolio project with status, phase, dates, budget, topic fields, "
                "implemented measures, funding programmes, partners and milestones."
            ),
            keywords=(_("projects"), _("portfolio"), _("funding")),
            columns=PROJECT_COLUMNS,
            build=build_projects,
            modified=projects_modified,
            temporal=projects_temporal,
            history=_(
                "Title, status, phase, dates and budget come from the version published on that day; links are today’s."
            ),
        ),
        Dataset(
            key="topic_fields",
            title=_("Topic fields"),
            description=_(
                "The topic fields of the Digital Agenda with the number of measures per status, "
                "the share implemented and the number of projects."
            ),
            keywords=(_("Digital Agenda"), _("topic fields")),
            columns=_topic_field_columns(),
            build=build_topic_fields,
            modified=topic_fields_modified,
            temporal=measures_temporal,
            history=_(
                "Measure counts are rebuilt from the progress log and project counts from the publication "
                "history; the topic fields themselves are today’s."
            ),
        ),
        Dataset(
            key="ozg_services",
            title=_("OZG services"),
            description=_(
                "The administrative services of the OZG catalogue with LeiKa key, topic area, "
                "responsible level and whether they are online."
            ),
            keywords=(_("OZG"), _("online services"), _("administration")),
            columns=SERVICE_COLUMNS,
            build=build_services,
            modified=services_modified,
            history=_("No history is kept: always today’s state."),
        ),
        Dataset(
            key="participation",
            title=_("Participation in city dialogues"),
            description=_(
                "Aggregated figures per city dialogue and topic field: public ideas by status, comments "
                "and supports. Counts only, no personal data."
            ),
            keywords=(_("participation"), _("city dialogues"), _("ideas")),
            columns=_participation_columns(),
            build=build_participation,
            modified=participation_modified,
            temporal=participation_temporal,
            history=_("Counts contributions made by that day; idea statuses are today’s."),
        ),
        Dataset(
            key="polls",
            title=_("Poll participation"),
            description=_("Every poll with its question, period, status and number of participants. No votes."),
            keywords=(_("participation"), _("polls")),
            columns=POLL_COLUMNS,
            build=build_polls,
            modified=polls_modified,
            history=_("Counts ballots cast by that day."),
        ),
    ]


def get_dataset(key):
    for dataset in all_datasets():
        if dataset.key == key:
            return dataset
    return None
