"""Open and closed time windows, written once for everything citizens can answer.

Polls and the needs survey open at ``opens_at`` and close at ``closes_at`` (exclusive; none:
open until further notice). They share ``TimeWindowMixin``; querysets filter with
``open_now``. City dialogues have dated phases instead (``CityDialoguePage.current_phase``)
and answer the same ``is_open`` question for the phases that take input.
"""

from django.db.models import Q
from django.utils import timezone

UPCOMING = "upcoming"
OPEN = "open"
CLOSED = "closed"


def window_status(opens_at, closes_at, now=None):
    now = now or timezone.now()
    if opens_at and now < opens_at:
        return UPCOMING
    if closes_at and now >= closes_at:
        return CLOSED
    return OPEN


def open_now(now=None):
    """A filter for rows whose window is open at `now`."""
    now = now or timezone.now()
    return Q(opens_at__lte=now) & (Q(closes_at__isnull=True) | Q(closes_at__gt=now))


class TimeWindowMixin:
    """For models with ``opens_at`` and an optional ``closes_at``."""

    STATUS_UPCOMING = UPCOMING
    STATUS_OPEN = OPEN
    STATUS_CLOSED = CLOSED

    def status(self, now=None):
        return window_status(self.opens_at, self.closes_at, now)

    def is_open(self, now=None):
        return self.status(now) == OPEN

    def is_closed(self, now=None):
        return self.status(now) == CLOSED

    def is_upcoming(self, now=None):
        return self.status(now) == UPCOMING
