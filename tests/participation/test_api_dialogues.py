"""API of the city dialogues: public reads, authenticated writes with the site's rules, JSON errors."""

import pytest

from participation.models import Comment, Idea, Phase, Support
from tests.participation.factories import CommentFactory, IdeaFactory

pytestmark = pytest.mark.django_db


def test_dialogue_list_shows_phase_and_topic_fields(client, dialogue, topic_field):
    data = client.get("/api/v1/dialogues/").json()
    item = data["items"][0]
    assert item["phase"] == Phase.COLLECTING
    assert topic_field.pk in [field["id"] for field in item["topic_fields"]]


def test_unknown_locale_is_a_json_error(client, dialogue):
    response = client.get("/api/v1/dialogues/?locale=xx")
    assert response.status_code == 400
    assert "locale" in response.json()


def test_idea_list_has_support_count_and_measures(client, dialogue, topic_field):
    idea = IdeaFactory(dialogue=dialogue, topic_field=topic_field)
    Support.objects.create(idea=idea, user=None)
    data = client.get(f"/api/v1/dialogues/{dialogue.pk}/ideas/?sort=supported").json()
    assert data["items"][0]["support_count"] == 1
    assert data["items"][0]["measures"] == []


def test_hidden_idea_shows_no_content(client, dialogue):
    idea = IdeaFactory(dialogue=dialogue, title="Verborgen", is_hidden=True, hidden_reason="Spam")
    data = client.get(f"/api/v1/ideas/{idea.pk}/").json()
    assert data == {"id": idea.pk, "hidden": True, "status": "new"}


def test_comments_are_listed(client, dialogue):
    comment = CommentFactory(idea=IdeaFactory(dialogue=dialogue))
    data = client.get(f"/api/v1/ideas/{comment.idea_id}/comments/").json()
    assert data["items"][0]["text"] == comment.text


def test_anonymous_cannot_post_an_idea(client, dialogue):
    response = client.post(f"/api/v1/dialogues/{dialogue.pk}/ideas/", {"title": "x", "text": "y"})
    assert response.status_code == 403
    assert not Idea.objects.exists()


def test_citizen_posts_an_idea(citizen_client, dialogue, topic_field):
    response = citizen_client.post(
        f"/api/v1/dialogues/{dialogue.pk}/ideas/",
        {"title": "Mehr Sitzbänke mit WLAN", "text": "Am Hafen.", "topic_field": topic_field.pk},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert Idea.objects.get().title == "Mehr Sitzbänke mit WLAN"


def test_oversized_idea_gets_errors_per_field(citizen_client, dialogue, topic_field):
    response = citizen_client.post(
        f"/api/v1/dialogues/{dialogue.pk}/ideas/",
        {"title": "x" * 151, "text": "", "topic_field": topic_field.pk},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"message", "title", "text"}
    assert not Idea.objects.exists()


def test_idea_in_closed_dialogue_is_refused(citizen_client, dialogue, topic_field):
    dialogue.phase_override = Phase.CLOSED
    dialogue.save_revision().publish()
    response = citizen_client.post(
        f"/api/v1/dialogues/{dialogue.pk}/ideas/",
        {"title": "Zu spät", "text": "Leider.", "topic_field": topic_field.pk},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "detail" in response.json()
    assert not Idea.objects.exists()


def test_second_support_is_a_conflict(citizen_client, dialogue):
    idea = IdeaFactory(dialogue=dialogue)
    assert citizen_client.post(f"/api/v1/ideas/{idea.pk}/support/").status_code == 201
    assert citizen_client.post(f"/api/v1/ideas/{idea.pk}/support/").status_code == 409
    assert Support.objects.count() == 1


def test_support_is_withdrawn_with_delete(citizen_client, dialogue):
    idea = IdeaFactory(dialogue=dialogue)
    citizen_client.post(f"/api/v1/ideas/{idea.pk}/support/")
    assert citizen_client.delete(f"/api/v1/ideas/{idea.pk}/support/").json()["support_count"] == 0


def test_reply_to_reply_via_api_is_refused(citizen_client, dialogue):
    parent = CommentFactory(idea=IdeaFactory(dialogue=dialogue))
    reply = CommentFactory(idea=parent.idea, parent=parent)
    response = citizen_client.post(
        f"/api/v1/ideas/{parent.idea_id}/comments/",
        {"text": "Noch tiefer", "parent": reply.pk},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "parent" in response.json()
    assert Comment.objects.count() == 2


def test_api_post_without_csrf_is_refused(citizen, dialogue):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(citizen)
    idea = IdeaFactory(dialogue=dialogue)
    assert strict.post(f"/api/v1/ideas/{idea.pk}/support/").status_code == 403
    assert not Support.objects.exists()
