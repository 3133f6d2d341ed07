"""ETag / Last-Modified / 304, CORS for named origins, and the local API docs page."""

import re

import pytest

from django.contrib.staticfiles import finders
from django.utils.http import http_date, parse_http_date

from tests.agenda.factories import MeasurePageFactory
from tests.factories import publish

pytestmark = pytest.mark.django_db

CONDITIONAL_URLS = [
    "/api/v2/pages/",
    "/api/v2/measures/",
    "/api/v2/measures/{measure}/",
    "/api/v1/polls/",
    "/api/v1/dialogues/{dialogue}/",
    "/api/v1/dialogues/{dialogue}/ideas/",
    "/api/v1/ideas/{idea}/",
]


def resolve(url, content):
    return url.format(measure=content["measure"].pk, dialogue=content["dialogue"].pk, idea=content["idea"].pk)


@pytest.mark.parametrize("url", CONDITIONAL_URLS)
def test_unchanged_resource_answers_304_to_if_none_match(client, content, url):
    url = resolve(url, content)
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"].startswith('"')

    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize("url", CONDITIONAL_URLS)
def test_unchanged_resource_answers_304_to_if_modified_since(client, content, url):
    url = resolve(url, content)
    first = client.get(url)

    again = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 304


def test_changed_resource_gets_a_new_etag_and_a_full_answer(client, content):
    url = f"/api/v2/measures/{content['measure'].pk}/"
    first = client.get(url)
    measure = content["measure"]
    measure.title = "Bürgerportal für alle"
    publish(measure)

    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert again.json()["title"] == "Bürgerportal für alle"


def test_a_new_item_changes_the_listing_etag(client, content):
    first = client.get("/api/v2/measures/")
    publish(MeasurePageFactory(parent=content["topic_field"]))

    again = client.get("/api/v2/measures/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again.json()["meta"]["total_count"] == 2


def test_changed_body_moves_last_modified_so_if_modified_since_gets_200(client, content):
    url = "/api/v2/measures/"
    first = client.get(url)
    publish(MeasurePageFactory(parent=content["topic_field"]))  # within the same second, usually

    again = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 200
    assert parse_http_date(again["Last-Modified"]) > parse_http_date(first["Last-Modified"])
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=again["Last-Modified"]).status_code == 304


def test_if_modified_since_before_the_representation_gets_200(client, content):
    response = client.get("/api/v2/pages/", HTTP_IF_MODIFIED_SINCE=http_date(0))

    assert response.status_code == 200


def test_errors_have_no_etag(client, home):
    response = client.get("/api/v2/pages/", {"order": "nonsense"})

    assert response.status_code == 400
    assert not response.has_header("ETag")


def test_api_answers_vary_on_language_and_cookie(client, home):
    vary = client.get("/api/v2/pages/")["Vary"]

    assert "Accept-Language" in vary
    assert "Cookie" in vary


def test_cors_is_off_by_default(client, home):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://www.flensburg.de")

    assert "Access-Control-Allow-Origin" not in response


def test_cors_allows_a_named_origin_to_read(client, home, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://www.flensburg.de"]

    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://www.flensburg.de")
    other = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
    preflight = client.options(
        "/api/v1/polls/", HTTP_ORIGIN="https://www.flensburg.de", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )

    assert response["Access-Control-Allow-Origin"] == "https://www.flensburg.de"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Origin" not in other
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Credentials" not in response


def test_cors_does_not_apply_to_the_public_site(client, home, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://www.flensburg.de"]

    response = client.get("/de/", HTTP_ORIGIN="https://www.flensburg.de")

    assert "Access-Control-Allow-Origin" not in response


def test_docs_page_loads_only_local_assets_under_the_strict_policy(client, db):
    response = client.get("/api/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "script-src 'self'" in policy
    assert "<style" not in html
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    assert all(source.startswith("/") for source in sources), sources
    assert "<script>" not in html
    for source in sources:
        if source.startswith("/static/"):
            assert finders.find(source.split("?")[0].removeprefix("/static/")), source


def test_docs_script_points_at_the_schema(client, db):
    response = client.get("/api/docs/", {"script": ""})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/v1/dialogues/", {"locale": "\x00"}),
        ("/api/v1/polls/", {"locale": "de\x00"}),
        ("/api/v2/pages/", {"locale": "\x00"}),
        ("/api/v2/contacts/", {"locale": "\x00"}),
        ("/api/v2/projects/", {"locale": "\x00"}),
        ("/api/v2/pages/", {"a\x00": "1"}),
    ],
)
def test_null_characters_in_the_query_are_a_400(client, home, url, params):
    response = client.get(url, params)

    assert response.status_code == 400
    assert response.json()["message"]
