"""Poll rules on the model: one ballot per participant, votes across languages."""

import datetime

import pytest

from django.db import IntegrityError, transaction
from django.utils import timezone

from participation.models import Poll, PollBallot, PollVote, VoteError
from tests.accounts.factories import UserFactory
from tests.participation.poll_factories import PollFactory, translate_poll

pytestmark = pytest.mark.django_db


@pytest.fixture
def poll(locales):
    return PollFactory()


@pytest.fixture
def citizen(db):
    return UserFactory()


def choice_ids(poll):
    return list(poll.choices.values_list("pk", flat=True))


def test_vote_is_stored_as_one_ballot(poll, citizen):
    poll.cast_vote(citizen, [choice_ids(poll)[0]])
    assert PollBallot.objects.filter(poll_key=poll.translation_key, user=citizen).count() == 1
    assert PollVote.objects.filter(poll_key=poll.translation_key).count() == 1


def test_second_vote_is_refused(poll, citizen):
    poll.cast_vote(citizen, [choice_ids(poll)[0]])
    with pytest.raises(VoteError) as error:
        poll.cast_vote(citizen, [choice_ids(poll)[1]])
    assert error.value.code == "already_voted"
    assert PollVote.objects.count() == 1


def test_closed_poll_refuses_votes(locales, citizen):
    poll = PollFactory(
        opens_at=timezone.now() - datetime.timedelta(days=10), closes_at=timezone.now() - datetime.timedelta(days=1)
    )
    with pytest.raises(VoteError) as error:
        poll.cast_vote(citizen, [choice_ids(poll)[0]])
    assert error.value.code == "closed"
    assert not PollBallot.objects.exists()


def test_poll_not_yet_open_refuses_votes(locales, citizen):
    poll = PollFactory(opens_at=timezone.now() + datetime.timedelta(days=1), closes_at=None)
    with pytest.raises(VoteError) as error:
        poll.cast_vote(citizen, [choice_ids(poll)[0]])
    assert error.value.code == "not_open"
    assert not PollBallot.objects.exists()


def test_choice_of_another_poll_is_refused(poll, citizen):
    other = PollFactory(question="Wie kontaktieren Sie die Verwaltung?")
    with pytest.raises(VoteError) as error:
        poll.cast_vote(citizen, [choice_ids(other)[0]])
    assert error.value.code == "invalid_choice"
    assert not PollBallot.objects.exists()


@pytest.mark.parametrize("bad", [["abc"], ["999999"], [""], ["1.5"], [None], ["-1"]])
def test_invalid_choice_is_refused(poll, citizen, bad):
    with pytest.raises(VoteError):
        poll.cast_vote(citizen, bad)
    assert not PollBallot.objects.exists()


def test_empty_choice_is_refused(poll, citizen):
    with pytest.raises(VoteError) as error:
        poll.cast_vote(citizen, [])
    assert error.value.code == "required"


def test_several_choices_on_single_choice_poll_are_refused(poll, citizen):
    with pytest.raises(VoteError) as error:
        poll.cast_vote(citizen, choice_ids(poll)[:2])
    assert error.value.code == "single_choice"
    assert not PollBallot.objects.exists()


def test_multiple_choice_poll_stores_every_choice(locales, citizen):
    poll = PollFactory(kind=Poll.MULTIPLE)
    poll.cast_vote(citizen, choice_ids(poll)[:2])
    assert PollVote.objects.filter(ballot__user=citizen).count() == 2


def test_duplicate_choice_is_refused(locales, citizen):
    poll = PollFactory(kind=Poll.MULTIPLE)
    first = choice_ids(poll)[0]
    with pytest.raises(VoteError) as error:
        poll.cast_vote(citizen, [first, first])
    assert error.value.code == "duplicate"
    assert not PollBallot.objects.exists()


def test_anonymous_cannot_vote(poll):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(VoteError) as error:
        poll.cast_vote(AnonymousUser(), [choice_ids(poll)[0]])
    assert error.value.code == "login_required"


def test_database_allows_one_ballot_per_user_and_poll(poll, citizen):
    PollBallot.objects.create(poll_key=poll.translation_key, user=citizen)
    with pytest.raises(IntegrityError), transaction.atomic():
        PollBallot.objects.create(poll_key=poll.translation_key, user=citizen)


def test_database_allows_each_choice_once_per_ballot(poll, citizen):
    ballot = PollBallot.objects.create(poll_key=poll.translation_key, user=citizen)
    key = poll.choices.first().translation_key
    PollVote.objects.create(ballot=ballot, poll_key=poll.translation_key, choice_key=key)
    with pytest.raises(IntegrityError), transaction.atomic():
        PollVote.objects.create(ballot=ballot, poll_key=poll.translation_key, choice_key=key)


def test_votes_in_every_language_count_for_the_same_poll(poll, citizen):
    danish = translate_poll(poll, "da", question="Hvilken digital service skal byen tilbyde?")
    other = UserFactory()
    poll.cast_vote(citizen, [choice_ids(poll)[0]])
    danish.cast_vote(other, [choice_ids(danish)[0]])
    assert poll.results().participants == 2
    assert danish.results().choices[0].votes == 2


def test_voting_in_a_translation_counts_as_the_participants_one_ballot(poll, citizen):
    danish = translate_poll(poll, "da")
    poll.cast_vote(citizen, [choice_ids(poll)[0]])
    with pytest.raises(VoteError) as error:
        danish.cast_vote(citizen, [choice_ids(danish)[1]])
    assert error.value.code == "already_voted"


def test_results_are_hidden_until_voting_or_closing(poll, citizen):
    assert not poll.results_visible(has_voted=False)
    assert poll.results_visible(has_voted=True)


def test_results_after_close_stay_hidden_after_voting(locales):
    poll = PollFactory(results_visibility=Poll.AFTER_CLOSE)
    assert not poll.results_visible(has_voted=True)
    assert poll.results_visible(has_voted=False, now=poll.closes_at + datetime.timedelta(seconds=1))


def test_results_shares_are_of_participants(locales):
    poll = PollFactory(kind=Poll.MULTIPLE)
    first, second, _third = choice_ids(poll)
    poll.cast_vote(UserFactory(), [first, second])
    poll.cast_vote(UserFactory(), [first])
    results = poll.results()
    assert results.participants == 2
    assert [(row.votes, row.percent) for row in results.choices] == [(2, 100), (1, 50), (0, 0)]


def test_deleting_the_last_language_version_deletes_its_ballots(poll, citizen):
    poll.cast_vote(citizen, [choice_ids(poll)[0]])
    poll.delete()
    assert not PollBallot.objects.exists()


def test_closes_before_opens_is_invalid(locales):
    from django.core.exceptions import ValidationError

    poll = PollFactory.build(closes_at=timezone.now() - datetime.timedelta(days=5))
    with pytest.raises(ValidationError):
        poll.clean()
