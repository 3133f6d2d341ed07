"""Voting through the site: the form posts, redirects back, works without JavaScript."""

import datetime
import json

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participation.models import Poll, PollBallot, PollVote
from tests.accounts.factories import UserFactory
from tests.factories import ContentPageFactory
from tests.participation.poll_factories import PollFactory, translate_poll

pytestmark = pytest.mark.django_db


@pytest.fixture
def poll(home):
    return PollFactory()


@pytest.fixture
def voter(db):
    return UserFactory()


@pytest.fixture
def voter_client(client, voter):
    client.force_login(voter)
    return client


def first_choice(poll):
    return poll.choices.first().pk


def page_with_poll(home, poll):
    return ContentPageFactory(parent=home, body=json.dumps([{"type": "poll", "value": {"poll": poll.pk}}]))


def vote_url(poll):
    return f"/de/polls/{poll.pk}/vote/"


def test_vote_redirects_back_to_the_page_with_the_poll_anchor(voter_client, poll):
    response = voter_client.post(vote_url(poll), {"choice": first_choice(poll), "next": "/de/some-page/"})
    assert response.status_code == 302
    assert response["Location"] == f"/de/some-page/#poll-{poll.translation_key}"
    assert PollBallot.objects.count() == 1


def test_vote_never_redirects_to_another_site(voter_client, poll):
    response = voter_client.post(vote_url(poll), {"choice": first_choice(poll), "next": "https://evil.example/"})
    assert response["Location"].startswith(f"/de/polls/{poll.pk}/")


def test_anonymous_vote_goes_to_login_and_stores_nothing(client, poll):
    response = client.post(vote_url(poll), {"choice": first_choice(poll)})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not PollBallot.objects.exists()


def test_anonymous_vote_without_csrf_token_is_forbidden(poll):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(vote_url(poll), {"choice": first_choice(poll)})
    assert response.status_code == 403
    assert not PollBallot.objects.exists()


def test_vote_shows_thanks_and_results_on_the_page(voter_client, home, poll):
    page = page_with_poll(home, poll)
    voter_client.post(vote_url(poll), {"choice": first_choice(poll), "next": page.url})
    html = voter_client.get(page.url).content.decode()
    assert "Thank you, your vote has been counted." in html or "Stimme" in html
    assert 'class="poll-results"' in html
    assert "1 vote (100 %)" in html or "1 Stimme" in html


def test_second_vote_shows_an_error_and_changes_nothing(voter_client, voter, poll):
    poll.cast_vote(voter, [first_choice(poll)])
    last = poll.choices.last().pk
    voter_client.post(vote_url(poll), {"choice": last, "next": f"/de/polls/{poll.pk}/"})
    response = voter_client.get(f"/de/polls/{poll.pk}/")
    assert 'role="alert"' in response.content.decode()
    assert PollVote.objects.get().choice_key == poll.choices.first().translation_key


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"choice": "abc"},
        {"choice": "-1"},
        {"choice": "99999999999999999999999"},
        {"choice": "<script>alert(1)</script>"},
        {"choice": ["1", "1"]},
    ],
)
def test_hostile_vote_input_is_refused(voter_client, poll, payload):
    response = voter_client.post(vote_url(poll), payload)
    assert response.status_code == 302
    assert not PollBallot.objects.exists()
    html = voter_client.get(f"/de/polls/{poll.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html


def test_two_choices_on_single_choice_poll_store_nothing(voter_client, poll):
    ids = list(poll.choices.values_list("pk", flat=True))
    voter_client.post(vote_url(poll), {"choice": ids[:2]})
    assert not PollBallot.objects.exists()


def test_choice_of_another_poll_stores_nothing(voter_client, poll):
    other = PollFactory(question="Andere Frage?")
    voter_client.post(vote_url(poll), {"choice": first_choice(other)})
    assert not PollBallot.objects.exists()


def test_closed_poll_stores_nothing(voter_client, home):
    poll = PollFactory(
        opens_at=timezone.now() - datetime.timedelta(days=9), closes_at=timezone.now() - datetime.timedelta(days=2)
    )
    voter_client.post(vote_url(poll), {"choice": first_choice(poll)})
    assert not PollBallot.objects.exists()


def test_unknown_poll_is_404(voter_client, home):
    assert voter_client.post("/de/polls/987654/vote/", {"choice": "1"}).status_code == 404
    assert voter_client.get("/de/polls/987654/").status_code == 404


def test_vote_url_accepts_post_only(voter_client, poll):
    assert voter_client.get(vote_url(poll)).status_code == 405


def test_rate_limit_stops_voting_with_a_message(voter_client, poll, settings):
    settings.POLL_VOTE_RATE_LIMIT_PER_USER = (2, 600)
    for _attempt in range(2):
        voter_client.post(vote_url(poll), {"choice": "abc"})
    voter_client.post(vote_url(poll), {"choice": first_choice(poll), "next": f"/de/polls/{poll.pk}/"})
    assert not PollBallot.objects.exists()
    assert "Zu viele Versuche" in voter_client.get(f"/de/polls/{poll.pk}/").content.decode()


def test_rate_limit_per_ip_covers_several_accounts(client, poll, settings):
    settings.POLL_VOTE_RATE_LIMIT_PER_IP = (1, 600)
    client.force_login(UserFactory())
    client.post(vote_url(poll), {"choice": "abc"})
    client.force_login(UserFactory())
    client.post(vote_url(poll), {"choice": first_choice(poll)})
    assert not PollBallot.objects.exists()


def test_anonymous_reader_sees_login_link_and_no_form(client, home, poll):
    html = client.get(page_with_poll(home, poll).url).content.decode()
    assert "/de/accounts/login/?next=" in html
    assert 'class="poll__form"' not in html
    assert 'class="poll-results"' not in html


def test_form_has_a_fieldset_with_legend_and_labels(voter_client, home, poll):
    html = voter_client.get(page_with_poll(home, poll).url).content.decode()
    assert "<fieldset>" in html and "<legend>" in html
    for choice in poll.choices.all():
        assert f'<label for="poll-{poll.translation_key}-choice-{choice.pk}">' in html


def test_multiple_choice_poll_uses_checkboxes(voter_client, home):
    poll = PollFactory(kind=Poll.MULTIPLE)
    html = voter_client.get(f"/de/polls/{poll.pk}/").content.decode()
    assert 'type="checkbox"' in html


def test_results_bars_carry_their_numbers_as_text(client, home):
    poll = PollFactory(
        opens_at=timezone.now() - datetime.timedelta(days=9), closes_at=timezone.now() - datetime.timedelta(days=2)
    )
    key = poll.choices.first().translation_key
    for _voter in range(3):
        ballot = PollBallot.objects.create(poll_key=poll.translation_key, user=UserFactory())
        PollVote.objects.create(ballot=ballot, poll_key=poll.translation_key, choice_key=key)
    html = client.get(f"/de/polls/{poll.pk}/").content.decode()
    assert 'aria-hidden="true"' in html  # the bars are decoration ...
    assert "3 votes (100 %)" in html or "3 Stimmen" in html  # ... the figures are text


def test_danish_page_shows_the_danish_poll(client, home):
    from tests.factories import translate

    poll = PollFactory()
    translate_poll(poll, "da", question="Hvilken digital service skal byen tilbyde?")
    page = page_with_poll(home, poll)
    danish_page = translate(page, "da")
    html = client.get(danish_page.url).content.decode()
    assert "Hvilken digital service skal byen tilbyde?" in html


def test_poll_list_shows_polls_of_the_current_language(client, home, poll):
    translate_poll(poll, "da", question="Hvilken digital service?")
    assert "Hvilken digital service?" in client.get("/da/polls/").content.decode()
    assert "Hvilken digital service?" not in client.get("/de/polls/").content.decode()


def _queries_for_page_with_votes(client, home, votes):
    poll = PollFactory(results_visibility=Poll.AFTER_VOTE)
    keys = list(poll.choices.values_list("translation_key", flat=True))
    ballots = PollBallot.objects.bulk_create(
        PollBallot(poll_key=poll.translation_key, user=UserFactory()) for _index in range(votes)
    )
    PollVote.objects.bulk_create(
        PollVote(ballot=ballot, poll_key=poll.translation_key, choice_key=keys[index % len(keys)])
        for index, ballot in enumerate(ballots)
    )
    page = page_with_poll(home, poll)
    client.get(page.url)  # warm caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    return len(queries)


def test_poll_block_query_count_does_not_grow_with_votes(voter_client, voter, home):
    without_votes = _queries_for_page_with_votes(voter_client, home, 0)
    with_votes = _queries_for_page_with_votes(voter_client, home, 40)
    assert without_votes == with_votes


def test_poll_block_query_count_is_the_same_with_visible_results(client, home):
    """The closed poll shows its results to everyone: still a fixed number of queries."""
    poll = PollFactory(
        opens_at=timezone.now() - datetime.timedelta(days=9), closes_at=timezone.now() - datetime.timedelta(days=2)
    )
    keys = list(poll.choices.values_list("translation_key", flat=True))
    page = page_with_poll(home, poll)
    client.get(page.url)
    with CaptureQueriesContext(connection) as before:
        client.get(page.url)
    ballots = PollBallot.objects.bulk_create(
        PollBallot(poll_key=poll.translation_key, user=UserFactory()) for _index in range(30)
    )
    PollVote.objects.bulk_create(
        PollVote(ballot=ballot, poll_key=poll.translation_key, choice_key=keys[0]) for ballot in ballots
    )
    with CaptureQueriesContext(connection) as after:
        html = client.get(page.url).content.decode()
    assert "30 votes (100 %)" in html or "30 Stimmen" in html
    assert len(before) == len(after)


def test_poll_block_api_representation_points_at_the_polls_api(poll):
    from website.blocks import PollBlock

    block = PollBlock()
    data = block.get_api_representation(block.to_python({"poll": poll.pk}))
    assert data["poll"] == {"id": poll.pk, "question": poll.question, "api_url": f"/api/v1/polls/{poll.pk}/"}


def test_poll_block_renders_without_a_request(poll):
    from website.blocks import PollBlock

    block = PollBlock()
    assert block.render(block.to_python({"poll": poll.pk})).strip() == ""


def test_pages_api_embeds_the_poll_reference(client, home, poll):
    page = page_with_poll(home, poll)
    data = client.get(f"/api/v2/pages/{page.pk}/?fields=body").json()
    poll_blocks = [block for block in data["body"] if block["type"] == "poll"]
    assert poll_blocks[0]["value"]["poll"]["id"] == poll.pk
