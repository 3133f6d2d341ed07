"""Property-based: the public read API, driven by generated query parameters, never answers 5xx.

The endpoints and their parameter names come from the OpenAPI schema at /api/schema/;
hypothesis generates values (numbers, dates, text with control characters, quotes,
operators, very long strings) and adds unknown parameters. Every answer must be a
2xx/3xx/4xx with a JSON body; the example count is kept small so this runs in well
under a minute.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

HOSTILE = st.sampled_from(
    [
        "",
        "0",
        "-1",
        "1e9",
        "99999999999999999999",
        "2024-02-30",
        "null",
        "true",
        '"',
        "' OR 1=1 --",
        "*",
        "-title",
        "random",
        "title,-id",
        "\x00",
        "\u202e",
        "%00",
        "<script>alert(1)</script>",
        "x" * 5000,
        "Bürgerportal Straße",
        "AND OR NOT (",
    ]
)
VALUES = st.one_of(
    HOSTILE,
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
    st.dates().map(str),
    st.text(max_size=60),
)
NAMES = st.one_of(
    st.sampled_from(["limit", "offset", "order", "search", "fields", "locale", "type"]), st.text(max_size=12)
)


def public_get_paths(schema):
    for path, item in schema["paths"].items():
        if "get" in item and "preview" not in path:
            yield (
                path,
                [parameter["name"] for parameter in item["get"].get("parameters", []) if parameter["in"] == "query"],
            )


@pytest.fixture
def endpoints(client, content):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    known_ids = {
        "/api/v1/dialogues/{id}/": content["dialogue"].pk,
        "/api/v1/dialogues/{id}/ideas/": content["dialogue"].pk,
        "/api/v1/ideas/{id}/": content["idea"].pk,
        "/api/v1/ideas/{id}/comments/": content["idea"].pk,
        "/api/v2/measures/{id}/": content["measure"].pk,
        "/api/v2/pages/{id}/": content["news"].pk,
    }
    result = []
    for path, names in public_get_paths(schema):
        if "{id}" in path:
            path = path.replace("{id}", str(known_ids.get(path, 1)))
        result.append((path, names))
    assert len(result) > 20
    return result


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_public_api_never_answers_5xx(client, endpoints, data):
    path, names = data.draw(st.sampled_from(endpoints), label="endpoint")
    parameter_names = st.one_of(st.sampled_from(names), NAMES) if names else NAMES
    params = data.draw(st.dictionaries(parameter_names, VALUES, max_size=4), label="params")

    response = client.get(path, params)

    assert response.status_code < 500, (path, params)
    if response.status_code != 304:
        assert response["Content-Type"].startswith("application/json"), (path, params)
