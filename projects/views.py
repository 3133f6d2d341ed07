"""Context builders for the portfolio listing and the OZG service catalogue.

Both read their filters from the query string (GET forms that work without
JavaScript); invalid filter values are ignored. Query counts do not grow with
the number of projects or services.
"""

from django.core.paginator import Paginator

from .forms import PortfolioFilterForm, ServiceCatalogFilterForm
from .models import FundingProgramme, ProjectPage
from .models.pages import localized_objects


def topic_field_model():
    """The agenda's TopicFieldPage: the target of ``ProjectPage.topic_fields`` (so no import of the agenda)."""
    return ProjectPage._meta.get_field("topic_fields").related_model


def portfolio_context(index_page, request):
    locale = index_page.locale
    topic_field_page = topic_field_model()
    topic_fields = (
        list(topic_field_page.objects.live().public().filter(locale=locale).order_by("title"))
        if topic_field_page
        else []
    )
    funding_programmes = list(FundingProgramme.objects.filter(locale=locale).order_by("name"))
    form = PortfolioFilterForm(request.GET or None, topic_fields=topic_fields, funding_programmes=funding_programmes)
    filters = form.valid_filters() if request.GET else {}

    all_projects = ProjectPage.objects.live().public().child_of(index_page)
    projects = index_page.projects()
    if "status" in filters:
        projects = projects.filter(status=filters["status"])
    if "funding" in filters:
        programme = next(p for p in funding_programmes if str(p.pk) == filters["funding"])
        through = ProjectPage.funding.through
        projects = projects.filter(
            pk__in=through.objects.filter(fundingprogramme__translation_key=programme.translation_key).values(
                "projectpage_id"
            )
        )
    if "topic_field" in filters:
        topic_field = next(p for p in topic_fields if str(p.pk) == filters["topic_field"])
        through = ProjectPage.topic_fields.through
        projects = projects.filter(
            pk__in=through.objects.filter(topicfieldpage__translation_key=topic_field.translation_key).values(
                "projectpage_id"
            )
        )

    paginator = Paginator(projects, index_page.page_size)
    projects_page = paginator.get_page(request.GET.get("page"))
    page_projects = list(projects_page.object_list)
    _attach_localized(page_projects, "funding", "funding_localized", locale)
    return {
        "filter_form": form,
        "active_filters": filters,
        "projects_page": projects_page,
        "projects": page_projects,
        "result_count": paginator.count,
        "status_counts": all_projects.by_status(),
    }


def _attach_localized(objects, relation, attribute, locale):
    """Give each object a list of its (prefetched) related snippets in `locale`, in one query."""
    related = [item for obj in objects for item in getattr(obj, relation).all()]
    localized = dict(zip([id(item) for item in related], localized_objects(related, locale), strict=True))
    for obj in objects:
        setattr(obj, attribute, [localized[id(item)] for item in getattr(obj, relation).all()])


def service_catalog_context(page, request):
    form = ServiceCatalogFilterForm(request.GET or None)
    filters = form.valid_filters() if request.GET else {}
    services = page.services()
    summary = services.online_summary()
    for row in [summary, *summary["by_topic_area"]]:
        row["share"] = round(100 * row["online"] / row["total"]) if row["total"] else 0
    listed = services.filter(**filters).order_by("topic_area", "name")
    return {
        "filter_form": form,
        "active_filters": filters,
        "summary": summary,
        "services": list(listed),
    }
