"""API v2 endpoints of the agenda: ``/api/v2/measures/`` and ``/api/v2/topic_fields/``.

Measures are filterable by ``topic_field`` (page id) and ``status`` (one value);
topic fields by ``topic_field``; invalid values answer
400 with a JSON message instead of silently returning nothing. Measures carry their
score (annotated in the same query), progress, topic field and implementing projects.
"""

from wagtail.api.v2.utils import BadRequestError

from website import query_params
from website.api_base import SitePagesAPIViewSet as BasePagesViewSet
from website.api_base import bad_request
from website.query_params import BadParameter

from .models import MeasurePage, MeasureStatus, TopicFieldPage


class AgendaFilter:
    """``?topic_field=<id>`` and ``?status=<value>``, validated."""

    def filter_queryset(self, request, queryset, view):
        try:
            topic_field = query_params.parse_id(request.GET, "topic_field")
        except BadParameter as error:
            raise bad_request(error) from None
        if topic_field is not None:
            parent = TopicFieldPage.objects.filter(pk=topic_field).first()
            if parent is None:
                raise BadRequestError(f"no topic field with id {topic_field}")
            queryset = queryset.child_of(parent) if queryset.model is MeasurePage else queryset.filter(pk=parent.pk)
        status = request.GET.get("status")
        if status is not None and queryset.model is MeasurePage:
            if status not in MeasureStatus.values:
                raise BadRequestError("status must be one of: " + ", ".join(MeasureStatus.values))
            queryset = queryset.filter(status=status)
        return queryset


class MeasuresAPIViewSet(BasePagesViewSet):
    model = MeasurePage
    filter_backends = [AgendaFilter, *BasePagesViewSet.filter_backends]
    known_query_parameters = BasePagesViewSet.known_query_parameters.union(["topic_field"])
    listing_default_fields = [
        *BasePagesViewSet.listing_default_fields,
        "status",
        "status_label",
        "percent_done",
        "score",
        "priority_class",
        "topic_field",
    ]

    def get_queryset(self):
        ids = self.get_base_queryset().values("pk")
        return (
            MeasurePage.objects.filter(pk__in=ids)
            .with_scores()
            .with_topic_field()
            .select_related("locale")
            .prefetch_related("tags", "projects")
            .order_by("path")
        )


class TopicFieldsAPIViewSet(BasePagesViewSet):
    model = TopicFieldPage
    known_query_parameters = BasePagesViewSet.known_query_parameters.union(["topic_field"])
    filter_backends = [AgendaFilter, *BasePagesViewSet.filter_backends]
    listing_default_fields = [*BasePagesViewSet.listing_default_fields, "key_figures"]

    def get_queryset(self):
        ids = self.get_base_queryset().values("pk")
        return TopicFieldPage.objects.filter(pk__in=ids).order_by("path")
