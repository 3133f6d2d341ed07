"""The progress log of measures.

Decision: an entry points at the measure's page **in the default language**
(the source page of the translation set). Status and percentage are synchronised
fields, so they only ever change on the source page; translations find their log
through ``translation_key`` (``MeasureProgressUpdate.objects.for_measure(page)``).

Entries are written automatically when a measure is published with a changed
status or percentage (``agenda.signals``); editors can add notes. The log is
append-only in normal use, which is what makes "as of" reports reproducible.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .status import MeasureStatus


def end_of_day(on_date):
    """The last moment of a date in the current time zone (datetimes pass through)."""
    if isinstance(on_date, datetime.datetime):
        return on_date
    return timezone.make_aware(datetime.datetime.combine(on_date, datetime.time.max))


@dataclass(frozen=True)
class MeasureState:
    status: str
    percent_done: int
    changed_at: datetime.datetime

    @property
    def status_label(self):
        return MeasureStatus(self.status).label


class MeasureProgressUpdateQuerySet(models.QuerySet):
    def for_measure(self, measure):
        """The log of a measure, whichever translation of it is given."""
        return self.filter(measure__translation_key=measure.translation_key)

    def up_to(self, on_date):
        return self.filter(changed_at__lte=end_of_day(on_date))

    def state_as_of(self, on_date):
        """{source measure id: MeasureState} at the end of ``on_date``, from the log alone.

        Measures without any entry by then are absent (they did not exist yet).
        One query.
        """
        states = {}
        rows = self.up_to(on_date).order_by("measure_id", "changed_at", "pk")
        for measure_id, status, percent, changed_at in rows.values_list(
            "measure_id", "status", "percent_done", "changed_at"
        ):
            states[measure_id] = MeasureState(status, percent, changed_at)
        return states

    def latest_for(self, measure):
        return self.for_measure(measure).order_by("-changed_at", "-pk").first()


class MeasureProgressUpdate(models.Model):
    measure = models.ForeignKey(
        "agenda.MeasurePage",
        verbose_name=_("measure"),
        on_delete=models.CASCADE,
        related_name="progress_updates",
        help_text=_("The measure's page in the default language."),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=MeasureStatus.choices)
    percent_done = models.PositiveSmallIntegerField(
        _("percentage done"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    note = models.TextField(_("note"), blank=True)

    objects = MeasureProgressUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["measure", "changed_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(percent_done__gte=0) & models.Q(percent_done__lte=100),
                name="agenda_progress_percent_0_100",
            ),
        ]

    def __str__(self):
        return f"{self.measure_id} {self.changed_at:%Y-%m-%d}: {self.status} {self.percent_done}%"

    @property
    def status_label(self):
        return MeasureStatus(self.status).label
