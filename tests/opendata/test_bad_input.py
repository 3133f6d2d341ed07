"""Hostile and malformed requests get a clear 4xx JSON answer, never a 500, and change nothing."""

import pytest

from agenda.models import MeasurePage, MeasureProgressUpdate


@pytest.mark.parametrize(
    ("url", "status", "parameter", "text"),
    [
        ("/open-data/unknown.csv", 404, None, "Unknown dataset"),
        ("/open-data/measures.xml", 404, None, "Unknown format"),
        ("/open-data/measures.CSV", 404, None, "Unknown format"),
        ("/open-data/" + "x" * 5000 + ".csv", 404, None, "Unknown dataset"),
        ("/open-data/measures.csv?as_of=yesterday", 400, "as_of", "YYYY-MM-DD"),
        ("/open-data/measures.csv?as_of=2025-02-30", 400, "as_of", "not a valid calendar date"),
        ("/open-data/measures.csv?as_of=2025-6-30", 400, "as_of", "YYYY-MM-DD"),
        ("/open-data/measures.csv?as_of=1999-12-31", 400, "as_of", "before 2000-01-01"),
        ("/open-data/measures.csv?as_of=2999-01-01", 400, "as_of", "future"),
        ("/open-data/measures.csv?as_of=" + "9" * 100000, 400, "as_of", "too long"),
        ("/open-data/measures.csv?as_of=2025-06-30%00", 400, "as_of", "YYYY-MM-DD"),
        ("/open-data/measures.csv?as_of=2025-06-30'%20OR%201=1--", 400, "as_of", "YYYY-MM-DD"),
        ("/open-data/measures.csv?as_of=2025-06-30&as_of=2024-01-01", 400, "as_of", "only once"),
        ("/open-data/measures.csv?lang=xx", 400, "lang", "Unknown language"),
        ("/open-data/measures.json?lang=<script>alert(1)</script>", 400, "lang", "too long"),
        ("/open-data/measures.json?lang=de%0Aen", 400, "lang", "Unknown language"),
        ("/open-data/measures.json?lang=DE", 400, "lang", "Unknown language"),
        ("/open-data/measures.json?lang=de&lang=da", 400, "lang", "only once"),
    ],
)
def test_bad_requests_get_a_json_error(client, data, url, status, parameter, text):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")  # messages follow the browser's language

    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert text in body["detail"]
    assert body.get("parameter") == parameter
    assert "<script>" not in response.content.decode()


def test_unknown_and_huge_extra_parameters_are_ignored(client, data):
    response = client.get("/open-data/measures.csv", {"page": "-1", "x" * 200: "y" * 5000, "order": "'; DROP TABLE"})

    assert response.status_code == 200
    assert len(response.content.decode().splitlines()) == 4


def test_only_get_is_allowed_and_nothing_changes(client, data):
    before = (MeasurePage.objects.count(), MeasureProgressUpdate.objects.count())

    for method in (client.post, client.put, client.delete):
        assert method("/open-data/measures.csv").status_code == 405
    assert client.post("/open-data/catalog.jsonld").status_code == 405
    assert client.head("/open-data/measures.csv").status_code == 200
    client.get("/open-data/measures.csv?as_of=2022-01-01")

    assert (MeasurePage.objects.count(), MeasureProgressUpdate.objects.count()) == before


def test_an_empty_as_of_or_lang_means_today_in_german(client, data):
    response = client.get("/open-data/measures.json?as_of=&lang=")

    assert response.status_code == 200
    assert response.json()["as_of"] is None
    assert response.json()["language"] == "de"


def test_today_as_as_of_is_today(client, data):
    from django.utils import timezone

    response = client.get(f"/open-data/measures.json?as_of={timezone.localdate().isoformat()}")

    assert response.status_code == 200
    assert response.json()["count"] == 3


def test_unknown_host_gets_a_404_json(client, data, settings):
    from wagtail.models import Site

    settings.ALLOWED_HOSTS = ["*"]
    Site.objects.update(is_default_site=False)

    response = client.get("/open-data/measures.csv", HTTP_HOST="elsewhere.example", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert "No site" in response.json()["detail"]
    assert client.get("/open-data/catalog.jsonld", HTTP_HOST="elsewhere.example").status_code == 404
