"""The portfolio and the OZG catalogue in the headless API: fields, filters, bad input (400)."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import publish
from tests.projects.factories import (
    AdministrativeServiceFactory,
    FundingProgrammeFactory,
    OrganisationFactory,
    ProjectPageFactory,
    build_project,
)

pytestmark = pytest.mark.django_db


def test_project_detail_has_status_dates_funding_partners_milestones_and_measures(client, portfolio):
    project = build_project(
        portfolio,
        status="pilot",
        start_date=datetime.date(2021, 3, 1),
        funding=[FundingProgrammeFactory(name="Digitale Modellkommune SH")],
        partners=[OrganisationFactory(name="ITV.SH", kind="public_it_provider")],
        milestones=2,
    )

    data = client.get(f"/api/v2/projects/{project.pk}/").json()

    assert data["status"] == "pilot"
    assert data["start_date"] == "2021-03-01"
    assert [item["name"] for item in data["funding"]] == ["Digitale Modellkommune SH"]
    assert data["funding"][0]["amount"] == "100000.00"
    assert [(item["name"], item["kind"]) for item in data["partners"]] == [("ITV.SH", "public_it_provider")]
    assert len(data["milestones"]) == 2 and {"title", "date", "done"} <= set(data["milestones"][0])
    assert data["measures"] == []
    assert data["topic_fields"] == []


def test_project_detail_lists_the_measures_that_link_to_it(client, home, portfolio):
    from tests.agenda.factories import MeasurePageFactory, build_topic_field

    project = build_project(portfolio)
    measure = MeasurePageFactory.build(title="Digitale Terminvergabe")
    measure.projects.set([project])
    build_topic_field(home).add_child(instance=measure)
    publish(measure)

    data = client.get(f"/api/v2/projects/{project.pk}/").json()

    assert [item["title"] for item in data["measures"]] == ["Digitale Terminvergabe"]
    assert data["measures"][0]["id"] == measure.pk


def test_project_listing_filters_by_status(client, portfolio):
    live = build_project(portfolio, status="live")
    build_project(portfolio, status="idea")

    data = client.get("/api/v2/projects/", {"status": "live"}).json()

    assert [item["id"] for item in data["items"]] == [live.pk]
    assert data["items"][0]["status"] == "live"


def test_project_listing_filters_by_funding(client, portfolio):
    programme = FundingProgrammeFactory()
    funded = build_project(portfolio, funding=[programme])
    build_project(portfolio)

    data = client.get("/api/v2/projects/", {"funding": programme.pk}).json()

    assert [item["id"] for item in data["items"]] == [funded.pk]


def test_project_listing_filters_by_topic_field(client, home, portfolio):
    from tests.agenda.factories import build_topic_field

    topic_field = build_topic_field(home)
    linked = build_project(portfolio)
    linked.topic_fields.set([topic_field])
    publish(linked)
    build_project(portfolio)

    data = client.get("/api/v2/projects/", {"topic_field": topic_field.pk}).json()

    assert [item["id"] for item in data["items"]] == [linked.pk]


@pytest.mark.parametrize(
    "query",
    [
        {"status": "bogus"},
        {"status": "\x00"},
        {"funding": "abc"},
        {"funding": "999999"},
        {"funding": "99999999999999999999999999"},
        {"topic_field": "999999"},
        {"topic_field": "1;DROP"},
        {"start_date": "yesterday"},
        {"budget": "a lot"},
        {"reuses_efa_solution": "perhaps"},
        {"locale": "xx"},
        {"search_operator": "xor", "search": "portal"},
        {"colour": "green"},
    ],
)
def test_bad_project_filters_answer_400_json(client, portfolio, query):
    build_project(portfolio)

    response = client.get("/api/v2/projects/", query)

    assert response.status_code == 400
    assert "message" in response.json()


def test_draft_projects_are_not_in_the_api(client, portfolio):
    draft = ProjectPageFactory.build(live=False)
    portfolio.add_child(instance=draft)

    assert client.get("/api/v2/projects/").json()["meta"]["total_count"] == 0
    assert client.get(f"/api/v2/projects/{draft.pk}/", follow=True).status_code == 404


def test_project_listing_query_count_does_not_grow(client, portfolio):
    def queries_for_listing():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v2/projects/", {"fields": "funding,partners,milestones,contact"})
        assert response.status_code == 200
        return len(queries)

    programme, partner = FundingProgrammeFactory(), OrganisationFactory()
    build_project(portfolio, funding=[programme], partners=[partner], milestones=1)
    client.get("/api/v2/projects/")
    few = queries_for_listing()
    for _ in range(5):
        build_project(portfolio, funding=[programme], partners=[partner], milestones=2)

    assert queries_for_listing() == few


def test_ozg_services_are_listed_and_filterable(client, locales):
    online = AdministrativeServiceFactory(online_status="online", topic_area="business")
    AdministrativeServiceFactory(online_status="not_yet", topic_area="business")

    data = client.get("/api/v2/ozg-services/", {"online_status": "online", "fields": "*"}).json()

    assert [item["id"] for item in data["items"]] == [online.pk]
    assert data["items"][0]["leika_key"] == online.leika_key
    assert data["items"][0]["topic_area"] == "business"


@pytest.mark.parametrize(
    "query",
    [{"online_status": "x"}, {"topic_area": "\x00"}, {"efa_solution": "maybe"}, {"locale": "tlh"}, {"name__in": "x"}],
)
def test_bad_ozg_service_filters_answer_400(client, locales, query):
    response = client.get("/api/v2/ozg-services/", query)

    assert response.status_code == 400


def test_ozg_summary_counts_services_of_one_language(client, locales):
    AdministrativeServiceFactory(online_status="online", topic_area="health")
    AdministrativeServiceFactory(online_status="in_progress", topic_area="health")

    data = client.get("/api/v2/ozg-services/summary/").json()

    assert (data["online"], data["total"]) == (1, 2)
    assert data["by_topic_area"][0]["topic_area"] == "health"
    assert client.get("/api/v2/ozg-services/summary/", {"locale": "da"}).json()["total"] == 0
    assert client.get("/api/v2/ozg-services/summary/", {"locale": "zz"}).status_code == 400
