"""Citizen ideas as an origin of measures (see ``agenda.origins``)."""

from django.utils.translation import gettext_lazy as _

from agenda import origins
from participation.models import Idea


def _visible_ideas(source_ids):
    return Idea.objects.filter(measures__in=source_ids).visible()


def items_for_measure(measure, request=None):
    return (
        Idea.objects.filter(measures=measure)
        .visible()
        .with_counts()
        .select_related("dialogue")
        .order_by("-support_count", "-created_at")
    )


def measures_with_origins(source_ids):
    return set(_visible_ideas(source_ids).values_list("measures", flat=True).distinct()) & set(source_ids)


def api_items(measure):
    for idea in items_for_measure(measure):
        yield {
            "id": idea.pk,
            "title": idea.title,
            "status": idea.status,
            "support_count": idea.support_count,
            "dialogue": idea.dialogue.title,
            "url": idea.get_absolute_url(),
        }


IDEAS = origins.OriginKind(
    key="ideas",
    label=_("Ideas from city dialogues"),
    template="participation/includes/origins_ideas.html",
    items_for_measure=items_for_measure,
    measures_with_origins=measures_with_origins,
    api_items=api_items,
    order=10,
)


def register():
    origins.register(IDEAS)
