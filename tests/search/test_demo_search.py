"""The demo content is searchable right after `load_demo_content` (indexed through Wagtail's signals)."""

import pytest

from tests.skeleton import back_to_the_migrated_site, data_for_the_module
from website import demo

pytestmark = pytest.mark.xdist_group("demo_search")  # one worker builds the demo, once


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    with data_for_the_module(django_db_blocker):
        back_to_the_migrated_site()
        demo.load()
        yield


@pytest.fixture
def demo_site(demo_content, db):
    return demo_content


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("de", "Chatbot", "Chatbot-Pilot Govii"),
        ("de", "Bürgerportale", "Bürgerportal"),
        ("de", "Straße", "Sondernutzung öffentlicher Straßen beantragen"),
        ("de", "Mobilität", "Grüne Energie und vernetzte Mobilität"),
        ("da", "borgerportal", "Borgerportal"),
        ("en", "chatbot", "Govii chatbot pilot"),
    ],
)
def test_demo_searches_find_what_a_newcomer_looks_for(client, demo_site, language, query, expected):
    body = client.get("/api/v1/search/", {"q": query, "lang": language}).json()
    assert expected in [hit["title"] for hit in body["results"]]
    page = client.get(f"/{language}/search/", {"q": query})
    assert page.status_code == 200 and expected in page.content.decode()


def test_demo_topic_field_filter(client, demo_site):
    body = client.get("/api/v1/search/", {"q": "Mobilität"}).json()
    topic = body["facets"]["topic"][0]
    filtered = client.get("/api/v1/search/", {"q": "Mobilität", "topic": topic["value"]}).json()
    assert filtered["count"] == topic["count"]
    assert all(topic["value"] in [str(t["id"]) for t in hit["topic_fields"]] for hit in filtered["results"])
