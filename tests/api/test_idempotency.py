"""API writes with an ``Idempotency-Key``: the same request sent twice is stored once and the
second answer repeats the first (participation/core/api.py, ``idempotent_write``)."""

import pytest

from participation.models import Comment, Idea, IdempotencyRecord, PollBallot, Support
from tests.accounts.factories import UserFactory
from tests.participation.factories import IdeaFactory
from tests.participation.poll_factories import PollFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(content):
    return content["idea"]


def comment(client, idea, key, text="Gute Idee, bitte mit Sprechzeiten am Abend."):
    return client.post(
        f"/api/v1/ideas/{idea.pk}/comments/", {"text": text}, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key
    )


def test_the_same_comment_sent_twice_is_stored_once(citizen_client, idea):
    before = Comment.objects.filter(idea=idea).count()
    first = comment(citizen_client, idea, "6f1c2a9e-comment-1")
    again = comment(citizen_client, idea, "6f1c2a9e-comment-1")

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Comment.objects.filter(idea=idea).count() == before + 1


def test_another_key_is_another_comment(citizen_client, idea):
    before = Comment.objects.filter(idea=idea).count()
    comment(citizen_client, idea, "key-a", text="Erster Gedanke zum Vorschlag.")
    comment(citizen_client, idea, "key-b", text="Zweiter Gedanke zum Vorschlag.")
    assert Comment.objects.filter(idea=idea).count() == before + 2


def test_a_key_belongs_to_its_account(client, idea):
    for _ in range(2):
        client.force_login(UserFactory())
        assert comment(client, idea, "shared-key").status_code == 201
    assert IdempotencyRecord.objects.filter(key="shared-key").count() == 2


def test_a_key_reused_for_another_request_is_refused_and_writes_nothing(citizen_client, idea, dialogue, topic_field):
    comment(citizen_client, idea, "used-once")
    other = IdeaFactory(dialogue=dialogue, topic_field=topic_field)
    response = citizen_client.post(f"/api/v1/ideas/{other.pk}/support/", HTTP_IDEMPOTENCY_KEY="used-once")
    assert response.status_code == 422
    assert response.json()["message"]
    assert not Support.objects.filter(idea=other).exists()


def test_an_idea_posted_twice_with_a_key_is_one_idea(citizen_client, dialogue, topic_field):
    data = {
        "title": "Sitzbänke am Hafen",
        "text": "Mehr Bänke mit Rückenlehne an der Hafenspitze.",
        "topic_field": topic_field.pk,
    }
    url = f"/api/v1/dialogues/{dialogue.pk}/ideas/"
    answers = [
        citizen_client.post(url, data, content_type="application/json", HTTP_IDEMPOTENCY_KEY="idea-42")
        for _ in range(2)
    ]
    assert [answer.status_code for answer in answers] == [201, 201]
    assert answers[0].json()["id"] == answers[1].json()["id"]
    assert Idea.objects.filter(title="Sitzbänke am Hafen").count() == 1


def test_support_and_its_withdrawal_repeat_their_answers(citizen_client, idea):
    url = f"/api/v1/ideas/{idea.pk}/support/"
    assert citizen_client.post(url, HTTP_IDEMPOTENCY_KEY="support-1").status_code == 201
    assert citizen_client.post(url, HTTP_IDEMPOTENCY_KEY="support-1").status_code == 201  # not 409
    assert Support.objects.filter(idea=idea).count() == 1
    assert citizen_client.delete(url, HTTP_IDEMPOTENCY_KEY="withdraw-1").status_code == 200
    assert citizen_client.delete(url, HTTP_IDEMPOTENCY_KEY="withdraw-1").status_code == 200
    assert not Support.objects.filter(idea=idea).exists()


def test_a_refused_write_is_repeated_as_refused(citizen_client, idea):
    first = comment(citizen_client, idea, "too-long", text="x" * 100_000)
    again = comment(citizen_client, idea, "too-long", text="x" * 100_000)
    assert first.status_code == again.status_code == 400
    assert again.json() == first.json()


def test_a_vote_sent_twice_is_one_ballot(client, home):
    poll = PollFactory()
    client.force_login(UserFactory())
    url = f"/api/v1/polls/{poll.pk}/vote/"
    body = {"choices": [poll.choices.first().pk]}
    answers = [client.post(url, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="vote-1") for _ in "ab"]
    assert [answer.status_code for answer in answers] == [201, 201]
    assert PollBallot.objects.filter(poll_key=poll.translation_key).count() == 1


@pytest.mark.parametrize("key", ["", "x" * 101, "schlüssel", "two words", "tab\there"])
def test_malformed_keys_are_a_400_and_write_nothing(citizen_client, idea, key):
    before = Comment.objects.count()
    response = comment(citizen_client, idea, key)
    assert response.status_code == 400
    assert response.json()["message"]
    assert Comment.objects.count() == before


def test_anonymous_writes_stay_refused_with_a_key(client, idea):
    assert comment(client, idea, "anon-1").status_code == 403
    assert not IdempotencyRecord.objects.exists()
