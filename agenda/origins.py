"""Where measures come from: one registry for every kind of participation.

A measure can go back to citizen ideas (city dialogues), to results of focus groups and
to findings of the needs survey. Each kind lives in its own app and registers an
:class:`OriginKind` here from its ``AppConfig.ready()``; the measure page, the agenda and
topic field pages and the API ask this module, so they never import the participation
models directly and a new kind needs no change in ``agenda``.

Origins always point at the measure in the default language (``MeasurePage.source_page``);
translations show the origins of their source page.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rest_framework import serializers

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from agenda.language import default_language_code

_kinds = {}


@dataclass(frozen=True)
class OriginKind:
    """One kind of origin.

    ``items_for_measure(measure, request)`` returns the public items (ideas, results,
    findings) of one source measure, ready for ``template``, which renders them as
    ``items``. ``measures_with_origins(measure_ids)`` returns which of the given source
    measure ids have at least one public item of this kind, in one query.
    ``api_items(measure)`` returns JSON-ready dicts for the API.
    """

    key: str
    label: Any
    template: str
    items_for_measure: Callable
    measures_with_origins: Callable[[Iterable[int]], set]
    api_items: Callable
    order: int = 100


def register(kind):
    _kinds[kind.key] = kind
    return kind


def kinds():
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.key))


def source_measure(measure):
    measure = measure.specific if hasattr(measure, "specific") else measure
    return measure.source_page() if hasattr(measure, "source_page") else measure


def origins_for(measure, request=None):
    """``[(kind, items)]`` for every registered kind, in display order (empty kinds included)."""
    source = source_measure(measure)
    return [(kind, list(kind.items_for_measure(source, request))) for kind in kinds()]


def origin_counts(measures):
    """How many of ``measures`` go back to each kind: ``[(kind, count)]`` plus the total.

    ``measures`` are pages in any locale; the counts use their source pages. One query per
    kind plus one to map translations to their source pages.
    """
    from agenda.models import MeasurePage  # agenda.models imports this registry (MeasurePage's API field)

    measures = list(measures)
    keys = {m.translation_key for m in measures}
    source_ids = set(
        MeasurePage.objects.filter(translation_key__in=keys, locale__language_code=default_language_code()).values_list(
            "pk", flat=True
        )
    )
    rows, any_origin = [], set()
    for kind in kinds():
        with_origin = kind.measures_with_origins(source_ids) if source_ids else set()
        any_origin |= with_origin
        rows.append((kind, len(with_origin)))
    return rows, len(any_origin)


def api_origins(measure):
    """``{kind key: [items]}`` for the API."""
    source = source_measure(measure)
    return {kind.key: list(kind.api_items(source)) for kind in kinds()}


def create_draft_measure(actor, topic_field, *, title, problem="", solution_idea=""):
    """A new measure as a draft (not live) under ``topic_field``, with a first revision.

    A sponsor's proposal goes through the usual moderation workflow of measures before
    it is published. Used by every kind of origin that can be "promoted" to a measure.
    """
    from agenda.models import MeasurePage  # agenda.models imports this registry (MeasurePage's API field)

    title = (title or "").strip()
    if not title:
        raise ValueError(_("The measure needs a title."))
    with transaction.atomic():
        measure = MeasurePage(
            title=title[:255],
            problem=problem[:10000],
            solution_idea=solution_idea[:10000],
            live=False,
            owner=actor,
            locale_id=topic_field.locale_id,
        )
        topic_field.add_child(instance=measure)
        measure.save_revision(user=actor, log_action=True)
    return measure


class OriginsAPIField(serializers.Field):
    """``origins`` of a measure in the API v2: ``{kind key: [items]}`` (see ``api_origins``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return api_origins(value)
