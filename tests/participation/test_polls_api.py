"""The polls API: public reads, authenticated votes with the site's rules; JSON errors, never 500."""

import datetime

import pytest
from rest_framework.test import APIClient

from django.utils import timezone

from participation.models import Poll, PollBallot
from tests.accounts.factories import UserFactory
from tests.participation.poll_factories import PollFactory, translate_poll

pytestmark = pytest.mark.django_db


@pytest.fixture
def poll(locales):
    return PollFactory()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def voter_api(db):
    client = APIClient()
    client.force_authenticate(UserFactory())
    return client


def test_list_returns_polls_of_the_requested_language(api, poll):
    translate_poll(poll, "da", question="Hvilken service?")
    data = api.get("/api/v1/polls/?locale=da").json()
    assert [item["question"] for item in data["items"]] == ["Hvilken service?"]


def test_list_with_unknown_language_is_400(api, poll):
    response = api.get("/api/v1/polls/?locale=xx")
    assert response.status_code == 400
    assert "locale" in response.json()


def test_detail_hides_results_before_voting(api, poll):
    data = api.get(f"/api/v1/polls/{poll.pk}/").json()
    assert data["results"] is None
    assert len(data["choices"]) == 3
    assert data["status"] == "open"


def test_results_endpoint_is_403_while_hidden(api, poll):
    assert api.get(f"/api/v1/polls/{poll.pk}/results/").status_code == 403


def test_results_of_closed_poll_are_public(api, locales):
    poll = PollFactory(
        opens_at=timezone.now() - datetime.timedelta(days=9), closes_at=timezone.now() - datetime.timedelta(days=1)
    )
    data = api.get(f"/api/v1/polls/{poll.pk}/results/").json()
    assert data["participants"] == 0
    assert [row["votes"] for row in data["choices"]] == [0, 0, 0]


def test_unknown_poll_is_404(api, locales):
    assert api.get("/api/v1/polls/424242/").status_code == 404
    assert api.get("/api/v1/polls/424242/results/").status_code == 404


def test_vote_needs_an_account(api, poll):
    response = api.post(f"/api/v1/polls/{poll.pk}/vote/", {"choices": [poll.choices.first().pk]}, format="json")
    assert response.status_code == 403
    assert not PollBallot.objects.exists()


def test_session_vote_without_csrf_token_is_refused(poll):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    response = client.post(f"/api/v1/polls/{poll.pk}/vote/", {"choices": [poll.choices.first().pk]}, format="json")
    assert response.status_code == 403
    assert not PollBallot.objects.exists()


def test_vote_returns_201_with_results(voter_api, poll):
    response = voter_api.post(f"/api/v1/polls/{poll.pk}/vote/", {"choices": [poll.choices.first().pk]}, format="json")
    assert response.status_code == 201
    assert response.json()["results"]["participants"] == 1


def test_second_vote_is_409(voter_api, poll):
    url = f"/api/v1/polls/{poll.pk}/vote/"
    voter_api.post(url, {"choices": [poll.choices.first().pk]}, format="json")
    response = voter_api.post(url, {"choices": [poll.choices.last().pk]}, format="json")
    assert response.status_code == 409
    assert "non_field_errors" in response.json()
    assert PollBallot.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "choices"),
        ({"choices": []}, "choices"),
        ({"choices": "1"}, "choices"),
        ({"choices": ["abc"]}, "choices"),
        ({"choices": [None]}, "choices"),
        ({"choices": [-5]}, "choices"),
        ({"choices": [10**30]}, "choices"),
        ({"choices": [{"id": 1}]}, "choices"),
        ({"choices": list(range(1, 200))}, "choices"),
    ],
)
def test_hostile_vote_payloads_are_400_with_field_messages(voter_api, poll, payload, field):
    response = voter_api.post(f"/api/v1/polls/{poll.pk}/vote/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not PollBallot.objects.exists()


def test_malformed_json_is_400(voter_api, poll):
    response = voter_api.post(f"/api/v1/polls/{poll.pk}/vote/", "{not json", content_type="application/json")
    assert response.status_code == 400


def test_two_choices_on_single_choice_poll_are_400(voter_api, poll):
    ids = list(poll.choices.values_list("pk", flat=True))
    response = voter_api.post(f"/api/v1/polls/{poll.pk}/vote/", {"choices": ids[:2]}, format="json")
    assert response.status_code == 400
    assert not PollBallot.objects.exists()


def test_choice_of_another_poll_is_400(voter_api, poll):
    other = PollFactory(question="Andere?")
    response = voter_api.post(f"/api/v1/polls/{poll.pk}/vote/", {"choices": [other.choices.first().pk]}, format="json")
    assert response.status_code == 400
    assert not PollBallot.objects.exists()


def test_vote_on_poll_not_yet_open_is_400(voter_api, locales):
    poll = PollFactory(opens_at=timezone.now() + datetime.timedelta(days=2), closes_at=None)
    response = voter_api.post(f"/api/v1/polls/{poll.pk}/vote/", {"choices": [poll.choices.first().pk]}, format="json")
    assert response.status_code == 400
    assert not PollBallot.objects.exists()


def test_vote_rate_limit_is_429(voter_api, poll, settings):
    settings.POLL_VOTE_RATE_LIMIT_PER_USER = (1, 600)
    url = f"/api/v1/polls/{poll.pk}/vote/"
    voter_api.post(url, {"choices": ["x"]}, format="json")
    response = voter_api.post(url, {"choices": [poll.choices.first().pk]}, format="json")
    assert response.status_code == 429
    assert not PollBallot.objects.exists()


def test_multiple_choice_vote_via_api(voter_api, locales):
    poll = PollFactory(kind=Poll.MULTIPLE)
    ids = list(poll.choices.values_list("pk", flat=True))
    response = voter_api.post(f"/api/v1/polls/{poll.pk}/vote/", {"choices": ids}, format="json")
    assert response.status_code == 201
    assert response.json()["results"]["participants"] == 1


def test_list_query_count_does_not_grow_with_polls(voter_api, locales):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    PollFactory()
    with CaptureQueriesContext(connection) as one:
        voter_api.get("/api/v1/polls/")
    for _index in range(5):
        PollFactory()
    with CaptureQueriesContext(connection) as six:
        assert len(voter_api.get("/api/v1/polls/").json()["items"]) == 6
    assert len(one) == len(six)
