"""Headless API of the portfolio and the OZG catalogue (Wagtail API v2 endpoints).

* ``/api/v2/projects/``: live, public project pages with status, dates, funding,
  partners, milestones and measures; ``?status=live``, ``?topic_field=<page id>``,
  ``?funding=<snippet id>``, ``?locale=da``. Unknown values answer 400 (JSON).
* ``/api/v2/ozg-services/``: the service catalogue, read-only;
  ``?topic_area=…``, ``?online_status=…``, ``?responsible_level=…``, ``?locale=…``;
  ``/api/v2/ozg-services/summary/`` gives "x of y online" overall and per topic area.

Project pages are also in the general ``pages`` endpoint
(``?type=projects.ProjectPage``); only the dedicated endpoint validates filters.
"""

from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response

from django.db.models import Prefetch
from django.urls import path

from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale

from website import query_params
from website.api_base import (
    BoundedIdsMixin,
    SitePagesAPIViewSet,
    StrictPagination,
    StrictSearchFilter,
    bad_request,
    validate_field_values,
)
from website.query_params import BadParameter

from .models import AdministrativeService, FundingProgramme, ProjectMilestone, ProjectPage
from .views import topic_field_model


def _single_pk(request, name):
    try:
        return query_params.parse_id(request.GET, name)
    except BadParameter as error:
        raise bad_request(error) from None


class StrictLocaleMixin:
    def check_locale(self, request):
        if request.GET.get("search_operator") not in (None, "and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        language_code = request.GET.get("locale")
        if language_code is None:
            return None
        locale = Locale.objects.filter(language_code=language_code).first()
        if locale is None:
            raise BadRequestError(f"unknown locale '{language_code}'")
        return locale


class ProjectFilter(StrictLocaleMixin, BaseFilterBackend):
    """Validates the project filters and applies the ones the generic filters cannot."""

    def filter_queryset(self, request, queryset, view):
        self.check_locale(request)
        validate_field_values(request, queryset, view)
        funding_pk = _single_pk(request, "funding")
        if funding_pk is not None:
            programme = FundingProgramme.objects.filter(pk=funding_pk).first()
            if programme is None:
                raise BadRequestError("funding: no funding programme with this id")
            queryset = queryset.filter(
                pk__in=ProjectPage.funding.through.objects.filter(
                    fundingprogramme__translation_key=programme.translation_key
                ).values("projectpage_id")
            )
        topic_field_pk = _single_pk(request, "topic_field")
        if topic_field_pk is not None:
            model = topic_field_model()
            topic_field = model.objects.filter(pk=topic_field_pk).first() if model else None
            if topic_field is None:
                raise BadRequestError("topic_field: no topic field with this id")
            queryset = queryset.filter(
                pk__in=ProjectPage.topic_fields.through.objects.filter(
                    topicfieldpage__translation_key=topic_field.translation_key
                ).values("projectpage_id")
            )
        return queryset


class ProjectPagesAPIViewSet(SitePagesAPIViewSet):
    model = ProjectPage
    name = "projects"
    filter_backends = [ProjectFilter, *SitePagesAPIViewSet.filter_backends]
    known_query_parameters = SitePagesAPIViewSet.known_query_parameters.union(["funding", "topic_field"])
    listing_default_fields = [
        *SitePagesAPIViewSet.listing_default_fields,
        "status",
        "status_label",
        "start_date",
        "end_date",
    ]

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("contact", "locale")
            .prefetch_related(
                "funding",
                "partners",
                Prefetch("milestones", queryset=ProjectMilestone.objects.order_by("sort_order")),
            )
        )


class ServiceFilter(StrictLocaleMixin, BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        locale = self.check_locale(request)
        validate_field_values(request, queryset, view)
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        return queryset


class AdministrativeServicesAPIViewSet(BoundedIdsMixin, BaseAPIViewSet):
    pagination_class = StrictPagination
    model = AdministrativeService
    name = "ozg-services"
    filter_backends = [ServiceFilter, FieldsFilter, OrderingFilter, StrictSearchFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "name",
        "leika_key",
        "topic_area",
        "online_status",
    ]

    def get_queryset(self):
        return AdministrativeService.objects.select_related("locale").order_by("topic_area", "name", "pk")

    def summary_view(self, request):
        """ "x of y services online", overall and per topic area (``?locale=`` narrows it to one language)."""
        locale = ServiceFilter().check_locale(request)
        unknown = set(request.GET) - {"locale"}
        if unknown:
            raise BadRequestError(f"unknown query parameter: {', '.join(sorted(unknown))}")
        services = AdministrativeService.objects.all()
        services = services.filter(locale=locale) if locale else services.filter(locale=Locale.get_default())
        summary = services.online_summary()
        summary["by_topic_area"] = [{**row, "label": str(row["label"])} for row in summary["by_topic_area"]]
        return Response(summary)

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("summary/", cls.as_view({"get": "summary_view"}), name="summary"),
            *super().get_urlpatterns(),
        ]
