"""The OpenAPI schema at /api/schema/ is valid and tells the truth about real answers."""

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

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
