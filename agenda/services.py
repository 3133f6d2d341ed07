"""Domain operations of the agenda: progress logging, rating, bulk status changes, history."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import MeasureProgressUpdate, MeasureRating, MeasureStatus, PrioritisationCriterion
from .models.measures import transition_allowed
from .models.prioritisation import RATING_MAX, RATING_MIN


def record_progress(measure, user=None, note="", changed_at=None, force=False):
    """Append a log entry if status or percentage changed since the last one (or ``force``).

    Returns the new entry or None. Always logs against the default-language page.
    """
    source = measure.source_page()
    last = MeasureProgressUpdate.objects.latest_for(source)
    unchanged = last is not None and (last.status, last.percent_done) == (source.status, source.percent_done)
    if unchanged and not force and not note:
        return None
    return MeasureProgressUpdate.objects.create(
        measure=source,
        status=source.status,
        percent_done=source.percent_done,
        changed_by=user if user is not None and user.is_authenticated else None,
        changed_at=changed_at or timezone.now(),
        note=note,
    )


def state_as_of(on_date):
    """{source measure id: MeasureState(status, percent_done, changed_at)} at the end of ``on_date``."""
    return MeasureProgressUpdate.objects.state_as_of(on_date)


def rate_measure(measure, values, user=None):
    """Store ratings ``{criterion: value}`` of a measure (0–5 each); all or nothing."""
    source = measure.source_page()
    errors = []
    for criterion, value in values.items():
        if value is None:
            continue
        if not isinstance(value, int) or not RATING_MIN <= value <= RATING_MAX:
            errors.append(
                _("The rating for “%(criterion)s” must be a whole number from 0 to 5.") % {"criterion": criterion}
            )
    if errors:
        raise ValidationError(errors)
    allowed = set(PrioritisationCriterion.source_criteria().values_list("pk", flat=True))
    with transaction.atomic():
        for criterion, value in values.items():
            if criterion.pk not in allowed:
                raise ValidationError(_("Unknown criterion."))
            if value is None:
                MeasureRating.objects.filter(measure=source, criterion=criterion).delete()
                continue
            MeasureRating.objects.update_or_create(
                measure=source, criterion=criterion, defaults={"value": value, "rated_by": user}
            )


def change_status(measure, new_status, user=None, reason=""):
    """Move a measure to ``new_status`` through Wagtail's revisions (validated, logged).

    Publishes when the page is live without pending draft changes and the user may
    publish; otherwise saves a draft revision. Raises ValidationError on a forbidden move.
    """
    if new_status not in MeasureStatus.values:
        raise ValidationError(_("Unknown status."))
    page = measure.get_latest_revision_as_object() if measure.has_unpublished_changes else measure
    if not transition_allowed(page.status, new_status):
        raise ValidationError(
            _("“%(title)s” cannot move from “%(old)s” to “%(new)s”.")
            % {"title": page.title, "old": page.get_status_display(), "new": MeasureStatus(new_status).label}
        )
    page.status = new_status
    if reason:
        page.status_reason = reason
    page.full_clean()
    publish = measure.live and not measure.has_unpublished_changes
    if user is not None:
        publish = publish and measure.permissions_for_user(user).can_publish()
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return revision
