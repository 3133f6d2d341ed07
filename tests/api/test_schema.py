"""The OpenAPI schema at /api/schema/ is valid and tells the truth about real answers."""

import pytest
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from participation.models import SurveyAnswer, SurveyFinding, SurveyResponse
from participation.survey.models import ModerationState
from tests.agenda.factories import MeasurePageFactory
from tests.participation.group_factories import ExpertGroupFactory, GroupResultFactory
from tests.participation.survey_factories import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def response_validator(schema, path, method="get", status="200"):
    media = schema["paths"][path][method]["responses"][status]["content"]["application/json"]
    return OAS31Validator({**media["schema"], "components": schema["components"]})


def test_schema_is_a_valid_openapi_3_document(schema):
    validate(schema)
    assert schema["openapi"].startswith("3.1")


def test_schema_generation_has_no_errors_or_warnings(capsys):
    """drf-spectacular only prints its problems; an undocumented view would silently vanish."""
    GENERATOR_STATS.reset()
    try:
        schema = SchemaGenerator().get_schema(request=None, public=True)
        assert not GENERATOR_STATS, capsys.readouterr().err
    finally:
        GENERATOR_STATS.reset()
    operation_ids = [operation["operationId"] for item in schema["paths"].values() for operation in item.values()]
    assert len(operation_ids) == len(set(operation_ids))


def test_schema_documents_v1_and_the_agenda_and_projects_v2_endpoints(schema):
    for path in (
        "/api/v1/polls/",
        "/api/v1/dialogues/{id}/ideas/",
        "/api/v1/ideas/{id}/comments/",
        "/api/v2/measures/",
        "/api/v2/measures/{id}/",
        "/api/v2/topic_fields/",
        "/api/v2/projects/",
        "/api/v2/ozg-services/",
        "/api/v2/ozg-services/summary/",
        "/api/v2/pages/",
        "/api/v2/preview/{id}/",
        "/api/v1/groups/{id}/",
        "/api/v1/group-results/",
        "/api/v1/surveys/{id}/results/",
        "/api/v1/survey-findings/{id}/",
        "/api/v1/search/",
    ):
        assert path in schema["paths"], path


def test_measure_listing_parameters_include_the_filters(schema):
    names = {parameter["name"] for parameter in schema["paths"]["/api/v2/measures/"]["get"]["parameters"]}
    assert {"topic_field", "status", "search", "order", "limit", "offset", "locale", "date_from"} <= names


def test_idea_post_documents_multipart_with_image(schema):
    body = schema["paths"]["/api/v1/dialogues/{id}/ideas/"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in body


def real_answers(content):
    measure, dialogue, idea = content["measure"], content["dialogue"], content["idea"]
    return [
        ("/api/v1/polls/", "/api/v1/polls/"),
        ("/api/v1/dialogues/", "/api/v1/dialogues/"),
        ("/api/v1/dialogues/{id}/", f"/api/v1/dialogues/{dialogue.pk}/"),
        ("/api/v1/dialogues/{id}/ideas/", f"/api/v1/dialogues/{dialogue.pk}/ideas/"),
        ("/api/v1/ideas/{id}/", f"/api/v1/ideas/{idea.pk}/"),
        ("/api/v1/ideas/{id}/comments/", f"/api/v1/ideas/{idea.pk}/comments/"),
        ("/api/v2/measures/", "/api/v2/measures/?fields=*"),
        ("/api/v2/measures/{id}/", f"/api/v2/measures/{measure.pk}/"),
        ("/api/v2/topic_fields/", "/api/v2/topic_fields/?fields=*"),
        ("/api/v2/pages/", "/api/v2/pages/?type=website.NewsPage&fields=*"),
        ("/api/v2/pages/{id}/", f"/api/v2/pages/{content['news'].pk}/"),
        ("/api/v2/ozg-services/", "/api/v2/ozg-services/?fields=*"),
        ("/api/v2/ozg-services/summary/", "/api/v2/ozg-services/summary/"),
        ("/api/v2/contacts/", "/api/v2/contacts/?fields=*"),
        ("/api/v2/funding-programmes/", "/api/v2/funding-programmes/?fields=*"),
        ("/api/v2/partners/", "/api/v2/partners/?fields=*"),
        ("/api/v2/images/", "/api/v2/images/?fields=*"),
    ]


def test_real_answers_match_the_schema(client, schema, content):
    for path, url in real_answers(content):
        response = client.get(url)
        assert response.status_code == 200, url
        errors = [
            f"{list(error.absolute_path)}: {error.message}"
            for error in response_validator(schema, path).iter_errors(response.json())
        ]
        assert not errors, f"{url}: {errors[:3]}"


def test_project_answers_match_the_schema(client, schema, home):
    from tests.projects.factories import build_project_page

    project = build_project_page(home)
    for path, url in [
        ("/api/v2/projects/", "/api/v2/projects/?fields=*"),
        ("/api/v2/projects/{id}/", f"/api/v2/projects/{project.pk}/"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        errors = [
            f"{list(error.absolute_path)}: {error.message}"
            for error in response_validator(schema, path).iter_errors(response.json())
        ]
        assert not errors, f"{url}: {errors[:3]}"


def test_error_answers_match_the_error_schema(client, schema):
    validator = response_validator(schema, "/api/v2/measures/", status="400")
    response = client.get("/api/v2/measures/", {"order": "nonsense"})
    assert response.status_code == 400
    assert not list(validator.iter_errors(response.json()))


@pytest.fixture
def groups_and_survey(content, home, topic_field):
    """A published group with a public result, a survey with published results and answers, a finding."""
    measure, draft = content["measure"], MeasurePageFactory(parent=topic_field, title="Noch nicht veröffentlicht")
    group = ExpertGroupFactory(topic_field=topic_field)
    result = GroupResultFactory(session__group=group)
    result.measures.add(measure)
    survey = build_survey(home, topic_fields=[topic_field], results_published=True)
    for score in (2, 5):
        response = SurveyResponse.objects.create(page=survey, form_data={}, channel=SurveyResponse.PAPER)
        response.topic_fields.add(topic_field)
        SurveyAnswer.objects.bulk_create(
            [
                SurveyAnswer(response=response, question="need_score", topic_field=topic_field, scale_value=score),
                SurveyAnswer(response=response, question="quick_wins", topic_field=topic_field, choice_index=0),
                SurveyAnswer(
                    response=response,
                    question="known_offers",
                    topic_field=topic_field,
                    text="Online-Termine",
                    moderation=ModerationState.APPROVED,
                ),
            ]
        )
    finding = SurveyFinding.objects.create(survey=survey, topic_field=topic_field, title="Termine", summary="Mehr.")
    finding.measures.add(measure, draft)
    return {"group": group, "result": result, "survey": survey, "finding": finding}


def test_group_survey_and_search_answers_match_the_schema(client, schema, groups_and_survey):
    group, result = groups_and_survey["group"], groups_and_survey["result"]
    survey, finding = groups_and_survey["survey"], groups_and_survey["finding"]
    answers = [
        ("/api/v1/groups/", "/api/v1/groups/", "items"),
        ("/api/v1/groups/{id}/", f"/api/v1/groups/{group.pk}/", "results"),
        ("/api/v1/group-results/", "/api/v1/group-results/", "items"),
        ("/api/v1/group-results/{id}/", f"/api/v1/group-results/{result.pk}/", "measures"),
        ("/api/v1/surveys/", "/api/v1/surveys/?locale=de", "items"),
        ("/api/v1/surveys/{id}/results/", f"/api/v1/surveys/{survey.pk}/results/", "questions"),
        ("/api/v1/survey-findings/", "/api/v1/survey-findings/", "items"),
        ("/api/v1/survey-findings/{id}/", f"/api/v1/survey-findings/{finding.pk}/", "measures"),
        ("/api/v1/search/", "/api/v1/search/?q=B%C3%BCrgerportal&page_size=5", "results"),
    ]
    for path, url, non_empty in answers:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.json()
        assert body[non_empty], f"{url}: nothing in {non_empty}, the schema check would prove little"
        errors = [
            f"{list(error.absolute_path)}: {error.message}"
            for error in response_validator(schema, path).iter_errors(body)
        ]
        assert not errors, f"{url}: {errors[:3]}"


def test_group_survey_and_search_errors_match_the_schema(client, schema, groups_and_survey):
    for path, url, status in [
        ("/api/v1/groups/", "/api/v1/groups/?limit=0", "400"),
        ("/api/v1/groups/{id}/", "/api/v1/groups/999999/", "404"),
        ("/api/v1/group-results/", "/api/v1/group-results/?offset=x", "400"),
        ("/api/v1/group-results/", "/api/v1/group-results/?page=2", "400"),
        ("/api/v1/group-results/{id}/", "/api/v1/group-results/999999/", "404"),
        ("/api/v1/surveys/", "/api/v1/surveys/?locale=xx", "400"),
        ("/api/v1/surveys/{id}/results/", "/api/v1/surveys/999999/results/", "404"),
        ("/api/v1/survey-findings/", "/api/v1/survey-findings/?survey=-1", "400"),
        ("/api/v1/survey-findings/{id}/", "/api/v1/survey-findings/999999/", "404"),
        ("/api/v1/survey-findings/", "/api/v1/survey-findings/?limit=101", "400"),
        ("/api/v1/dialogues/{id}/", "/api/v1/dialogues/999999/", "404"),
        ("/api/v1/search/", "/api/v1/search/?lang=xx&unknown=1", "400"),
        ("/api/v1/search/", "/api/v1/search/?q=a%00b", "400"),
        ("/api/v1/groups/", "/api/v1/groups/?limit=%00", "400"),
    ]:
        response = client.get(url)
        assert response.status_code == int(status), url
        errors = list(response_validator(schema, path, status=status).iter_errors(response.json()))
        assert not errors, f"{url}: {errors[0].message}"


def _group_and_survey_urls(data):
    return [
        ("/api/v1/groups/", "/api/v1/groups/"),
        ("/api/v1/groups/{id}/", f"/api/v1/groups/{data['group'].pk}/"),
        ("/api/v1/group-results/", "/api/v1/group-results/"),
        ("/api/v1/group-results/{id}/", f"/api/v1/group-results/{data['result'].pk}/"),
        ("/api/v1/surveys/", "/api/v1/surveys/"),
        ("/api/v1/surveys/{id}/results/", f"/api/v1/surveys/{data['survey'].pk}/results/"),
        ("/api/v1/survey-findings/", "/api/v1/survey-findings/"),
        ("/api/v1/survey-findings/{id}/", f"/api/v1/survey-findings/{data['finding'].pk}/"),
    ]


@pytest.mark.parametrize("query", ["?unknown=1", "?page=2", "?<script>=1", "?limit=5&Limit=5"])
def test_group_and_survey_endpoints_refuse_unknown_query_parameters(client, schema, groups_and_survey, query):
    for path, url in _group_and_survey_urls(groups_and_survey):
        response = client.get(url + query)
        assert response.status_code == 400, url + query
        body = response.json()
        assert body["message"], url + query
        assert any(isinstance(value, list) and value for key, value in body.items() if key != "message"), body
        errors = list(response_validator(schema, path, status="400").iter_errors(body))
        assert not errors, f"{url}{query}: {errors[0].message}"


def test_group_and_survey_lists_share_the_common_list_shape(client, groups_and_survey):
    for url in ["/api/v1/groups/", "/api/v1/group-results/", "/api/v1/surveys/", "/api/v1/survey-findings/"]:
        body = client.get(url).json()
        assert list(body) == ["meta", "items"], url
        assert body["meta"] == {"total_count": len(body["items"]), "limit": 20, "offset": 0}, url
        assert body["items"], url
        skipped = client.get(url + "?limit=1&offset=1").json()
        assert skipped["meta"] == {"total_count": body["meta"]["total_count"], "limit": 1, "offset": 1}, url
        assert skipped["items"] == body["items"][1:2], url
        for bad in ("limit=0", "limit=101", "limit=abc", "offset=-1", "offset=%C2%B2"):
            response = client.get(f"{url}?{bad}")
            assert response.status_code == 400, f"{url}?{bad}"
            assert response.json()["message"], f"{url}?{bad}"


def test_survey_filter_errors_are_in_the_common_format(client, groups_and_survey):
    for url, field in [
        ("/api/v1/surveys/?locale=xx", "locale"),
        ("/api/v1/survey-findings/?survey=abc", "survey"),
        ("/api/v1/survey-findings/?topic_field=%C2%B2", "topic_field"),
        ("/api/v1/survey-findings/?topic_field=99999999999999999999", "topic_field"),
    ]:
        response = client.get(url)
        assert response.status_code == 400, url
        body = response.json()
        assert body["message"] and body[field], url
