"""From citizens' input to the backlog, written once: link input to a measure, or turn it
into a new draft measure.

Ideas, survey findings and group results all carry a ``measures`` relation. Each domain
checks its own rules first (who may, which topic field); these two steps then do the same
thing for every kind: the measure's default-language page is used, a promoted measure
stays a draft in the input's topic field (so it goes through the measures' moderation
workflow), and the action goes into the audit trail.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from agenda.origins import create_draft_measure
from participation.core import audit
from participation.core.errors import ParticipationError
from participation.core.models import ModerationAction


def source_measure(measure):
    """The default-language page of any language version of a measure."""
    measure = measure.specific if hasattr(measure, "specific") else measure
    return measure.source_page()


def link(actor, item, measure):
    """Add `measure` to the item's measures and log it; False if it was already linked."""
    already = item.measures.filter(pk=measure.pk).exists()
    with transaction.atomic():
        item.measures.add(measure)
        if not already:
            audit.record(ModerationAction.LINK_MEASURE, actor, item, measure=measure.pk, measure_title=measure.title)
    return not already


def promote(actor, items, topic_field, *, title, problem="", solution_idea=""):
    """A new draft measure in `topic_field` made from `items` (logged for each); not yet linked."""
    title = (title or "").strip()
    if not title:
        raise ParticipationError(_("The measure needs a title."), field="title")
    with transaction.atomic():
        measure = create_draft_measure(actor, topic_field, title=title, problem=problem, solution_idea=solution_idea)
        for item in items:
            audit.record(ModerationAction.PROMOTE, actor, item, measure=measure.pk, measure_title=measure.title)
    return measure
