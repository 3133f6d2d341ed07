"""Datasets of the Digital Agenda: measures and topic fields."""

from django.db.models import Count, Max, Min, OuterRef, Subquery
from django.utils import timezone

from agenda.models import MeasurePage, MeasurePageTag, MeasureProgressUpdate, MeasureStatus, TopicFieldPage
from participation.models import Idea, Support
from projects.models import ProjectPage

from .base import _count_subquery, _in_language, _latest, _measures, _projects, _topic_fields, _translations
from .portfolio import projects_modified

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


def measure_states(ctx):
    """[(source measure page, status, percent_done)] on the context's date; shared by two datasets."""
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


def build_measures(ctx):
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
    measures = _measures(ctx)
    published = measures.aggregate(latest=Max("last_published_at"))["latest"]
    logged = MeasureProgressUpdate.objects.filter(measure__in=measures.values("pk")).aggregate(
        latest=Max("changed_at")
    )["latest"]
    return _latest(published, logged)


def measures_temporal(ctx):
    first = MeasureProgressUpdate.objects.filter(measure__in=_measures(ctx).values("pk")).aggregate(
        first=Min("changed_at")
    )["first"]
    if first is None:
        return None
    return (timezone.localtime(first).date(), ctx.as_of or timezone.localdate())


# ---------------------------------------------------------------------------
# Topic fields
# ---------------------------------------------------------------------------


def _topic_field_columns():
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
    fields = TopicFieldPage.objects.live().public().descendant_of(ctx.home).filter(locale=ctx.source_locale)
    return _latest(
        fields.aggregate(latest=Max("last_published_at"))["latest"], measures_modified(ctx), projects_modified(ctx)
    )
