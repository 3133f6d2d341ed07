import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.models import MeasureStatus
from tests.agenda.factories import MeasurePageFactory
from tests.factories import publish
from tests.projects.factories import build_project_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def measures(topic_field):
    return [
        publish(MeasurePageFactory(parent=topic_field)),
        publish(MeasurePageFactory(parent=topic_field, status=MeasureStatus.PLANNED)),
    ]


def test_measures_listing_has_status_score_and_topic_field(client, measures, topic_field):
    data = client.get("/api/v2/measures/?fields=percent_done,project_links").json()
    assert data["meta"]["total_count"] == 2
    item = data["items"][0]
    assert {"status", "score", "percent_done", "topic_field"} <= set(item)
    assert item["topic_field"]["id"] == topic_field.pk


def test_filter_by_status(client, measures):
    data = client.get("/api/v2/measures/?status=planned").json()
    assert [item["id"] for item in data["items"]] == [measures[1].pk]


def test_filter_by_topic_field(client, measures, topic_field):
    data = client.get(f"/api/v2/measures/?topic_field={topic_field.pk}").json()
    assert data["meta"]["total_count"] == 2


@pytest.mark.parametrize(
    "query", ["status=bogus", "topic_field=abc", "topic_field=999999", "topic_field=1%27%20OR%201=1", "status="]
)
def test_hostile_filters_give_400_json(client, measures, query):
    response = client.get(f"/api/v2/measures/?{query}")
    assert response.status_code == 400
    assert "message" in response.json()


def test_topic_fields_endpoint_has_key_figures(client, measures, topic_field):
    data = client.get("/api/v2/topic_fields/").json()
    assert data["items"][0]["key_figures"]["total"] == 2


def _api_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


def _add_linked_measures(topic_field, project, count):
    for index in range(count):
        measure = MeasurePageFactory(parent=topic_field)
        measure.tags.add(f"Tag {index % 3}", "OZG")
        measure.projects.add(project)
        publish(measure)


def test_measures_listing_query_count_is_constant(client, topic_field, home):
    project = build_project_page(home)
    url = "/api/v2/measures/?fields=tag_names,project_links&limit=100"
    _add_linked_measures(topic_field, project, 10)
    few = _api_queries(client, url)
    _add_linked_measures(topic_field, project, 40)
    assert client.get(url).json()["meta"]["total_count"] == 50
    assert _api_queries(client, url) == few
