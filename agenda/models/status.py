"""The lifecycle statuses of a measure, apart from the page so the progress log can use them too."""

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
