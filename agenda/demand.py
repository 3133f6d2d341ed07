"""The demand term of a measure's score, supplied by the apps that know the demand.

Ranking the backlog (``MeasureQuerySet.with_scores``) weighs the editors' ratings against
what citizens asked for. The agenda cannot know where that demand comes from without
importing the apps above it, so they register a *demand source* here from their
``AppConfig.ready()`` (``participation`` registers supports of linked ideas and the needs
survey, see ``participation.core.scoring``). Each source is a callable returning a SQL
expression (0–100) evaluated per measure; the demand score is their sum, 0 when nothing is
registered.
"""

from collections.abc import Callable

from django.db.models import FloatField, Value

_sources: dict[str, Callable] = {}


def register_demand_source(key, expression):
    """Add (or replace, by ``key``) a source: ``expression()`` returns a per-measure SQL expression."""
    _sources[key] = expression


def demand_expression():
    """The demand score (0–100) of a measure as one SQL expression."""
    expressions = [expression() for _key, expression in sorted(_sources.items())]
    if not expressions:
        return Value(0.0, output_field=FloatField())
    total = expressions[0]
    for expression in expressions[1:]:
        total = total + expression
    return total
