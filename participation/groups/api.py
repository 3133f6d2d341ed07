"""Read-only public API of focus and feedback groups (`/api/v1/groups/…`).

Only what a sponsor made public: published group summaries and results marked public, with
the measures they led to (published measures only). Never members, sessions, minutes,
documents, invitations or ratings — the serialisers below list every field they expose.
"""

from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from django.db.models import Prefetch
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from agenda.models import MeasurePage
from participation.core import api_docs
from participation.core.api import PAGINATION_PARAMETERS, ApiView, paginate, paginated_response
from participation.groups import api_docs as docs
from participation.groups.models import ExpertGroup, GroupResult


def _measure_data(measure):
    return {"id": measure.pk, "title": measure.title, "status": measure.status, "percent_done": measure.percent_done}


def group_data(group):
    return {
        "id": group.pk,
        "name": group.name,
        "kind": group.kind,
        "topic_field": {"id": group.topic_field_id, "title": group.topic_field.title},
        "public_summary": group.public_summary,
        "url": reverse("groups:summary", args=[group.pk]),
    }


def result_data(result):
    return {
        "id": result.pk,
        "title": result.title,
        "kind": result.kind,
        "description": result.description,
        "need": result.need,
        "priority": result.priority,
        "group": {
            "id": result.session.group_id,
            "name": result.session.group.name,
            "summary_published": result.session.group.summary_published,
        },
        "session_date": result.session.starts_at.date().isoformat(),
        "measures": [_measure_data(measure) for measure in result.live_measures],
        "url": reverse("groups:result", args=[result.pk]),
    }


def _public_results():
    return (
        GroupResult.objects.public()
        .select_related("session__group")
        .prefetch_related(
            Prefetch("measures", queryset=MeasurePage.objects.live().order_by("title"), to_attr="live_measures")
        )
        .order_by("-session__starts_at", "pk")
    )


class GroupListView(ApiView):
    permission_classes = [AllowAny]
    query_parameters = PAGINATION_PARAMETERS

    @docs.document(
        operation_id="groups_list",
        summary="Published focus and feedback groups",
        parameters=api_docs.PAGINATION,
        responses={200: api_docs.list_of("GroupList", docs.GroupSerializer), **api_docs.ERRORS},
    )
    def get(self, request):
        groups, meta = paginate(
            request, ExpertGroup.objects.published().select_related("topic_field").order_by("name", "pk")
        )
        return paginated_response([group_data(group) for group in groups], meta)


class GroupDetailView(ApiView):
    permission_classes = [AllowAny]

    @docs.document(
        operation_id="groups_retrieve",
        summary="One published group with its public results",
        responses={200: docs.GroupDetailSerializer, **api_docs.ERRORS},
    )
    def get(self, request, pk):
        group = ExpertGroup.objects.published().select_related("topic_field").filter(pk=pk).first()
        if group is None:
            raise NotFound(_("No published group with this id."))
        results = _public_results().filter(session__group=group)
        return Response({**group_data(group), "results": [result_data(result) for result in results[:200]]})


class GroupResultListView(ApiView):
    permission_classes = [AllowAny]
    query_parameters = PAGINATION_PARAMETERS

    @docs.document(
        operation_id="group_results_list",
        summary="Public results of all groups, newest session first",
        parameters=api_docs.PAGINATION,
        responses={200: api_docs.list_of("GroupResultList", docs.GroupResultSerializer), **api_docs.ERRORS},
    )
    def get(self, request):
        results, meta = paginate(request, _public_results())
        return paginated_response([result_data(result) for result in results], meta)


class GroupResultDetailView(ApiView):
    permission_classes = [AllowAny]

    @docs.document(
        operation_id="group_results_retrieve",
        summary="One public group result",
        responses={200: docs.GroupResultSerializer, **api_docs.ERRORS},
    )
    def get(self, request, pk):
        result = _public_results().filter(pk=pk).first()
        if result is None:
            raise NotFound(_("No public result with this id."))
        return Response(result_data(result))


urlpatterns = [
    path("groups/", GroupListView.as_view(), name="groups-api-list"),
    path("groups/<id:pk>/", GroupDetailView.as_view(), name="groups-api-detail"),
    path("group-results/", GroupResultListView.as_view(), name="group-results-api-list"),
    path("group-results/<id:pk>/", GroupResultDetailView.as_view(), name="group-results-api-detail"),
]
