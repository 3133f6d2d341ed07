"""API v2 content: translations, renditions, date filters, ordering, search, snippets, hostile input."""

import datetime

import pytest

from agenda.models import MeasureStatus
from tests.agenda.factories import MeasurePageFactory
from tests.factories import (
    ContactPersonFactory,
    ContentPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    publish,
    translate,
)
from tests.projects.factories import FundingProgrammeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def ids(response):
    assert response.status_code == 200, response.content[:300]
    return [item["id"] for item in response.json()["items"]]


def test_page_detail_links_its_translations(client, home):
    page = ContentPageFactory(parent=home, title="Bürgerportal")
    danish = translate(page, "da")
    danish.title = "Borgerportal"
    publish(danish)

    data = client.get(f"/api/v2/pages/{page.pk}/").json()

    translations = {item["locale"]: item for item in data["translations"]}
    assert set(translations) == {"da"}
    assert translations["da"]["id"] == danish.pk
    assert translations["da"]["title"] == "Borgerportal"
    assert translations["da"]["detail_url"].endswith(f"/api/v2/pages/{danish.pk}/")
    assert "/da/" in translations["da"]["html_url"]
    back = client.get(f"/api/v2/pages/{danish.pk}/").json()["translations"]
    assert [item["id"] for item in back] == [page.pk]


def test_unpublished_translation_is_not_linked(client, home):
    page = ContentPageFactory(parent=home)
    danish = translate(page, "da")
    danish.unpublish()

    assert client.get(f"/api/v2/pages/{page.pk}/").json()["translations"] == []


def test_measure_detail_has_translations_too(client, topic_field):
    measure = publish(MeasurePageFactory(parent=topic_field))
    translate(measure, "en")

    data = client.get(f"/api/v2/measures/{measure.pk}/").json()

    assert [item["locale"] for item in data["translations"]] == ["en"]


def test_news_image_comes_in_several_sizes(client, home):
    index = NewsIndexPageFactory(parent=home)
    news = NewsPageFactory(parent=index, image=ImageFactory(width=2000, height=1200), image_alt="Hafen")

    renditions = client.get(f"/api/v2/pages/{news.pk}/").json()["image_renditions"]["renditions"]

    assert set(renditions) == {"thumbnail", "small", "medium", "large"}
    assert (renditions["thumbnail"]["width"], renditions["thumbnail"]["height"]) == (320, 240)
    assert 0 < renditions["small"]["width"] <= 480
    assert renditions["small"]["width"] < renditions["large"]["width"] <= 1600
    assert all(rendition["url"].startswith("/media/images/") for rendition in renditions.values())


def test_home_hero_image_comes_in_several_sizes(client, home):
    home.hero_image = ImageFactory()
    publish(home)

    data = client.get(f"/api/v2/pages/{home.pk}/").json()

    assert set(data["hero_image_renditions"]["renditions"]) == {"thumbnail", "small", "medium", "large"}


def test_news_filtered_by_date_range_and_ordered_by_date(client, home):
    index = NewsIndexPageFactory(parent=home)
    old = NewsPageFactory(parent=index, date=datetime.date(2021, 6, 1))
    middle = NewsPageFactory(parent=index, date=datetime.date(2023, 3, 1))
    NewsPageFactory(parent=index, date=datetime.date(2025, 1, 1))

    response = client.get(
        "/api/v2/pages/",
        {"type": "website.NewsPage", "date_from": "2021-01-01", "date_to": "2024-12-31", "order": "-date"},
    )

    assert ids(response) == [middle.pk, old.pk]


def test_measures_by_topic_field_status_and_target_date(client, topic_field):
    due = publish(
        MeasurePageFactory(parent=topic_field, status=MeasureStatus.PLANNED, target_date=datetime.date(2026, 6, 30))
    )
    publish(MeasurePageFactory(parent=topic_field, status=MeasureStatus.PLANNED, target_date=datetime.date(2030, 1, 1)))
    publish(MeasurePageFactory(parent=topic_field, status=MeasureStatus.PROPOSED))

    response = client.get(
        "/api/v2/measures/",
        {"topic_field": topic_field.pk, "status": "planned", "date_to": "2026-12-31", "order": "target_date"},
    )

    assert ids(response) == [due.pk]


def test_measures_search(client, topic_field):
    portal = publish(MeasurePageFactory(parent=topic_field, title="Bürgerportal ausbauen"))
    publish(MeasurePageFactory(parent=topic_field, title="Glasfaser für Schulen"))

    assert ids(client.get("/api/v2/measures/", {"search": "Bürgerportal"})) == [portal.pk]


def test_pages_search(client, home):
    page = ContentPageFactory(parent=home, title="Chatbot der Stadt")
    ContentPageFactory(parent=home, title="Glasfaser")

    assert page.pk in ids(client.get("/api/v2/pages/", {"search": "Chatbot"}))


def test_snippet_endpoints_list_filter_and_detail(client, home):
    person = ContactPersonFactory(name="Jens Hansen", photo=ImageFactory())
    programme = FundingProgrammeFactory(name="Modellprojekte Smart Cities")
    partner = OrganisationFactory(name="Kreis Nordfriesland")

    assert ids(client.get("/api/v2/contacts/", {"locale": "de"})) == [person.pk]
    assert ids(client.get("/api/v2/contacts/", {"locale": "da"})) == []
    detail = client.get(f"/api/v2/contacts/{person.pk}/").json()
    assert detail["name"] == "Jens Hansen"
    assert set(detail["photo"]["renditions"]) == {"thumbnail", "small", "medium", "large"}
    assert ids(client.get("/api/v2/funding-programmes/", {"search": "Smart"})) == [programme.pk]
    assert ids(client.get("/api/v2/partners/", {"order": "name"})) == [partner.pk]


def test_page_contact_links_to_the_contacts_endpoint(client, home):
    home.cdo_contact = ContactPersonFactory()
    publish(home)

    contact = client.get(f"/api/v2/pages/{home.pk}/").json()["cdo_contact"]

    assert contact["meta"]["detail_url"].endswith(f"/api/v2/contacts/{home.cdo_contact.pk}/")


@pytest.mark.parametrize(
    ("endpoint", "params"),
    [
        ("pages", {"date_from": "yesterday"}),
        ("pages", {"date_to": "2024-13-01"}),
        ("pages", {"type": "website.NewsPage", "date": "not-a-date"}),
        ("pages", {"search": "x" * 201}),
        ("pages", {"search": "a\x00b"}),
        ("pages", {"limit": "101"}),
        ("pages", {"order": "-nonsense"}),
        ("pages", {"order": "title;drop table"}),
        ("measures", {"date_from": "2024-01-01T00:00"}),
        ("measures", {"order": "score"}),
        ("measures", {"status": "<script>"}),
        ("measures", {"effort": "huge"}),
        ("projects", {"start_date": "soon"}),
        ("contacts", {"locale": "xx"}),
        ("contacts", {"unknown": "1"}),
        ("contacts", {"email": "a\x00"}),
        ("partners", {"kind": "nonsense"}),
        ("funding-programmes", {"amount": "a lot"}),
        ("funding-programmes", {"period_start": "2020-02-30"}),
        ("ozg-services", {"search": "x", "search_operator": "xor"}),
        ("images", {"date_from": "2024-01-01"}),
    ],
    ids=lambda value: value if isinstance(value, str) else "&".join(f"{k}={v!r}" for k, v in value.items()),
)
def test_bad_v2_input_is_a_400_json(client, home, endpoint, params):
    response = client.get(f"/api/v2/{endpoint}/", params)

    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]


@pytest.mark.parametrize(
    "search",
    [
        '"unbalanced',
        'a "b" "c',
        '""',
        "AND OR NOT",
        "*?~^",
        "(a OR b",
        "' OR 1=1 --",
        "Straße",
        "\u202eRTL",
        "a:b:c",
        "%_%",
    ],
)
def test_special_search_syntax_is_a_normal_answer(client, home, search):
    response = client.get("/api/v2/pages/", {"search": search})

    assert response.status_code == 200
    assert "items" in response.json()
