"""The named queries over measures (``MeasurePage.objects``): locale, topic field, status,
scores and ranking, state on a past date, counts. Each annotation stays one SQL query."""

from django.db import models
from django.db.models import Case, Count, F, FloatField, OuterRef, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce, Length, NullIf, Substr
from django.utils import timezone

from wagtail.models import Page, PageManager, PageQuerySet

from agenda import demand
from agenda.language import default_language_code

from .prioritisation import MeasureRating, PrioritisationCriterion, ScoringSettings
from .progress import MeasureProgressUpdate, end_of_day
from .status import OPEN_STATUSES, PriorityClass


class MeasurePageQuerySet(PageQuerySet):
    """Named queries over measures. All annotations work in one SQL query."""

    def source_locale(self):
        """Only the source (default-language) pages: one row per measure."""
        return self.filter(locale__language_code=default_language_code())

    def in_topic_field(self, topic_field):
        return self.child_of(topic_field)

    def with_status(self, *statuses):
        return self.filter(status__in=statuses)

    def with_topic_field(self):
        """Annotate ``topic_field_id`` and ``topic_field_title`` (the parent page) without extra queries."""
        parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        parents = Page.objects.filter(path=parent_path)  # a measure's parent is its topic field
        return self.annotate(
            topic_field_id=Subquery(parents.values("pk")[:1]),
            topic_field_title=Subquery(parents.values("title")[:1]),
        )

    def with_scores(self):
        """Annotate ``rating_score``, ``demand_score``, ``total_score`` (0–100) and ``priority_rank``.

        rating_score: weighted mean of (rating / 5) over all prioritisation criteria of
            the default language, × 100. A criterion the measure has no rating for
            counts as 0, so an unrated measure scores 0. Weights are read at query
            time, so changing a weight re-ranks every measure without editing any.
        demand_score: the demand signal from participation (0–100):
            ``100 × n / (n + H)`` with n the supports of the public ideas linked to the
            measure and H = ``PARTICIPATION_DEMAND_HALF_SATURATION`` (default 25);
            registered by participation (``agenda.demand``, ``participation.core.scoring``).
        total_score: ``rating_score × (1 − s) + demand_score × s`` where ``s`` is
            ``ScoringSettings.demand_share`` (0–1, default 0).
        priority_rank: 0/1/2 for a pinned class A/B/C, 3 when not pinned.
        """
        language = default_language_code()
        total_weight = Subquery(
            PrioritisationCriterion.objects.filter(locale__language_code=language)
            .order_by()
            .values("locale_id")
            .annotate(total=models.Sum(Cast("weight", FloatField())))
            .values("total")[:1],
            output_field=FloatField(),
        )
        weighted_sum = Subquery(
            MeasureRating.objects.filter(
                measure__translation_key=OuterRef("translation_key"),
                criterion__locale__language_code=language,
            )
            .order_by()
            .values("measure__translation_key")
            .annotate(total=models.Sum(Cast("value", FloatField()) * Cast("criterion__weight", FloatField())))
            .values("total")[:1],
            output_field=FloatField(),
        )
        demand_share = Coalesce(
            Subquery(ScoringSettings.objects.values("demand_share")[:1], output_field=FloatField()),
            Value(0.0),
            output_field=FloatField(),
        )
        return self.annotate(
            rating_score=Coalesce(
                Coalesce(weighted_sum, Value(0.0)) * Value(20.0) / NullIf(total_weight, Value(0.0)),
                Value(0.0),
                output_field=FloatField(),
            ),
            demand_score=self.demand_expression(),
            demand_share=demand_share,
            total_score=F("rating_score") * (Value(1.0) - F("demand_share")) + F("demand_score") * F("demand_share"),
            priority_rank=Case(
                When(priority_class=PriorityClass.A, then=Value(0)),
                When(priority_class=PriorityClass.B, then=Value(1)),
                When(priority_class=PriorityClass.C, then=Value(2)),
                default=Value(3),
                output_field=models.IntegerField(),
            ),
        )

    def demand_expression(self):
        """The demand term (0–100) from the registered demand sources (``agenda.demand``); 0 without any."""
        return demand.demand_expression()

    def ranked(self):
        """Backlog order: pinned class A, B, C first, then score (high first), title, pk."""
        return self.with_scores().order_by("priority_rank", "-total_score", "title", "pk")

    def overdue(self, on_date=None):
        on_date = on_date or timezone.localdate()
        return self.filter(target_date__lt=on_date, status__in=OPEN_STATUSES)

    def recently_changed(self, since):
        """Measures with a progress-log entry at or after ``since`` (a datetime)."""
        changed = MeasureProgressUpdate.objects.filter(changed_at__gte=since).values("measure__translation_key")
        return self.filter(translation_key__in=changed)

    def as_of(self, on_date):
        """Annotate ``status_as_of``/``percent_as_of`` from the progress log at the end of ``on_date``.

        Both are None for measures that had no log entry yet on that day.
        """
        updates = MeasureProgressUpdate.objects.filter(
            measure__translation_key=OuterRef("translation_key"), changed_at__lte=end_of_day(on_date)
        ).order_by("-changed_at", "-pk")
        return self.annotate(
            status_as_of=Subquery(updates.values("status")[:1]),
            percent_as_of=Subquery(updates.values("percent_done")[:1]),
        )

    def status_counts(self):
        """{status: count} in one query."""
        rows = self.order_by().values("status").annotate(n=Count("pk")).values_list("status", "n")
        return dict(rows)


MeasurePageManager = PageManager.from_queryset(MeasurePageQuerySet)
