"""Hostile and malformed input: a normal page, an empty result or a 400 JSON answer, never a 500."""

import pytest

pytestmark = pytest.mark.django_db

API = "/api/v1/search/"

ODD_QUERIES = [
    "",
    "   ",
    "x" * 10_000,
    "Bürger\x00portal\x07\x1b[31m",
    "\u202eBürgerportal\u200b",
    "' OR 1=1; DROP TABLE wagtailcore_page; --",
    '"unbalanced phrase',
    '"Bürgerportal ausbauen"',
    "title:(chatbot) AND body:* OR foo~2 ^3 [1 TO 5] {a} \\ / ! ?",
    "NEAR(a b) chatbot* -mobil +portal",
    "%_%",
    "<script>alert(1)</script>",
    "🙂🙃 Bürgerportal",
    "AND OR NOT",
    "_ __ ___",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_search_page_answers_odd_queries(client, site, query):
    response = client.get("/de/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("query", [q for q in ODD_QUERIES if len(q) <= 200])
def test_api_answers_odd_queries_with_json(client, site, query):
    response = client.get(API, {"q": query})
    if "\x00" in query:
        # NUL characters are refused for every API path before any view runs (website/api_http.py).
        assert response.status_code == 400
        assert response.json()["message"]
        return
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


@pytest.mark.parametrize("query", [q for q in ODD_QUERIES if len(q) <= 200])
def test_suggest_answers_odd_queries(client, site, query):
    assert client.get("/de/search/suggest/", {"q": query}).status_code == 200


def test_phrase_search_keeps_word_order(client, site):
    titles = [hit["title"] for hit in client.get(API, {"q": '"Bürgerportal ausbauen"'}).json()["results"]]
    assert titles == ["Bürgerportal ausbauen"]


def test_very_long_query_is_shortened_on_the_page_and_refused_by_the_api(client, site):
    response = client.get("/en/search/", {"q": "Chatbot " * 2000})
    assert response.status_code == 200
    assert "shortened to 200 characters" in response.content.decode()
    api = client.get(API, {"q": "x" * 10_000})
    assert api.status_code == 400
    assert "q" in api.json()["errors"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page": "0"}, "page"),
        ({"page": "-1"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page": "9" * 50}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"lang": "xx"}, "lang"),
        ({"type": "<script>"}, "type"),
        ({"topic": "eins"}, "topic"),
        ({"year": "20x4"}, "year"),
        ({"status": "DROP TABLE"}, "status"),
        ({"type": ["measurepage"] * 30}, "type"),
        ({"sort": "title"}, "sort"),
    ],
)
def test_api_rejects_malformed_parameters(client, site, params, field):
    response = client.get(API, {"q": "Chatbot", **params})
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_api_well_formed_but_unknown_facet_values_give_an_empty_result(client, site):
    for params in ({"type": "spaceship"}, {"topic": "999999"}, {"status": "unknown"}, {"year": "1871"}):
        response = client.get(API, {"q": "Chatbot", **params})
        assert response.status_code == 200
        assert response.json()["count"] == 0


def test_api_page_beyond_the_last_is_empty(client, site):
    response = client.get(API, {"q": "Chatbot", "page": "999"})
    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "0"},
        {"page": "99999999999999999999"},
        {"type": "<script>"},
        {"topic": "eins"},
        {"year": "x"},
        {"type": "spaceship"},
        {"status": "x" * 500},
    ],
)
def test_search_page_survives_malformed_parameters(client, site, params):
    response = client.get("/de/search/", {"q": "Chatbot", **params})
    assert response.status_code == 200


def test_search_does_not_change_content(client, site):
    from wagtail.models import Page

    before = Page.objects.count()
    client.get("/de/search/", {"q": "'; DELETE FROM wagtailcore_page; --"})
    client.get(API, {"q": "'; DELETE FROM wagtailcore_page; --"})
    assert Page.objects.count() == before


def test_only_get_is_allowed(client, site):
    assert client.post("/de/search/", {"q": "Chatbot"}).status_code == 405
    assert client.post(API, {"q": "Chatbot"}).status_code == 405
