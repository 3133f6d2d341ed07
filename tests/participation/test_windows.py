"""One time window for everything citizens answer: polls and the needs survey share it."""

import datetime

import pytest

from django.utils import timezone

from participation.core import windows
from participation.models import NeedsSurveyPage, Poll

NOW = timezone.make_aware(datetime.datetime(2026, 5, 4, 12, 0))
HOUR = datetime.timedelta(hours=1)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("opens_at", "closes_at", "expected"),
    [
        (NOW + HOUR, None, windows.UPCOMING),
        (NOW - HOUR, None, windows.OPEN),
        (NOW - HOUR, NOW + HOUR, windows.OPEN),
        (NOW - HOUR, NOW, windows.CLOSED),  # the closing moment itself is closed
        (NOW, NOW + HOUR, windows.OPEN),  # the opening moment itself is open
        (None, None, windows.OPEN),
    ],
)
@pytest.mark.parametrize("model", [Poll, NeedsSurveyPage])
def test_polls_and_surveys_answer_the_same(model, opens_at, closes_at, expected):
    item = model(opens_at=opens_at, closes_at=closes_at)
    assert item.status(NOW) == expected
    assert item.is_open(NOW) is (expected == windows.OPEN)
    assert item.is_closed(NOW) is (expected == windows.CLOSED)
    assert item.is_upcoming(NOW) is (expected == windows.UPCOMING)


def test_open_now_filters_like_is_open():
    polls = [
        Poll.objects.create(question="Schon vorbei?", opens_at=NOW - 2 * HOUR, closes_at=NOW - HOUR),
        Poll.objects.create(question="Offen?", opens_at=NOW - HOUR, closes_at=NOW + HOUR),
        Poll.objects.create(question="Ohne Ende?", opens_at=NOW - HOUR),
        Poll.objects.create(question="Noch nicht?", opens_at=NOW + HOUR),
    ]
    open_ids = set(Poll.objects.open_now(NOW).values_list("pk", flat=True))
    assert open_ids == {poll.pk for poll in polls if poll.is_open(NOW)}
    assert len(open_ids) == 2
