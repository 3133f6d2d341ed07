"""Two simultaneous votes of one account: exactly one ballot, the other gets a clear error.

On PostgreSQL two threads race with real transactions. SQLite serialises writers, so
the race cannot happen there; on SQLite the same interleaving is replayed in one
thread: the other vote lands between the "already voted?" check and the insert.
"""

import threading

import pytest

from django.db import connection, connections

from participation.models import PollBallot, VoteError
from tests.accounts.factories import UserFactory
from tests.participation.poll_factories import PollFactory

pytestmark = [
    # serialized_rollback: the flush after a transactional test must not take the
    # root page and locales (created by migrations) away from the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_concurrent_votes_store_one_ballot(locales):
    poll = PollFactory()
    voter = UserFactory()
    choice_ids = list(poll.choices.values_list("pk", flat=True))
    barrier = threading.Barrier(2)
    outcomes = []

    # Both threads pass the "already voted?" check before either inserts, so the
    # database constraint has to settle it.
    original_has_voted = type(poll).has_voted

    def has_voted_then_wait(self, user):
        answer = original_has_voted(self, user)
        barrier.wait(timeout=10)
        return answer

    def vote(choice_id):
        try:
            poll.__class__.objects.get(pk=poll.pk).cast_vote(voter, [choice_id])
            outcomes.append("stored")
        except VoteError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    def has_voted_then_let_the_other_vote_in(self, user):
        answer = original_has_voted(self, user)
        type(poll).has_voted = original_has_voted
        vote(choice_ids[1])
        return answer

    if connection.vendor == "postgresql":
        type(poll).has_voted = has_voted_then_wait
        try:
            threads = [threading.Thread(target=vote, args=(choice_id,)) for choice_id in choice_ids[:2]]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=30)
        finally:
            type(poll).has_voted = original_has_voted
    else:
        type(poll).has_voted = has_voted_then_let_the_other_vote_in
        try:
            vote(choice_ids[0])
        finally:
            type(poll).has_voted = original_has_voted

    assert sorted(outcomes) == ["already_voted", "stored"]
    assert PollBallot.objects.filter(poll_key=poll.translation_key).count() == 1
