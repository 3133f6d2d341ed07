"""``/api/v1/search/`` as a DRF view, so that drf-spectacular can document it.

drf-spectacular only sees DRF views. `SearchApiView` hands each GET to `views.search_api`
unchanged and returns its `JsonResponse` as is: same JSON, status codes and language
handling. It ignores ``Accept`` and ``?format=`` as the plain view did (always JSON), and
authenticates by session only (no Basic challenge), like the rest of the site. The
serializers below only describe the answers; a test validates real answers against them.
"""

from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from django.conf import settings

from participation.core.api_docs import ErrorSerializer

from . import engine, views


class AlwaysJson(BaseContentNegotiation):
    """The plain view answered JSON whatever ``Accept`` or ``?format=`` said; so does this one."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class TopicRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class SearchHitSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="Kind of result: a page model name, `idea`, `dialogueevent`, `link`, …")
    type_label = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()
    snippet = serializers.CharField(help_text="Escaped HTML excerpt; matching words are in `<mark>`.")
    topic_fields = TopicRefSerializer(many=True)
    status = serializers.CharField(allow_null=True)
    status_label = serializers.CharField(allow_null=True)
    year = serializers.IntegerField(allow_null=True)
    promoted = serializers.BooleanField(help_text="Chosen by editors for this query.")


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="Value to pass as the facet's query parameter.")
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


def _facet_values():
    return FacetValueSerializer(many=True)


SEARCH_RESULT = inline_serializer(
    name="SearchResult",
    fields={
        "query": serializers.CharField(help_text="The query as searched (control characters removed, trimmed)."),
        "language": serializers.ChoiceField(choices=[code for code, _name in settings.LANGUAGES]),
        "count": serializers.IntegerField(),
        "count_is_lower_bound": serializers.BooleanField(),
        "page": serializers.IntegerField(),
        "page_size": serializers.IntegerField(),
        "num_pages": serializers.IntegerField(),
        "promoted": SearchHitSerializer(many=True, help_text="Editors' picks; only on page 1 without filters."),
        "results": SearchHitSerializer(many=True),
        "facets": inline_serializer(name="SearchFacets", fields={facet: _facet_values() for facet in engine.FACETS}),
        "suggestion": serializers.CharField(allow_blank=True, help_text="Spelling suggestion when nothing was found."),
    },
)
SEARCH_ERROR = inline_serializer(
    name="SearchParameterError",
    fields={
        "detail": serializers.CharField(),
        "errors": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()),
            help_text="A message list per wrong or unknown query parameter.",
        ),
    },
)
# A NUL character in the query string is refused before the view by `website.api_http`,
# with the project's usual ``{"message": …, "<parameter>": […]}``.
SEARCH_BAD_REQUEST = PolymorphicProxySerializer(
    component_name="SearchBadRequest",
    serializers=[SEARCH_ERROR, ErrorSerializer],
    resource_type_field_name=None,
)
SEARCH_UNAVAILABLE = inline_serializer(name="SearchUnavailable", fields={"detail": serializers.CharField()})

FILTER_DESCRIPTIONS = {
    "type": "Kind of result (a `type` facet value); repeat for several.",
    "topic": "Topic field id (a `topic` facet value); repeat for several.",
    "status": "Status of measures, projects or ideas (a `status` facet value); repeat for several.",
    "year": "Year (a `year` facet value); repeat for several.",
}
PARAMETERS = [
    OpenApiParameter("q", str, description=f"Search words (at most {engine.MAX_QUERY_LENGTH} characters)."),
    OpenApiParameter(
        "lang",
        str,
        enum=[code for code, _name in settings.LANGUAGES],
        description=f"Language of the results; default `{settings.LANGUAGE_CODE}`.",
    ),
    OpenApiParameter("page", int, description="Page number (default 1)."),
    OpenApiParameter("page_size", int, description=f"Results per page, 1 to {views.MAX_PAGE_SIZE} (default 10)."),
    *(
        OpenApiParameter(facet, str, many=True, pattern=pattern.pattern, description=FILTER_DESCRIPTIONS[facet])
        for facet, pattern in views._FILTER_PATTERNS.items()
    ),
]


class SearchApiView(APIView):
    authentication_classes = [SessionAuthentication]
    permission_classes = [AllowAny]
    content_negotiation_class = AlwaysJson

    @extend_schema(
        operation_id="search",
        summary="Full-text search over pages, measures, projects, ideas and events",
        tags=["v1 search"],
        parameters=PARAMETERS,
        responses={
            200: SEARCH_RESULT,
            400: OpenApiResponse(SEARCH_BAD_REQUEST, description="Wrong or unknown query parameters."),
            503: OpenApiResponse(SEARCH_UNAVAILABLE, description="The search backend is down; try again later."),
        },
    )
    def get(self, request):
        return views.search_api(request._request)
