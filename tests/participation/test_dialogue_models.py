"""Model rules of city dialogues: phases, events with waiting lists, constraints."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from participation.models import EventRegistration, Flag, FlagReason, Phase, Support
from tests.accounts.factories import UserFactory
from tests.participation.factories import CommentFactory, DialogueEventFactory, IdeaFactory

DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (-1, Phase.ANNOUNCED),
        (0, Phase.COLLECTING),
        (10, Phase.COLLECTING),
        (11, Phase.COMMENTING),
        (20, Phase.COMMENTING),
        (21, Phase.EVALUATION),
        (30, Phase.EVALUATION),
        (31, Phase.CLOSED),
    ],
)
def test_phase_follows_the_dates(dialogue, offset, expected):
    start = datetime.date(2026, 3, 1)
    dialogue.ideas_from, dialogue.ideas_until = start, start + 10 * DAY
    dialogue.support_until, dialogue.evaluation_until = start + 20 * DAY, start + 30 * DAY
    assert dialogue.current_phase(start + offset * DAY) == expected


def test_editor_override_wins_over_the_dates(dialogue):
    dialogue.phase_override = Phase.CLOSED
    assert dialogue.current_phase() == Phase.CLOSED
    assert not dialogue.accepts_ideas()
    assert not dialogue.accepts_interaction()


def test_dates_out_of_order_are_rejected(dialogue):
    dialogue.ideas_until = dialogue.ideas_from - DAY
    with pytest.raises(ValidationError) as error:
        dialogue.clean()
    assert "ideas_until" in error.value.message_dict


def test_translation_points_ideas_at_the_source_page(dialogue):
    from tests.factories import translate

    danish = translate(dialogue, "da")
    assert danish.source_page().pk == dialogue.pk


def test_registration_beyond_capacity_goes_to_waiting_list(dialogue):
    event = DialogueEventFactory(page=dialogue, capacity=1)
    first, second = UserFactory(), UserFactory()
    assert event.register(first).status == EventRegistration.CONFIRMED
    assert event.register(second).status == EventRegistration.WAITING


def test_registering_twice_keeps_one_registration(dialogue):
    event = DialogueEventFactory(page=dialogue)
    user = UserFactory()
    event.register(user)
    event.register(user)
    assert event.registrations.count() == 1


def test_cancelling_a_place_moves_the_waiting_list_up(dialogue):
    event = DialogueEventFactory(page=dialogue, capacity=1)
    first, second = UserFactory(), UserFactory()
    event.register(first)
    event.register(second)
    moved = event.cancel(first)
    assert moved.user == second
    assert moved.status == EventRegistration.CONFIRMED


def test_database_allows_one_support_per_account_and_idea(dialogue, citizen):
    idea = IdeaFactory(dialogue=dialogue)
    Support.objects.create(idea=idea, user=citizen)
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(idea=idea, user=citizen)


def test_supports_of_deleted_accounts_keep_counting(dialogue):
    idea = IdeaFactory(dialogue=dialogue)
    Support.objects.create(idea=idea, user=None)
    Support.objects.create(idea=idea, user=None)
    assert idea.supports.count() == 2


def test_flag_needs_exactly_one_target(dialogue, citizen):
    with pytest.raises(IntegrityError), transaction.atomic():
        Flag.objects.create(reason=FlagReason.SPAM, reporter=citizen)


def test_reply_to_a_reply_is_invalid(dialogue):
    comment = CommentFactory(idea=IdeaFactory(dialogue=dialogue))
    reply = CommentFactory(idea=comment.idea, parent=comment)
    nested = CommentFactory.build(idea=comment.idea, parent=reply, author=reply.author)
    with pytest.raises(ValidationError):
        nested.clean()


def test_idea_point_needs_both_coordinates(dialogue):
    idea = IdeaFactory.build(dialogue=dialogue, latitude=54.78, longitude=None)
    with pytest.raises(ValidationError) as error:
        idea.clean()
    assert "longitude" in error.value.message_dict


def test_idea_not_pursued_needs_public_reason(dialogue):
    idea = IdeaFactory.build(dialogue=dialogue, status="not_pursued", status_reason=" ")
    with pytest.raises(ValidationError) as error:
        idea.clean()
    assert "status_reason" in error.value.message_dict
