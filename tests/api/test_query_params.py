"""Every number, date, id and search text is read once (website/query_params.py): what a
database cannot hold is a 400 with the usual JSON body, and no character breaks a search.

The values are those a hostile-input run sent and got 500s for: offsets of 2^63 and more,
ids beyond a PostgreSQL ``integer``, dates at the edge of Python's calendar, superscript
digits that ``str.isdigit`` accepts and ``int`` refuses, and FTS5 syntax in search text.
"""

import datetime

import pytest

from django.http import QueryDict

from tests.agenda.factories import MeasurePageFactory, build_topic_field
from tests.factories import ContactPersonFactory, publish
from tests.participation.factories import IdeaFactory, build_dialogue
from tests.projects.factories import AdministrativeServiceFactory
from tests.skeleton import data_for_the_module
from website import query_params
from website.query_params import BadParameter

pytestmark = pytest.mark.django_db

HUGE = [str(2**63), str(2**64), "9" * 40, str(2**31)]
NOT_A_NUMBER = ["²", "١٢", "1e9", "0x10", "1.5", " ", "-", "+1", "12abc", "\x00"]
V2_LISTS = [
    "/api/v2/pages/",
    "/api/v2/measures/",
    "/api/v2/topic_fields/",
    "/api/v2/projects/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/contacts/",
    "/api/v2/ozg-services/",
    "/api/v2/partners/",
]
V1_LISTS = ["/api/v1/dialogues/", "/api/v1/polls/", "/api/v1/surveys/", "/api/v1/survey-findings/"]
SEARCH_TEXTS = ['"', 'a"b"c', "$", "{a}", "$$ {x} $", "title:chatbot", "NEAR(a b)", "*", "^", "a AND (", "-", "'"]


@pytest.fixture(scope="module")
def _searchable_of_the_module(django_db_setup, django_db_blocker):
    """A measure, a contact, a service and a dialogue, built once for the module (the tests only read)."""
    with data_for_the_module(django_db_blocker) as home_pages:
        home = home_pages["de"]
        topic_field = build_topic_field(home, title="Verwaltung und Bürgerservice")
        publish(MeasurePageFactory(parent=topic_field, title="Bürgerportal ausbauen"))
        dialogue = build_dialogue(home, topic_fields=[topic_field])
        IdeaFactory(dialogue=dialogue, topic_field=topic_field)
        ContactPersonFactory()
        AdministrativeServiceFactory()
        yield {"topic_field": topic_field.pk, "dialogue": dialogue.pk}


@pytest.fixture
def searchable(_searchable_of_the_module, db):
    return _searchable_of_the_module


def params(**values):
    query = QueryDict(mutable=True)
    for name, value in values.items():
        query[name] = value
    return query


# -- the parser itself ---------------------------------------------------------------------


@pytest.mark.parametrize("value", HUGE[:3] + NOT_A_NUMBER + ["-1"])
def test_ids_are_small_positive_ascii_numbers(value):
    with pytest.raises(BadParameter) as error:
        query_params.parse_id(params(topic=value), "topic")
    assert error.value.name == "topic"


def test_a_good_id_and_an_absent_one():
    assert query_params.parse_id(params(topic="42"), "topic") == 42
    assert query_params.parse_id(params(), "topic") is None
    assert query_params.parse_id(params(topic=""), "topic") is None


def test_numbers_are_bounded_and_negative_only_where_allowed():
    assert query_params.parse_int(params(offset="0"), "offset", maximum=10) == 0
    with pytest.raises(BadParameter):
        query_params.parse_int(params(offset="11"), "offset", maximum=10)
    with pytest.raises(BadParameter):
        query_params.parse_int(params(offset="-1"), "offset")
    assert query_params.to_int("delta", "-5", minimum=-10, maximum=10) == -5


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1899-12-31", "3000-01-01"])
def test_dates_outside_the_range_every_database_holds_are_refused(value):
    with pytest.raises(BadParameter):
        query_params.parse_date(params(date=value), "date")


@pytest.mark.parametrize("value", ["2024-02-30", "yesterday", "2024-1-1x", "\x00", "٢٠٢٤-٠١-٠١"])
def test_malformed_dates_are_refused(value):
    with pytest.raises(BadParameter):
        query_params.parse_date(params(date=value), "date")


def test_a_good_date():
    assert query_params.parse_date(params(date="2024-06-30"), "date") == datetime.date(2024, 6, 30)


def test_ids_lists_are_distinct_bounded_and_checked():
    assert query_params.parse_ids(params(ids="3,1,3"), "ids") == [3, 1]
    with pytest.raises(BadParameter):
        query_params.parse_ids(params(ids=",".join(["1"] * 101)), "ids")
    with pytest.raises(BadParameter):
        query_params.parse_ids(params(ids=f"1,{2**63}"), "ids")


def test_choices_name_what_is_allowed():
    assert query_params.parse_choice(params(sort="newest"), "sort", ["newest", "oldest"]) == "newest"
    with pytest.raises(BadParameter) as error:
        query_params.parse_choice(params(sort="random"), "sort", ["newest", "oldest"])
    assert "newest, oldest" in str(error.value.message)


def test_search_text_loses_control_characters_and_a_stray_quote():
    assert query_params.clean_search_text('Bürger\x00portal\u202e "Hafen') == "Bürger portal Hafen"
    with pytest.raises(BadParameter):
        query_params.parse_search(params(q="x" * 201), "q")


# -- API v2 ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", V2_LISTS)
@pytest.mark.parametrize("name", ["offset", "limit"])
@pytest.mark.parametrize("value", [HUGE[0], HUGE[2], "²", "-1"])
def test_v2_lists_refuse_overflowing_pagination(client, path, name, value):
    response = client.get(path, {name: value})
    assert response.status_code == 400, response.content
    assert name in response.json()["message"]


@pytest.mark.parametrize("name", ["child_of", "descendant_of", "ancestor_of", "translation_of", "id"])
@pytest.mark.parametrize("value", [HUGE[0], str(2**31), "²"])
def test_v2_page_ids_that_no_database_column_holds_are_a_400(client, name, value):
    response = client.get("/api/v2/pages/", {name: value})
    assert response.status_code == 400, response.content
    assert response.json()["message"]


@pytest.mark.parametrize("path", ["/api/v2/measures/", "/api/v2/topic_fields/"])
def test_v2_topic_field_filter_refuses_huge_ids(client, path):
    response = client.get(path, {"topic_field": HUGE[0]})
    assert response.status_code == 400
    assert "topic_field" in response.json()["message"]


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("name", ["date_from", "date_to"])
def test_v2_date_range_outside_the_calendar_is_a_400(client, name, value):
    response = client.get("/api/v2/pages/", {name: value})
    assert response.status_code == 400
    assert name in response.json()["message"]


def test_v2_field_filter_with_an_out_of_range_date_is_a_400(client):
    response = client.get("/api/v2/pages/", {"type": "website.NewsPage", "date": "0001-01-01"})
    assert response.status_code == 400
    assert "date" in response.json()["message"]


def test_good_values_still_work(client, searchable):
    assert client.get("/api/v2/pages/", {"offset": "0", "limit": "5"}).status_code == 200
    assert client.get("/api/v2/pages/", {"child_of": str(searchable["topic_field"])}).status_code == 200
    assert client.get("/api/v2/measures/", {"date_from": "2000-01-01", "date_to": "2100-12-31"}).status_code == 200
    found = client.get("/api/v2/measures/", {"search": "Bürgerportal"}).json()
    assert [item["title"] for item in found["items"]] == ["Bürgerportal ausbauen"]


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/measures/", "/api/v2/contacts/", "/api/v2/ozg-services/"])
@pytest.mark.parametrize("text", SEARCH_TEXTS)
def test_no_character_breaks_a_v2_search(client, searchable, path, text):
    response = client.get(path, {"search": text})
    assert response.status_code == 200, response.content
    assert isinstance(response.json()["items"], list)


def test_search_syntax_around_a_word_still_finds_it(client, searchable):
    for text in ['"Bürgerportal"', "{Bürgerportal}", "$Bürgerportal$", "Bürgerportal*"]:
        found = client.get("/api/v2/measures/", {"search": text}).json()
        assert [item["title"] for item in found["items"]] == ["Bürgerportal ausbauen"], text


# -- API v1 ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", V1_LISTS)
@pytest.mark.parametrize("value", [HUGE[0], "²", "-1"])
def test_v1_lists_refuse_overflowing_offsets(client, path, value):
    response = client.get(path, {"offset": value})
    assert response.status_code == 400
    body = response.json()
    assert body["message"] and body["offset"]


@pytest.mark.parametrize("name", ["survey", "topic_field"])
def test_v1_finding_filters_refuse_huge_ids(client, name):
    response = client.get("/api/v1/survey-findings/", {name: HUGE[0]})
    assert response.status_code == 400
    assert response.json()[name]


@pytest.mark.parametrize("name", ["sort", "status", "topic"])
def test_v1_idea_filters_refuse_unknown_values(client, searchable, name):
    response = client.get(f"/api/v1/dialogues/{searchable['dialogue']}/ideas/", {name: HUGE[0]})
    assert response.status_code == 400
    assert response.json()[name]
