"""Template helpers of focus and feedback groups."""

from django import template

from agenda.origins import source_measure
from participation.groups.models import FeedbackOutcome

register = template.Library()


@register.inclusion_tag("participation/groups/includes/measure_feedback.html")
def measure_feedback(measure):
    """The public outcomes of feedback rounds kept on a measure (its source page), one query."""
    if not hasattr(measure, "source_page"):
        return {"outcomes": []}
    source = source_measure(measure)
    outcomes = list(
        FeedbackOutcome.objects.filter(measure=source, is_public=True)
        .select_related("round__group")
        .order_by("-round__deadline")
    )
    return {"outcomes": outcomes}
