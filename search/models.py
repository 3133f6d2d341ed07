from django.db import IntegrityError, models, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

QUERY_MAX_LENGTH = 200


class SearchQueryStatQuerySet(models.QuerySet):
    def since(self, day):
        return self.filter(day__gte=day)

    def most_frequent(self):
        """One row per query and language: total searches, searches without results."""
        return (
            self.values("query", "language")
            .annotate(total=Sum("hits"), without_results=Sum("zero_result_hits"))
            .order_by("-total", "query")
        )

    def without_results(self):
        return self.most_frequent().filter(zero_result_hits__gt=0).order_by("-without_results", "query")


class SearchQueryStat(models.Model):
    """How often a query was searched on one day in one language, and how often it found nothing.

    Queries are stored normalised and without any reference to who searched.
    """

    query = models.CharField(_("search term"), max_length=QUERY_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=10)
    day = models.DateField(_("day"), default=timezone.localdate)
    hits = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_hits = models.PositiveIntegerField(_("searches without results"), default=0)

    objects = SearchQueryStatQuerySet.as_manager()

    class Meta:
        verbose_name = _("search statistic")
        verbose_name_plural = _("search statistics")
        constraints = [
            models.UniqueConstraint(fields=["query", "language", "day"], name="search_querystat_unique_day"),
        ]
        indexes = [models.Index(fields=["day", "language"], name="search_querystat_day_lang")]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.day})"

    @classmethod
    def normalise(cls, query):
        return " ".join(query.lower().split())[:QUERY_MAX_LENGTH]

    @classmethod
    def record(cls, query, language, result_count):
        """Count one search; safe when two requests record the same query at once."""
        query = cls.normalise(query)
        if not query:
            return
        day = timezone.localdate()
        increments = {"hits": F("hits") + 1}
        if not result_count:
            increments["zero_result_hits"] = F("zero_result_hits") + 1
        rows = cls.objects.filter(query=query, language=language, day=day)
        if rows.update(**increments):
            return
        try:
            with transaction.atomic():
                cls.objects.create(
                    query=query, language=language, day=day, hits=1, zero_result_hits=0 if result_count else 1
                )
        except IntegrityError:
            rows.update(**increments)
