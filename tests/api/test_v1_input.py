"""API v1: consistent pagination and error format; bad query parameters are a 400 with a message per field."""

import pytest

from participation.models import Idea
from tests.participation.factories import IdeaFactory
from tests.participation.poll_factories import PollFactory

pytestmark = pytest.mark.django_db


def test_lists_share_the_meta_block(client, content):
    for url in (
        "/api/v1/polls/",
        "/api/v1/dialogues/",
        f"/api/v1/dialogues/{content['dialogue'].pk}/ideas/",
        f"/api/v1/ideas/{content['idea'].pk}/comments/",
    ):
        data = client.get(url).json()
        assert data["meta"] == {"total_count": len(data["items"]), "limit": 20, "offset": 0}, url


def test_limit_and_offset_page_through_ideas(client, dialogue, topic_field):
    ideas = [IdeaFactory(dialogue=dialogue, topic_field=topic_field) for _ in range(5)]
    url = f"/api/v1/dialogues/{dialogue.pk}/ideas/"

    first = client.get(url, {"limit": 2}).json()
    rest = client.get(url, {"limit": 2, "offset": 2}).json()
    beyond = client.get(url, {"limit": 2, "offset": 50}).json()

    assert first["meta"]["total_count"] == 5
    seen = [item["id"] for item in first["items"] + rest["items"]]
    assert len(set(seen)) == 4
    assert set(seen) <= {idea.pk for idea in ideas}
    assert beyond["items"] == []


def test_polls_paginate(client, home):
    for _ in range(3):
        PollFactory()

    data = client.get("/api/v1/polls/", {"limit": 1, "offset": 1}).json()

    assert data["meta"]["total_count"] == 3
    assert len(data["items"]) == 1


@pytest.mark.parametrize(
    ("url", "params", "field"),
    [
        ("/api/v1/polls/", {"limit": "101"}, "limit"),
        ("/api/v1/polls/", {"limit": "0"}, "limit"),
        ("/api/v1/polls/", {"limit": "-1"}, "limit"),
        ("/api/v1/polls/", {"limit": "ten"}, "limit"),
        ("/api/v1/polls/", {"offset": "1e3"}, "offset"),
        ("/api/v1/polls/", {"offset": "９"}, "offset"),
        ("/api/v1/polls/", {"unknown": "1"}, "unknown"),
        ("/api/v1/polls/", {"locale": "' OR 1=1"}, "locale"),
        ("/api/v1/dialogues/", {"order": "title"}, "order"),
        ("/api/v1/dialogues/{dialogue}/ideas/", {"sort": "oldest"}, "sort"),
        ("/api/v1/dialogues/{dialogue}/ideas/", {"status": "<script>"}, "status"),
        ("/api/v1/dialogues/{dialogue}/ideas/", {"topic": "999999"}, "topic"),
        ("/api/v1/dialogues/{dialogue}/ideas/", {"page": "2"}, "page"),
        ("/api/v1/ideas/{idea}/", {"fields": "*"}, "fields"),
        ("/api/v1/ideas/{idea}/comments/", {"limit": "1000"}, "limit"),
    ],
)
def test_bad_query_parameters_are_a_400_with_a_message_per_field(client, content, url, params, field):
    url = url.format(dialogue=content["dialogue"].pk, idea=content["idea"].pk)

    response = client.get(url, params)

    assert response.status_code == 400
    data = response.json()
    assert data["message"]
    assert isinstance(data[field], list) and data[field]


def test_not_found_is_json_with_a_message(client, home):
    response = client.get("/api/v1/ideas/999999/")

    assert response.status_code == 404
    assert response.json()["message"]


def test_anonymous_write_is_403_json_with_a_message(client, dialogue):
    response = client.post(f"/api/v1/dialogues/{dialogue.pk}/ideas/", {"title": "x", "text": "y"})

    assert response.status_code == 403
    assert response.json()["message"]
    assert not Idea.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"title": ["a"], "text": {"b": 1}},
        {"title": "\x00", "text": "ok"},
        {"title": "ok", "text": "ok", "topic_field": "abc"},
        {"title": "ok", "text": "ok", "latitude": "91", "longitude": "0"},
        {"title": "ok", "text": "ok", "organisation": 999999},
    ],
)
def test_hostile_json_idea_is_refused_with_field_errors(citizen_client, dialogue, topic_field, body):
    response = citizen_client.post(f"/api/v1/dialogues/{dialogue.pk}/ideas/", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["message"]
    assert not Idea.objects.exists()


def test_malformed_json_is_a_400(citizen_client, dialogue):
    response = citizen_client.post(
        f"/api/v1/dialogues/{dialogue.pk}/ideas/", "{not json", content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["message"]
