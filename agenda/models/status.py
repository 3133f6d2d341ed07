"""The lifecycle of a measure: statuses, the moves allowed between them, priority classes and
effort. Apart from the page, so the progress log and the queries can use them too."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeasureStatus(models.TextChoices):
    """Lifecycle of a measure. Allowed moves are listed in ``ALLOWED_TRANSITIONS``."""

    PROPOSED = "proposed", _("Proposed")
    ASSESSED = "assessed", _("Assessed")
    PRIORITISED = "prioritised", _("Prioritised")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    IMPLEMENTED = "implemented", _("Implemented")
    DEFERRED = "deferred", _("Deferred")
    REJECTED = "rejected", _("Rejected")


S = MeasureStatus

#: From each status, the statuses a measure may move to (staying is always allowed).
#: The main path moves one step forward (or one step back to correct a mistake);
#: any open measure can be deferred or rejected (both need a public reason);
#: a deferred measure can resume at any earlier step; a rejected one can only be
#: proposed again; an implemented one can be reopened (back to "in progress").
#: A new measure may start in any status (existing measures are imported as they are).
ALLOWED_TRANSITIONS = {
    S.PROPOSED: {S.ASSESSED, S.DEFERRED, S.REJECTED},
    S.ASSESSED: {S.PROPOSED, S.PRIORITISED, S.DEFERRED, S.REJECTED},
    S.PRIORITISED: {S.ASSESSED, S.PLANNED, S.DEFERRED, S.REJECTED},
    S.PLANNED: {S.PRIORITISED, S.IN_PROGRESS, S.DEFERRED, S.REJECTED},
    S.IN_PROGRESS: {S.PLANNED, S.IMPLEMENTED, S.DEFERRED},
    S.IMPLEMENTED: {S.IN_PROGRESS},
    S.DEFERRED: {S.PROPOSED, S.ASSESSED, S.PRIORITISED, S.PLANNED, S.IN_PROGRESS},
    S.REJECTED: {S.PROPOSED},
}

#: Statuses that need a public reason.
STATUSES_WITH_REASON = {S.DEFERRED, S.REJECTED}
#: Statuses of measures still being worked towards (used for "overdue").
OPEN_STATUSES = {S.PROPOSED, S.ASSESSED, S.PRIORITISED, S.PLANNED, S.IN_PROGRESS}


def transition_allowed(old, new):
    return old is None or old == new or new in ALLOWED_TRANSITIONS.get(old, set())


class PriorityClass(models.TextChoices):
    A = "A", _("A – highest priority")
    B = "B", _("B – medium priority")
    C = "C", _("C – lower priority")


class Effort(models.TextChoices):
    SMALL = "small", _("Small (weeks)")
    MEDIUM = "medium", _("Medium (months)")
    LARGE = "large", _("Large (a year or more)")
