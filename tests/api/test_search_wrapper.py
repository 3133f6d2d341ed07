"""`/api/v1/search/` runs through a DRF view only to be documented; its answers stay the plain view's."""

import pytest

from django.test import RequestFactory

from search import views

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "params",
    [
        {"q": "Bürgerportal"},
        {"q": "Bürgerportal", "lang": "en", "page_size": "1"},
        {"q": "portal", "type": "measurepage", "year": "2024"},
        {"lang": "xx", "page": "0", "unknown": "<script>"},
        {"q": "x" * 300},
    ],
)
def test_answers_are_those_of_the_plain_view(client, content, params):
    through_drf = client.get("/api/v1/search/", params)
    plain = views.search_api(RequestFactory().get("/api/v1/search/", params))
    assert through_drf.status_code == plain.status_code
    assert through_drf.content == plain.content


def test_answers_json_whatever_accept_or_format_say(client, content):
    for response in (
        client.get("/api/v1/search/", {"q": "Bürgerportal"}, headers={"accept": "text/html"}),
        client.get("/api/v1/search/", {"q": "Bürgerportal", "format": "xml"}),
    ):
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response.json()["results"]


def test_other_methods_are_still_refused(client, content):
    assert client.post("/api/v1/search/", {"q": "Bürgerportal"}).status_code == 405
    assert client.head("/api/v1/search/", {"q": "Bürgerportal"}).status_code == 405
