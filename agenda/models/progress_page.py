"""The public "Progress" dashboard (Fortschritt) of the Digital Agenda.

The page only holds its introduction and the length of the "recently changed"
window; every figure is computed at request time by ``agenda.reports`` (the same
figures the HTML and PDF council report use), so the page never shows stale numbers.

The public page counts **published** measures and projects only; the admin report
(menu "Reports") also counts unpublished ones.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail_localize.fields import SynchronizedField

from agenda.charts import report_charts
from agenda.reports import build_report, source_home_for_page
from website.models.pages import BasePage

# Registers the admin "Reports" menu item and URLs (kept next to the report code).


class ProgressPage(BasePage):
    """Measures by status, share implemented, overdue and recently changed measures per topic field,
    portfolio projects by status and OZG services online — as charts with data tables."""

    recent_days = models.PositiveSmallIntegerField(
        _("“recently changed” window (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("Measures with a progress update in this many days count as recently changed."),
    )

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("recent_days")]
    api_fields = [*BasePage.api_fields, APIField("recent_days")]
    override_translatable_fields = [SynchronizedField("recent_days")]

    class Meta:
        verbose_name = _("progress page")
        verbose_name_plural = _("progress pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        report = build_report(
            source_home_for_page(self),
            as_of=timezone.localdate(),
            recent_days=self.recent_days,
            request=request,
        )
        context.update(report=report, charts=report_charts(report))
        return context
