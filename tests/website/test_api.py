"""The headless API v2: every page type with its fields, locale filter, bad input."""

import pytest

from wagtail.models import Locale

from tests.factories import (
    PAGE_FACTORIES,
    ContactPersonFactory,
    ContentPageFactory,
    ImageFactory,
    heading,
    paragraph,
    project_page_models,
    translate,
)

PAGE_MODELS = project_page_models()


def api_field_names(model):
    return [getattr(field, "name", field) for field in model.api_fields]


def build(model, home):
    if model not in PAGE_FACTORIES:
        pytest.fail(f"{model._meta.label} has no factory in tests.factories.PAGE_FACTORIES")
    return PAGE_FACTORIES[model](home)


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda model: model._meta.label)
def test_api_lists_every_page_type_with_its_fields(client, home, model):
    page = build(model, home)

    response = client.get("/api/v2/pages/", {"type": model._meta.label, "fields": "*"})

    assert response.status_code == 200
    items = {item["id"]: item for item in response.json()["items"]}
    assert page.pk in items
    missing = [name for name in api_field_names(model) if name not in items[page.pk]]
    assert not missing, f"listing lacks {missing}"


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda model: model._meta.label)
def test_api_details_every_page_type_with_its_fields(client, home, model):
    page = build(model, home)

    response = client.get(f"/api/v2/pages/{page.pk}/")

    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["type"] == model._meta.label
    assert data["meta"]["locale"] == "de"
    missing = [name for name in api_field_names(model) if name not in data]
    assert not missing, f"detail lacks {missing}"


def test_api_sends_stream_field_body_as_json_blocks(client, home):
    page = ContentPageFactory(parent=home, body=[heading("Handlungsfelder"), paragraph("Bildung und Verwaltung.")])

    body = client.get(f"/api/v2/pages/{page.pk}/").json()["body"]

    assert [block["type"] for block in body] == ["heading", "paragraph"]
    assert body[0]["value"] == {"text": "Handlungsfelder", "level": "h2"}
    assert "Bildung und Verwaltung." in body[1]["value"]


def test_api_sends_images_in_blocks_as_renditions(client, home):
    image = ImageFactory()
    block = {"image": image, "alt_text": "Blick über den Hafen", "decorative": False, "caption": "", "credit": ""}
    page = ContentPageFactory(parent=home, body=[("image", block)])

    value = client.get(f"/api/v2/pages/{page.pk}/").json()["body"][0]["value"]

    assert value["alt_text"] == "Blick über den Hafen"
    assert value["image"]["id"] == image.pk
    for size in ("small", "medium", "large"):
        rendition = value["image"]["renditions"][size]
        assert rendition["url"].startswith("/media/images/")
        assert rendition["width"] > 0


def test_api_sends_contact_person_blocks_with_the_person(client, home):
    person = ContactPersonFactory(name="Jens Hansen")
    page = ContentPageFactory(parent=home, body=[("contact_person", {"person": person, "heading": "Kontakt"})])

    value = client.get(f"/api/v2/pages/{page.pk}/").json()["body"][0]["value"]

    assert value["person"]["name"] == "Jens Hansen"


def test_api_filters_pages_by_locale(client, home):
    page = ContentPageFactory(parent=home)
    danish = translate(page, "da")

    response = client.get("/api/v2/pages/", {"locale": "da"})

    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert danish.pk in ids
    assert page.pk not in ids
    assert all(item["meta"]["locale"] == "da" for item in response.json()["items"])


def test_api_lists_images_and_documents(client, home):
    ImageFactory()

    assert client.get("/api/v2/images/").json()["meta"]["total_count"] == 1
    assert client.get("/api/v2/documents/").status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "-1"},
        {"limit": "100000"},
        {"limit": "abc"},
        {"offset": "-5"},
        {"order": "nonsense"},
        {"type": "nonexistent.Page"},
        {"type": "website"},
        {"locale": "xx"},
        {"locale": "' OR 1=1 --"},
        {"unknown_filter": "1"},
        {"child_of": "abc"},
        {"fields": "does_not_exist"},
        {"order": "random", "offset": "5"},
        {"search": "x", "search_operator": "xor"},
        {"search": "x", "tag": "a"},
    ],
    ids=lambda params: "&".join(f"{k}={v}" for k, v in params.items()),
)
def test_api_answers_bad_input_with_400_json(client, home, params):
    response = client.get("/api/v2/pages/", params)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()


def test_api_locale_filter_accepts_every_configured_language(client, home_pages):
    for locale in Locale.objects.all():
        response = client.get("/api/v2/pages/", {"locale": locale.language_code})
        assert response.status_code == 200


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_api_media_endpoints_answer_a_bad_search_operator_with_400(client, home, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"search": "hafen", "search_operator": "xor"})

    assert response.status_code == 400
