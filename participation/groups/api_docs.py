"""OpenAPI descriptions of the group answers (`participation/api_groups.py`; documentation only).

The views are `api_common.ApiView`s: lists and errors have the common v1 shapes, so the list
wrapper, the limit/offset parameters and the error responses come from `participation.core.api_docs`.
A test validates real answers against the schema.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from participation.core.api_docs import TopicFieldRefSerializer
from participation.groups.models import GroupKind, ResultKind, ResultPriority


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


def document(**kwargs):
    kwargs.setdefault("tags", ["v1 groups"])
    return extend_schema(**kwargs)
