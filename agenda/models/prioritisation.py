"""Prioritisation: weighted criteria, per-measure ratings and scoring settings.

The score itself is computed in SQL by ``MeasurePage.objects.with_scores()``
(see its docstring for the formula), so no stored score can go stale.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from agenda.language import default_language_code

RATING_MIN = 0
RATING_MAX = 5


class PrioritisationCriterion(TranslatableMixin, models.Model):
    """A criterion measures are rated on (need, feasibility, cost, goals, quick win …).

    Name and description are translated; weight and order are synchronised.
    Ratings always point at the criterion in the default language.
    """

    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0)],
        help_text=_("Relative importance (0 or more). At least one criterion needs a weight above 0."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("weight"), FieldPanel("sort_order")]
    override_translatable_fields = [SynchronizedField("weight"), SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("prioritisation criterion")
        verbose_name_plural = _("prioritisation criteria")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(weight__gte=0), name="agenda_criterion_weight_not_negative"),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def source_criteria(cls):
        return cls.objects.filter(locale__language_code=default_language_code()).order_by("sort_order", "pk")

    def clean(self):
        super().clean()
        if self.weight is not None and self.weight < 0:
            raise ValidationError({"weight": _("The weight must not be negative.")})
        if self.weight == 0:
            others = PrioritisationCriterion.objects.filter(weight__gt=0)
            if self.translation_key:
                others = others.exclude(translation_key=self.translation_key)
            if not others.exists():
                raise ValidationError({"weight": _("At least one criterion must have a weight above 0.")})


class MeasureRating(models.Model):
    """One rating (0–5) of a measure on a criterion; both point at their default-language objects."""

    measure = models.ForeignKey(
        "agenda.MeasurePage", verbose_name=_("measure"), on_delete=models.CASCADE, related_name="ratings"
    )
    criterion = models.ForeignKey(
        PrioritisationCriterion, verbose_name=_("criterion"), on_delete=models.CASCADE, related_name="ratings"
    )
    value = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(RATING_MIN), MaxValueValidator(RATING_MAX)]
    )
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rated_at = models.DateTimeField(_("rated at"), auto_now=True)

    class Meta:
        verbose_name = _("measure rating")
        verbose_name_plural = _("measure ratings")
        constraints = [
            models.UniqueConstraint(fields=["measure", "criterion"], name="agenda_rating_unique_per_criterion"),
            models.CheckConstraint(
                condition=Q(value__gte=RATING_MIN) & Q(value__lte=RATING_MAX), name="agenda_rating_value_0_5"
            ),
        ]

    def __str__(self):
        return f"{self.measure_id} / {self.criterion_id}: {self.value}"


@register_setting(icon="order")
class ScoringSettings(BaseGenericSetting):
    """How much the participation demand signal counts in a measure's total score."""

    demand_share = models.DecimalField(
        _("share of the demand signal"),
        max_digits=3,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_(
            "0 to 1. Total score = rating score × (1 − share) + demand score × share. "
            "The demand score (0 to 100) grows with the support citizens give to the ideas "
            "linked to the measure."
        ),
    )

    panels = [FieldPanel("demand_share")]

    class Meta:
        verbose_name = _("prioritisation settings")
