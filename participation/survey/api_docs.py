"""OpenAPI descriptions of the needs survey answers (`participation/api_survey.py`; documentation only).

The views are `api_common.ApiView`s: the list wrapper, the limit/offset parameters and the error
responses are the common ones from `participation.core.api_docs`.
"""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers

from participation.core.api_docs import TopicFieldRefSerializer
from participation.survey.models import QuestionType


class SurveySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    locale = serializers.CharField()
    status = serializers.ChoiceField(choices=["upcoming", "open", "closed"])
    opens_at = serializers.DateTimeField(allow_null=True)
    closes_at = serializers.DateTimeField(allow_null=True)
    results_published = serializers.BooleanField()
    url = serializers.CharField(allow_null=True)
    results_api = serializers.CharField(allow_null=True, help_text="Path of the results, once published.")


class SurveyChoiceResultSerializer(serializers.Serializer):
    label = serializers.CharField()
    count = serializers.IntegerField()
    percent = serializers.IntegerField()


class SurveyQuestionRowSerializer(serializers.Serializer):
    topic_field = TopicFieldRefSerializer(allow_null=True, help_text="Null for a general question.")
    respondents = serializers.IntegerField()
    choices = SurveyChoiceResultSerializer(many=True)
    mean = serializers.FloatField(allow_null=True, help_text="Need-score questions only.")
    approved_texts = serializers.ListField(child=serializers.CharField(), help_text="Moderated free texts.")


class SurveyQuestionSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    type = serializers.ChoiceField(choices=QuestionType.choices)
    per_topic_field = serializers.BooleanField()
    rows = SurveyQuestionRowSerializer(many=True)


class SurveyNeedSerializer(serializers.Serializer):
    topic_field = TopicFieldRefSerializer(allow_null=True)
    respondents = serializers.IntegerField()
    mean_need_score = serializers.FloatField(allow_null=True)
    need_scores = serializers.IntegerField(help_text="Number of need scores given for this topic field.")


class SurveyResultsSerializer(serializers.Serializer):
    survey = SurveySerializer()
    responses = serializers.IntegerField()
    topic_fields = SurveyNeedSerializer(many=True)
    questions = SurveyQuestionSerializer(many=True)


class FindingMeasureSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.CharField()
    percent_done = serializers.IntegerField()
    url = serializers.CharField(allow_null=True, help_text="Null while the measure is not published.")


class SurveyFindingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    survey = serializers.IntegerField(help_text="Id of the survey page.")
    topic_field = TopicFieldRefSerializer()
    url = serializers.CharField()
    measures = FindingMeasureSerializer(many=True)


LOCALE = OpenApiParameter("locale", str, enum=["de", "da", "en"], description="Language code; default `de`.")
FINDING_FILTERS = [
    OpenApiParameter("survey", int, description="Only findings of this survey page."),
    OpenApiParameter("topic_field", int, description="Only findings for this topic field."),
]


def document(**kwargs):
    kwargs.setdefault("tags", ["v1 survey"])
    return extend_schema(**kwargs)
