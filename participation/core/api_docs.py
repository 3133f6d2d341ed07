"""OpenAPI descriptions of the `/api/v1/` answers (documentation only, never used to serialise).

The views build their JSON with small functions (`poll_data`, `idea_data`, …); these
serializers describe exactly that shape for drf-spectacular. A test validates real
answers against the generated schema, so a change on one side without the other fails.
"""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    message = serializers.CharField(help_text="Summary; per-field messages are lists under the field's name.")
    detail = serializers.CharField(required=False)


class ListMetaSerializer(serializers.Serializer):
    total_count = serializers.IntegerField()
    limit = serializers.IntegerField()
    offset = serializers.IntegerField()


class ChoiceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()


class ChoiceResultSerializer(ChoiceSerializer):
    votes = serializers.IntegerField()
    percent = serializers.IntegerField()


class PollResultsSerializer(serializers.Serializer):
    participants = serializers.IntegerField()
    choices = ChoiceResultSerializer(many=True)


class PollSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    translation_key = serializers.UUIDField()
    locale = serializers.CharField()
    question = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    kind = serializers.CharField()
    status = serializers.CharField()
    opens_at = serializers.DateTimeField(allow_null=True)
    closes_at = serializers.DateTimeField(allow_null=True)
    results_visibility = serializers.CharField()
    choices = ChoiceSerializer(many=True)
    has_voted = serializers.BooleanField()
    results_visible = serializers.BooleanField()
    results = PollResultsSerializer(allow_null=True, required=False, help_text="Only in the detail view.")


class TopicFieldRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class DialogueSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    source_id = serializers.IntegerField()
    locale = serializers.CharField()
    title = serializers.CharField()
    intro = serializers.CharField(allow_blank=True)
    url = serializers.CharField(allow_null=True)
    phase = serializers.CharField()
    phase_label = serializers.CharField()
    ideas_from = serializers.DateField(allow_null=True)
    ideas_until = serializers.DateField(allow_null=True)
    support_until = serializers.DateField(allow_null=True)
    evaluation_until = serializers.DateField(allow_null=True)
    accepts_ideas = serializers.BooleanField()
    accepts_comments_and_support = serializers.BooleanField()
    topic_fields = TopicFieldRefSerializer(many=True)


class MeasureRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    percent_done = serializers.IntegerField()
    published = serializers.BooleanField()


class RenditionSerializer(serializers.Serializer):
    url = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class RenditionsSerializer(serializers.Serializer):
    thumbnail = RenditionSerializer()
    small = RenditionSerializer()
    medium = RenditionSerializer()
    large = RenditionSerializer()


class ImageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    renditions = RenditionsSerializer()


class IdeaSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    hidden = serializers.BooleanField(help_text="Hidden by moderation: then only id, hidden and status are sent.")
    status = serializers.CharField()
    dialogue_id = serializers.IntegerField(required=False)
    title = serializers.CharField(required=False)
    text = serializers.CharField(required=False)
    topic_field_id = serializers.IntegerField(required=False, allow_null=True)
    author = serializers.CharField(required=False)
    organisation = serializers.CharField(required=False, allow_null=True)
    status_label = serializers.CharField(required=False)
    status_reason = serializers.CharField(required=False, allow_blank=True)
    official_answer = serializers.CharField(required=False, allow_null=True)
    answered_at = serializers.DateTimeField(required=False, allow_null=True)
    image = ImageSerializer(required=False, allow_null=True)
    image_alt = serializers.CharField(required=False, allow_blank=True)
    address = serializers.CharField(required=False, allow_blank=True)
    latitude = serializers.DecimalField(max_digits=9, decimal_places=6, required=False, allow_null=True)
    longitude = serializers.DecimalField(max_digits=9, decimal_places=6, required=False, allow_null=True)
    support_count = serializers.IntegerField(required=False, allow_null=True)
    comment_count = serializers.IntegerField(required=False, allow_null=True)
    created_at = serializers.DateTimeField(required=False)
    measures = MeasureRefSerializer(many=True, required=False)


class CommentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    parent_id = serializers.IntegerField(allow_null=True)
    hidden = serializers.BooleanField()
    text = serializers.CharField(required=False)
    author = serializers.CharField(required=False)
    organisation = serializers.CharField(required=False, allow_null=True)
    official = serializers.BooleanField(required=False)
    created_at = serializers.DateTimeField(required=False)


class SupportStateSerializer(serializers.Serializer):
    support_count = serializers.IntegerField()
    supported = serializers.BooleanField()


def list_of(name, item_serializer, **extra):
    return inline_serializer(
        name=name,
        fields={"meta": ListMetaSerializer(), **extra, "items": item_serializer(many=True)},
    )


IDEA_FILTERS = inline_serializer(
    name="IdeaFilters",
    fields={
        "sort": serializers.CharField(),
        "status": serializers.CharField(allow_blank=True),
        "topic": serializers.IntegerField(allow_null=True),
    },
)

ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Invalid input: a message per field or query parameter."),
    404: OpenApiResponse(ErrorSerializer, description="Not found."),
}
WRITE_ERRORS = {
    **ERRORS,
    403: OpenApiResponse(ErrorSerializer, description="Not logged in, or not allowed now (e.g. a closed dialogue)."),
    409: OpenApiResponse(ErrorSerializer, description="Already done (a second vote or support)."),
    429: OpenApiResponse(ErrorSerializer, description="Rate limit hit; wait and try again."),
}
PAGINATION = [
    OpenApiParameter("limit", int, description="Items per page (default 20, at most 100)."),
    OpenApiParameter("offset", int, description="Items to skip."),
]
LOCALE = OpenApiParameter("locale", str, description="Language code (`de`, `da`, `en`); default `de`.")
IDEA_LIST_PARAMETERS = [
    *PAGINATION,
    OpenApiParameter("sort", str, enum=["newest", "supported", "discussed"]),
    OpenApiParameter("status", str, enum=["new", "under_review", "accepted", "merged", "not_pursued", "implemented"]),
    OpenApiParameter("topic", int, description="Id of one of the dialogue's topic fields."),
]


def document(**kwargs):
    kwargs.setdefault("tags", ["v1 participation"])
    return extend_schema(**kwargs)
