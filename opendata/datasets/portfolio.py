"""Datasets of the portfolio: projects and OZG services."""

import datetime

from django.db.models import Count, Max, Min, Q

from agenda.models import MeasurePage
from projects.models import AdministrativeService, ProjectPage, ProjectStatus
from projects.models.pages import localized_objects

from .base import _in_language, _projects, _topic_fields, _translations

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

    content_type = ContentType.objects.get_for_model(AdministrativeService)
    return ModelLogEntry.objects.filter(content_type=content_type).aggregate(latest=Max("timestamp"))["latest"]
