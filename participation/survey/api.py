"""Read-only JSON API of the needs survey (``/api/v1/…``): surveys, their results once an editor
has published them, and the public findings. Individual responses are never in the API; free
texts appear only after moderation, without any author.
"""

from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from django.urls import path
from django.utils.translation import gettext_lazy as _

from participation.core import api_docs
from participation.core.api import (
    PAGINATION_PARAMETERS,
    ApiView,
    paginate,
    paginated_response,
    parse_locale,
)
from participation.models import NeedsSurveyPage, SurveyFinding
from participation.survey import api_docs as docs
from participation.survey import results as survey_results
from website import (
    converters,  # noqa: F401  (registers the <id:…> URL converter)
    query_params,
)


def survey_data(page):
    return {
        "id": page.pk,
        "title": page.title,
        "locale": page.locale.language_code,
        "status": page.status(),
        "opens_at": page.opens_at,
        "closes_at": page.closes_at,
        "results_published": page.results_published,
        "url": page.full_url,
        "results_api": f"/api/v1/surveys/{page.pk}/results/" if page.results_published else None,
    }


def _survey(pk):
    page = NeedsSurveyPage.objects.live().public().filter(pk=pk).select_related("locale").first()
    if page is None:
        raise NotFound(_("There is no survey with this id."))
    return page


class SurveyListView(ApiView):
    permission_classes = [AllowAny]
    query_parameters = PAGINATION_PARAMETERS | {"locale"}

    @docs.document(
        operation_id="surveys_list",
        summary="Live needs surveys in one language",
        parameters=[docs.LOCALE, *api_docs.PAGINATION],
        responses={200: api_docs.list_of("SurveyList", docs.SurveySerializer), **api_docs.ERRORS},
    )
    def get(self, request):
        locale = parse_locale(request)
        pages = NeedsSurveyPage.objects.live().public().filter(locale=locale).select_related("locale")
        pages, meta = paginate(request, pages.order_by("path"))
        return paginated_response([survey_data(page) for page in pages], meta)


def results_data(page):
    results = survey_results.results(page)

    def topic_field(tf):
        return {"id": tf.pk, "title": tf.title} if tf is not None else None

    return {
        "survey": survey_data(page),
        "responses": results.responses,
        "topic_fields": [
            {"topic_field": topic_field(tf), "respondents": n, "mean_need_score": mean, "need_scores": count}
            for (tf, mean, count), (_tf, n) in zip(
                results.need_by_topic_field, results.respondents_by_topic_field, strict=True
            )
        ],
        "questions": [
            {
                "key": q.question.clean_name,
                "label": q.question.label,
                "type": q.question.field_type,
                "per_topic_field": q.question.per_topic_field,
                "rows": [
                    {
                        "topic_field": topic_field(row.topic_field),
                        "respondents": row.respondents,
                        "choices": [{"label": c.label, "count": c.count, "percent": c.percent} for c in row.choices],
                        "mean": row.mean,
                        "approved_texts": row.texts,
                    }
                    for row in q.rows
                ],
            }
            for q in results.questions
        ],
    }


class SurveyResultsView(ApiView):
    permission_classes = [AllowAny]

    @docs.document(
        operation_id="survey_results_retrieve",
        summary="Published results of one survey",
        description="404 when there is no live survey with this id or its results are not published.",
        responses={200: docs.SurveyResultsSerializer, **api_docs.ERRORS},
    )
    def get(self, request, pk):
        page = _survey(pk)
        if not page.results_published:
            raise NotFound(_("The results of this survey are not published."))
        return Response(results_data(page))


def finding_data(finding, measures):
    return {
        "id": finding.pk,
        "title": finding.title,
        "summary": finding.summary,
        "survey": finding.survey_id,
        "topic_field": {"id": finding.topic_field_id, "title": finding.topic_field.title},
        "url": finding.get_absolute_url(),
        "measures": [
            {
                "id": m.pk,
                "title": m.title,
                "status": m.status,
                "percent_done": m.percent_done,
                "url": m.url if m.live else None,
            }
            for m in measures
        ],
    }


class FindingListView(ApiView):
    permission_classes = [AllowAny]
    query_parameters = PAGINATION_PARAMETERS | {"survey", "topic_field"}

    @docs.document(
        operation_id="survey_findings_list",
        summary="Public survey findings",
        parameters=[*docs.FINDING_FILTERS, *api_docs.PAGINATION],
        responses={200: api_docs.list_of("SurveyFindingList", docs.SurveyFindingSerializer), **api_docs.ERRORS},
    )
    def get(self, request):
        findings = SurveyFinding.objects.public().select_related("topic_field", "survey")
        for name in ("survey", "topic_field"):
            value = query_params.parse_id(request.query_params, name)
            if value is not None:
                findings = findings.filter(**{f"{name}_id": value})
        findings, meta = paginate(request, findings.prefetch_related("measures"))
        return paginated_response([finding_data(f, f.measures.all()) for f in findings], meta)


class FindingDetailView(ApiView):
    permission_classes = [AllowAny]

    @docs.document(
        operation_id="survey_findings_retrieve",
        summary="One public survey finding",
        responses={200: docs.SurveyFindingSerializer, **api_docs.ERRORS},
    )
    def get(self, request, pk):
        finding = SurveyFinding.objects.public().select_related("topic_field", "survey").filter(pk=pk).first()
        if finding is None:
            raise NotFound(_("There is no finding with this id."))
        return Response(finding_data(finding, finding.measures.all()))


urlpatterns = [
    path("surveys/", SurveyListView.as_view(), name="surveys-api-list"),
    path("surveys/<id:pk>/results/", SurveyResultsView.as_view(), name="surveys-api-results"),
    path("survey-findings/", FindingListView.as_view(), name="survey-findings-api-list"),
    path("survey-findings/<id:pk>/", FindingDetailView.as_view(), name="survey-findings-api-detail"),
]
