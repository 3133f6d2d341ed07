"""The participation demand term of a measure's prioritisation score.

    supporters(m)   = number of supports of the public ideas linked to measure m
                      (an account supporting two linked ideas counts twice: it backs both)
    demand_score(m) = 100 × supporters / (supporters + H)

H (``PARTICIPATION_DEMAND_HALF_SATURATION``, default 25) is the number of supporters that
gives half the maximum: 0 → 0, 25 → 50, 75 → 75, 225 → 90. The curve rewards the first
supporters most and never passes 100, so one viral idea cannot dominate the backlog, and
it needs no comparison with other measures (the score of one measure does not change when
another gains support).

How much the demand term counts in the total is the editors' choice: ``demand_share`` in
the agenda's prioritisation settings (total = rating × (1 − share) + demand × share).
"""

from django.conf import settings
from django.db.models import Count, FloatField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce

DEFAULT_HALF_SATURATION = 25


def half_saturation():
    return float(getattr(settings, "PARTICIPATION_DEMAND_HALF_SATURATION", DEFAULT_HALF_SATURATION))


def supporters_subquery():
    """Supports of the public ideas linked to the measure (matched by translation key: all languages)."""
    from participation.models import Support

    rows = (
        Support.objects.filter(
            idea__measures__translation_key=OuterRef("translation_key"),
            idea__is_hidden=False,
            idea__is_approved=True,
        )
        .order_by()
        .values("idea__measures__translation_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Cast(Subquery(rows[:1]), FloatField()), Value(0.0), output_field=FloatField())


def demand_expression():
    supporters = supporters_subquery()
    return Value(100.0) * supporters / (supporters + Value(half_saturation()))


def demand_score(supporters):
    """The same formula in Python (documentation, tests, reports)."""
    return 100.0 * supporters / (supporters + half_saturation())
