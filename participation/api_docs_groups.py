"""OpenAPI descriptions of the group answers (`participation/api_groups.py`; documentation only).

These views are plain DRF `APIView`s, not `api_common.ApiView`: their errors are DRF's own
shapes (``{"page": ["…"]}``, ``{"detail": "…"}``) without the ``message`` summary, and
that is what is documented here. A test validates real answers against the schema.
"""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers

from participation.api_docs import TopicFieldRefSerializer
from participation.models.groups import GroupKind, ResultKind, ResultPriority


class DetailErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


class GroupMeasureSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.CharField()
    percent_done = serializers.IntegerField()


class GroupRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    summary_published = serializers.BooleanField()


class GroupSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=GroupKind.choices)
    topic_field = TopicFieldRefSerializer()
    public_summary = serializers.CharField()
    url = serializers.CharField(help_text="Public page of the group's summary.")


class GroupResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=ResultKind.choices)
    description = serializers.CharField()
    need = serializers.CharField(allow_blank=True)
    priority = serializers.ChoiceField(choices=ResultPriority.choices)
    group = GroupRefSerializer()
    session_date = serializers.DateField()
    measures = GroupMeasureSerializer(many=True, help_text="Published measures this result led to.")
    url = serializers.CharField()


class GroupDetailSerializer(GroupSerializer):
    results = GroupResultSerializer(many=True, help_text="The group's public results (at most 200).")


def page_of(name, item_serializer):
    return inline_serializer(
        name=name,
        fields={
            "count": serializers.IntegerField(),
            "page": serializers.IntegerField(),
            "items": item_serializer(many=True),
        },
    )


PAGE = OpenApiParameter("page", int, description="Page number, 50 items a page (default 1).")


def parameter_error(description, *names):
    """400 body: a message list per query parameter; ``message`` only when the middleware refused the
    query string before the view ran (NUL characters, see `website.api_http`)."""
    messages = {"type": "array", "items": {"type": "string"}}
    return OpenApiResponse(
        {
            "type": "object",
            "properties": {"message": {"type": "string"}, **dict.fromkeys(names, messages)},
            "additionalProperties": messages,
        },
        description=description,
    )


PAGE_ERROR = parameter_error("`page` is not a number from 1 to the last page.", "page")


def not_found(what):
    return OpenApiResponse(DetailErrorSerializer, description=f"No {what} with this id.")


def document(**kwargs):
    kwargs.setdefault("tags", ["v1 groups"])
    return extend_schema(**kwargs)
