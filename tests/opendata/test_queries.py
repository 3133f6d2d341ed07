"""Every download runs the same number of SQL queries with few and with many objects."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from opendata.datasets import all_datasets
from tests.agenda.factories import MeasurePageFactory
from tests.factories import publish, translate
from tests.participation.factories import IdeaFactory, SupportFactory
from tests.projects.factories import AdministrativeServiceFactory, FundingProgrammeFactory, build_project


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_objects(data, n, start=0):
    field = data["field"]
    index = data["project"].get_parent().specific
    funding = FundingProgrammeFactory()
    for number in range(start, start + n):
        measure = publish(MeasurePageFactory(parent=field, title=f"Maßnahme {number}"))
        project = build_project(index, title=f"Projekt {number}", funding=[funding], milestones=1)
        project.topic_fields.set([field])
        project.save_revision().publish()
        measure.projects.set([project])
        measure.tags.add(f"tag-{number}")
        measure.save_revision().publish()
        translate(measure, "da")
        idea = IdeaFactory(dialogue=data["dialogue"], topic_field=field)
        idea.measures.add(measure)
        SupportFactory(idea=idea)
        AdministrativeServiceFactory()


@pytest.mark.parametrize("language", ["de", "da"])
@pytest.mark.parametrize("as_of", ["", "2024-06-30"])
def test_query_count_does_not_grow_with_the_data(client, data, language, as_of):
    urls = [
        f"/open-data/{dataset.key}.{fmt}?lang={language}&as_of={as_of}"
        for dataset in all_datasets()
        for fmt in ("csv", "json")
    ]
    add_objects(data, 2)
    for url in urls:
        client.get(url)  # warm Wagtail's site-root cache
    few = {url: count_queries(client, url) for url in urls}

    add_objects(data, 12, start=100)
    many = {url: count_queries(client, url) for url in urls}

    assert many == few


def test_catalogue_query_count_does_not_grow_with_the_data(client, data):
    add_objects(data, 2)
    client.get("/open-data/catalog.jsonld")
    few = count_queries(client, "/open-data/catalog.jsonld")

    add_objects(data, 10, start=100)

    assert count_queries(client, "/open-data/catalog.jsonld") == few
