"""Results of focus and feedback groups as an origin of measures (see ``agenda.origins``).

The public sees only results a sponsor marked public: title, kind, the group's name and the
session date; never the minutes, documents or members.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from agenda import origins
from participation.groups.models import GroupResult


def _public_results(source_ids):
    return GroupResult.objects.public().filter(measures__in=source_ids)


def items_for_measure(measure, request=None):
    return (
        GroupResult.objects.public()
        .filter(measures=measure)
        .select_related("session__group")
        .order_by("session__starts_at", "pk")
    )


def measures_with_origins(source_ids):
    return set(_public_results(source_ids).values_list("measures", flat=True).distinct()) & set(source_ids)


def api_items(measure):
    for result in items_for_measure(measure):
        yield {
            "id": result.pk,
            "title": result.title,
            "kind": result.kind,
            "priority": result.priority,
            "group": result.session.group.name,
            "session_date": result.session.starts_at.date().isoformat(),
            "url": reverse("groups:result", args=[result.pk]),
        }


GROUP_RESULTS = origins.OriginKind(
    key="group_results",
    label=_("Results of focus and feedback groups"),
    template="participation/includes/origins_group_results.html",
    items_for_measure=items_for_measure,
    measures_with_origins=measures_with_origins,
    api_items=api_items,
    order=20,
)


def register():
    origins.register(GROUP_RESULTS)
