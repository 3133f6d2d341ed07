"""Models of the Digital Agenda.

Public API (what other apps, the council dashboard and the report build on):

- ``AgendaPage`` → ``TopicFieldPage`` → ``MeasurePage`` (page tree).
- ``MeasurePage.objects`` (a ``MeasurePageQuerySet``):
  ``.source_locale()``, ``.in_topic_field(page)``, ``.with_status(*statuses)``,
  ``.with_topic_field()``, ``.with_scores()``, ``.ranked()``, ``.overdue(date)``,
  ``.recently_changed(since)``, ``.as_of(date)``, ``.status_counts()``.
- ``MeasureStatus`` (lifecycle choices) and ``ALLOWED_TRANSITIONS``.
- ``MeasureProgressUpdate.objects.state_as_of(date)`` → ``{measure_id: MeasureState}``.
- ``PrioritisationCriterion``, ``MeasureRating``, ``ScoringSettings``.
"""

from .pages import (
    ALLOWED_TRANSITIONS,
    AgendaPage,
    AgendaPhase,
    MeasurePage,
    MeasurePageQuerySet,
    MeasurePageTag,
    MeasureStatus,
    PriorityClass,
    TopicFieldPage,
    TopicFieldSponsor,
)
from .prioritisation import MeasureRating, PrioritisationCriterion, ScoringSettings
from .progress import MeasureProgressUpdate, MeasureState
from .progress_page import ProgressPage  # noqa: F401  (council dashboard; see agenda/reports.py)

__all__ = [
    "ALLOWED_TRANSITIONS",
    "AgendaPage",
    "AgendaPhase",
    "MeasurePage",
    "MeasurePageQuerySet",
    "MeasurePageTag",
    "MeasureProgressUpdate",
    "MeasureRating",
    "MeasureState",
    "MeasureStatus",
    "PrioritisationCriterion",
    "PriorityClass",
    "ScoringSettings",
    "TopicFieldPage",
    "TopicFieldSponsor",
]
