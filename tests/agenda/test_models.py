import datetime

import pytest

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agenda.models import MeasurePage, MeasureProgressUpdate, MeasureRating, MeasureStatus, PrioritisationCriterion
from tests.agenda.factories import CriterionFactory, MeasurePageFactory, RatingFactory
from tests.factories import publish

pytestmark = pytest.mark.django_db


def make_measure(topic_field, **kwargs):
    return publish(MeasurePageFactory(parent=topic_field, **kwargs))


def test_percentage_above_100_is_rejected(topic_field):
    measure = make_measure(topic_field)
    measure.percent_done = 120
    with pytest.raises(ValidationError) as error:
        measure.full_clean()
    assert "percent_done" in error.value.message_dict


def test_database_refuses_percentage_above_100(topic_field):
    measure = make_measure(topic_field)
    with pytest.raises(IntegrityError), transaction.atomic():
        MeasurePage.objects.filter(pk=measure.pk).update(percent_done=101)


def test_end_before_start_is_rejected(topic_field):
    measure = make_measure(topic_field)
    measure.start_date = datetime.date(2024, 5, 1)
    measure.end_date = datetime.date(2024, 4, 1)
    measure.target_date = datetime.date(2024, 3, 1)
    with pytest.raises(ValidationError) as error:
        measure.full_clean()
    assert {"end_date", "target_date"} <= set(error.value.message_dict)


def test_rejected_needs_public_reason(topic_field):
    measure = make_measure(topic_field)
    measure.status = MeasureStatus.REJECTED
    with pytest.raises(ValidationError) as error:
        measure.full_clean()
    assert "status_reason" in error.value.message_dict


def test_forbidden_transition_is_rejected(topic_field):
    measure = make_measure(topic_field)
    measure.status = MeasureStatus.IMPLEMENTED
    with pytest.raises(ValidationError) as error:
        measure.full_clean()
    assert "status" in error.value.message_dict


def test_allowed_transition_passes(topic_field):
    measure = make_measure(topic_field)
    measure.status = MeasureStatus.ASSESSED
    measure.full_clean()


def test_pinned_priority_needs_reason(topic_field):
    measure = make_measure(topic_field)
    measure.priority_class = "A"
    with pytest.raises(ValidationError) as error:
        measure.full_clean()
    assert "priority_reason" in error.value.message_dict


def test_score_is_weighted_mean_normalised_to_100(topic_field):
    measure = make_measure(topic_field)
    need = CriterionFactory(weight=3)
    cost = CriterionFactory(weight=1)
    RatingFactory(measure=measure, criterion=need, value=5)
    RatingFactory(measure=measure, criterion=cost, value=0)
    scored = MeasurePage.objects.with_scores().get(pk=measure.pk)
    assert scored.rating_score == pytest.approx(75.0)
    assert scored.total_score == pytest.approx(75.0)


def test_missing_rating_counts_as_zero(topic_field):
    measure = make_measure(topic_field)
    need = CriterionFactory(weight=1)
    CriterionFactory(weight=1)
    RatingFactory(measure=measure, criterion=need, value=5)
    assert MeasurePage.objects.with_scores().get(pk=measure.pk).total_score == pytest.approx(50.0)


def test_changing_a_weight_reranks_without_editing_measures(topic_field):
    first = make_measure(topic_field, title="Ladesäulenkarte")
    second = make_measure(topic_field, title="Offenes WLAN")
    need, cost = CriterionFactory(weight=1), CriterionFactory(weight=1)
    RatingFactory(measure=first, criterion=need, value=5)
    RatingFactory(measure=second, criterion=cost, value=4)
    assert [m.pk for m in MeasurePage.objects.ranked()] == [first.pk, second.pk]
    PrioritisationCriterion.objects.filter(pk=cost.pk).update(weight=5)
    assert [m.pk for m in MeasurePage.objects.ranked()] == [second.pk, first.pk]


def test_ties_break_by_title_then_pk(topic_field):
    beta = make_measure(topic_field, title="Beta")
    alpha = make_measure(topic_field, title="Alpha")
    assert [m.pk for m in MeasurePage.objects.ranked()] == [alpha.pk, beta.pk]


def test_pinned_class_ranks_before_score(topic_field):
    high = make_measure(topic_field, title="Hoch")
    pinned = make_measure(topic_field, title="Gepinnt", priority_class="C", priority_reason="Förderfrist")
    criterion = CriterionFactory(weight=1)
    RatingFactory(measure=high, criterion=criterion, value=5)
    assert [m.pk for m in MeasurePage.objects.ranked()] == [pinned.pk, high.pk]


def test_all_weights_zero_is_rejected(db, locales):
    criterion = CriterionFactory(weight=1)
    criterion.weight = 0
    with pytest.raises(ValidationError) as error:
        criterion.full_clean()
    assert "weight" in error.value.message_dict


def test_rating_outside_0_to_5_refused_by_database(topic_field):
    measure = make_measure(topic_field)
    criterion = CriterionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        MeasureRating.objects.create(measure=measure, criterion=criterion, value=6)
    assert not MeasureRating.objects.exists()


def test_publishing_changed_status_writes_log(topic_field):
    measure = make_measure(topic_field)
    assert MeasureProgressUpdate.objects.for_measure(measure).count() == 1
    measure.status = MeasureStatus.ASSESSED
    measure.percent_done = 10
    publish(measure)
    latest = MeasureProgressUpdate.objects.latest_for(measure)
    assert (latest.status, latest.percent_done) == (MeasureStatus.ASSESSED, 10)


def test_publishing_unchanged_measure_writes_no_log(topic_field):
    measure = make_measure(topic_field)
    measure.intro = "Neu formuliert"
    publish(measure)
    assert MeasureProgressUpdate.objects.for_measure(measure).count() == 1


def test_state_as_of_reconstructs_past(topic_field):
    from django.utils import timezone

    from agenda.services import state_as_of

    measure = make_measure(topic_field)
    MeasureProgressUpdate.objects.filter(measure=measure).update(
        changed_at=timezone.make_aware(datetime.datetime(2022, 1, 10))
    )
    MeasureProgressUpdate.objects.create(
        measure=measure,
        status=MeasureStatus.IN_PROGRESS,
        percent_done=40,
        changed_at=timezone.make_aware(datetime.datetime(2023, 6, 1)),
    )
    assert state_as_of(datetime.date(2021, 12, 31)) == {}
    assert state_as_of(datetime.date(2022, 12, 31))[measure.pk].status == MeasureStatus.PROPOSED
    assert state_as_of(datetime.date(2023, 6, 1))[measure.pk].percent_done == 40
    annotated = MeasurePage.objects.as_of(datetime.date(2022, 6, 1)).get(pk=measure.pk)
    assert annotated.status_as_of == MeasureStatus.PROPOSED
