"""The participation demand term of a measure's prioritisation score.

    supporters(m)   = number of supports of the public ideas linked to measure m
                      (an account supporting two linked ideas counts twice: it backs both)
    demand_score(m) = 100 × supporters / (supporters + H)

H (``PARTICIPATION_DEMAND_HALF_SATURATION``, default 25) is the number of supporters that
gives half the maximum: 0 → 0, 25 → 50, 75 → 75, 225 → 90. The curve rewards the first
supporters most and never passes 100, so one viral idea cannot dominate the backlog, and
it needs no comparison with other measures (the score of one measure does not change when
another gains support).

The needs survey adds what respondents said about the measure's topic field:

    need_mean(m)    = mean of all need scores (1–5) given for the topic field of m in live
                      needs surveys (every language version of the field counts)
    need_score(m)   = 25 × (need_mean − 1)                      (1 → 0, 3 → 50, 5 → 100)
    demand_score(m) = support × (1 − w) + need_score × w        when the field has need scores
                    = support                                   when it has none

w is ``SurveyScoringSettings.need_weight`` (Settings → Needs survey settings, 0–1, default
0.5). All measures of a topic field share its need score; the supports still tell them apart.

How much the demand term counts in the total is the editors' choice: ``demand_share`` in
the agenda's prioritisation settings (total = rating × (1 − share) + demand × share).
Everything is one SQL expression per measure (subqueries), so ranking a backlog of any size
still takes one query.
"""

from django.conf import settings
from django.db.models import Avg, Case, Count, FloatField, OuterRef, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce, Length, Substr
from django.db.models.lookups import IsNull

from agenda.models import TopicFieldPage
from participation.models import Support, SurveyAnswer, SurveyScoringSettings

DEFAULT_HALF_SATURATION = 25
DEFAULT_NEED_WEIGHT = 0.5


def half_saturation():
    return float(getattr(settings, "PARTICIPATION_DEMAND_HALF_SATURATION", DEFAULT_HALF_SATURATION))


def supporters_subquery():
    """Supports of the public ideas linked to the measure (matched by translation key: all languages)."""
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


def need_mean_subquery():
    """Mean need score (1–5) of the measure's topic field from live needs surveys, or NULL."""
    from wagtail.models import Page

    parent_path = Substr(OuterRef(OuterRef("path")), 1, Length(OuterRef(OuterRef("path"))) - Page.steplen)
    parent_key = TopicFieldPage.objects.filter(path=parent_path).values("translation_key")[:1]
    rows = (
        SurveyAnswer.objects.filter(
            scale_value__isnull=False,
            response__page__live=True,
            topic_field__translation_key=Subquery(parent_key),
        )
        .order_by()
        .values("topic_field__translation_key")
        .annotate(mean=Avg(Cast("scale_value", FloatField())))
        .values("mean")
    )
    return Subquery(rows[:1], output_field=FloatField())


def need_weight_expression():
    return Coalesce(
        Subquery(SurveyScoringSettings.objects.values("need_weight")[:1], output_field=FloatField()),
        Value(DEFAULT_NEED_WEIGHT),
        output_field=FloatField(),
    )


def demand_expression():
    supporters = supporters_subquery()
    support = Value(100.0) * supporters / (supporters + Value(half_saturation()))
    need_mean = need_mean_subquery()
    weight = need_weight_expression()
    return Case(
        When(
            IsNull(need_mean, False),
            then=support * (Value(1.0) - weight) + Value(25.0) * (need_mean - Value(1.0)) * weight,
        ),
        default=support,
        output_field=FloatField(),
    )


def demand_score(supporters, need_mean=None, need_weight=DEFAULT_NEED_WEIGHT):
    """The same formula in Python (documentation, tests, reports)."""
    support = 100.0 * supporters / (supporters + half_saturation())
    if need_mean is None:
        return support
    return support * (1 - need_weight) + 25.0 * (need_mean - 1) * need_weight
