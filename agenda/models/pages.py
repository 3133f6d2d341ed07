"""Pages of the Digital Agenda: the agenda, its topic fields and their measures.

Why measures are pages and not snippets (STYLE.md: "pages for what has a public
URL and an editorial life"):

- every measure has a public detail page that citizens and council members link to;
- measures need revisions, wagtail-localize translation (de/da/en) and Wagtail's
  moderation workflow (a topic sponsor proposes, an editor approves);
- the decisive point: Wagtail grants page permissions per subtree. A topic
  sponsor's group gets "add" and "edit" (not "publish") on *their* topic field
  page only, so they can propose and edit measures of their field, and their
  proposals go through the moderation workflow an editor approves. Snippets only
  know model-wide permissions, which cannot express "only my topic field".

The tree is ``HomePage → AgendaPage → TopicFieldPage → MeasurePage``.

Translation rule (as in ``BasePage``): text is translated; status, percentage,
dates, cost, effort, tags, priority class and foreign keys are synchronised
from the source (German) page.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from agenda.origins import origin_counts
from website.blocks import BaseStreamBlock
from website.models.pages import BasePage

from .measures import (  # noqa: F401  (re-exported: the agenda's public model names)
    ALLOWED_TRANSITIONS,
    OPEN_STATUSES,
    STATUSES_WITH_REASON,
    Effort,
    MeasurePage,
    MeasurePageQuerySet,
    MeasurePageTag,
    PriorityClass,
    transition_allowed,
)
from .status import MeasureStatus

# ---------------------------------------------------------------------------


class AgendaPage(BasePage):
    """The Digital Agenda: purpose, process phases as a dated timeline, its topic fields."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["website.HomePage"]
    subpage_types = ["agenda.TopicFieldPage", "participation.CityDialoguePage", "participation.NeedsSurveyPage"]
    max_count_per_parent = 1

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        InlinePanel("phases", heading=_("Process phases"), label=_("Phase")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [
        *BasePage.api_fields,
        APIField("body"),
        APIField("phases"),
        APIField("current_phase_id"),
    ]

    class Meta:
        verbose_name = _("agenda page")

    def topic_fields(self):
        return TopicFieldPage.objects.live().public().child_of(self).order_by("path")

    def current_phase(self, today=None):
        """The phase running today; otherwise the last one that has started."""
        today = today or timezone.localdate()
        phases = sorted(self.phases.all(), key=lambda p: (p.starts_on, p.sort_order or 0))
        started = [p for p in phases if p.starts_on <= today]
        running = [p for p in started if p.ends_on is None or p.ends_on >= today]
        if running:
            return running[-1]
        return started[-1] if started else None

    @property
    def current_phase_id(self):
        phase = self.current_phase()
        return phase.pk if phase else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        topic_fields = list(self.topic_fields())
        measures = MeasurePage.objects.live().public().descendant_of(self)
        counts = measures.status_counts()
        kind_counts, with_origin = origin_counts(measures.only("translation_key"))
        context.update(
            origin_counts=kind_counts,
            measures_with_origin=with_origin,
            topic_fields=topic_fields,
            phases=list(self.phases.all()),
            current_phase=self.current_phase(),
            status_counts=status_count_rows(counts),
            measure_total=sum(counts.values()),
        )
        return context


class AgendaPhase(TranslatableMixin, Orderable):
    """One dated step of the agenda process (needs assessment, project approaches, adoption, …).

    Translatable, so its title and wording follow the agenda page into da/en; the dates are
    synchronised from the source page.
    """

    page = ParentalKey(AgendaPage, on_delete=models.CASCADE, related_name="phases")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True, help_text=_("Leave empty for open-ended phases."))
    date_label = models.CharField(
        _("date label"),
        max_length=100,
        blank=True,
        help_text=_("Optional wording of the dates, e.g. “until mid-2021”. Shown instead of the dates."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("date_label"),
    ]
    api_fields = [APIField(name) for name in ("title", "description", "starts_on", "ends_on", "date_label")]
    override_translatable_fields = [SynchronizedField("starts_on"), SynchronizedField("ends_on")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("process phase")
        verbose_name_plural = _("process phases")

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date must not be before the start date.")})


# ---------------------------------------------------------------------------
# Topic field
# ---------------------------------------------------------------------------


class TopicFieldPage(BasePage):
    """A topic field (Themenfeld) with its goals, sponsors and work programme of measures."""

    description = RichTextField(_("description"), blank=True)
    long_term_goals = RichTextField(
        _("long-term development goals"),
        blank=True,
        help_text=_("The municipal development goals this topic field serves."),
    )

    parent_page_types = ["agenda.AgendaPage"]
    subpage_types = ["agenda.MeasurePage"]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("description"),
        FieldPanel("long_term_goals"),
        InlinePanel("sponsors", heading=_("Topic sponsors"), label=_("Topic sponsor")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("long_term_goals"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("description"),
        APIField("long_term_goals"),
        APIField("sponsors"),
        APIField("key_figures"),
    ]

    class Meta:
        verbose_name = _("topic field page")

    def measures(self):
        """Published measures of this field, in priority order (the work programme)."""
        return MeasurePage.objects.live().public().child_of(self).ranked()

    @property
    def key_figures(self):
        counts = MeasurePage.objects.live().public().child_of(self).status_counts()
        return key_figures(counts)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        measures = list(self.measures().prefetch_related("tags"))
        counts = {}
        for measure in measures:
            counts[measure.status] = counts.get(measure.status, 0) + 1
        kind_counts, with_origin = origin_counts(measures)
        context.update(
            origin_counts=kind_counts,
            measures_with_origin=with_origin,
            measure_total=len(measures),
            measures=measures,
            sponsors=[s for s in self.sponsors.select_related("contact__photo") if s.contact_id],
            status_counts=status_count_rows(counts),
            figures=key_figures(counts),
        )
        return context


class TopicFieldSponsor(Orderable):
    page = ParentalKey(TopicFieldPage, on_delete=models.CASCADE, related_name="sponsors")
    contact = models.ForeignKey(
        "website.ContactPerson",
        verbose_name=_("contact person"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("contact")]
    api_fields = [APIField("contact")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic sponsor")
        verbose_name_plural = _("topic sponsors")


def status_count_rows(counts):
    """[(status value, label, count)] in lifecycle order, for templates and tables."""
    return [(value, label, counts.get(value, 0)) for value, label in MeasureStatus.choices]


def key_figures(counts):
    total = sum(counts.values())
    implemented = counts.get(MeasureStatus.IMPLEMENTED, 0)
    return {
        "total": total,
        "implemented": implemented,
        "share_implemented": round(100 * implemented / total) if total else 0,
        "by_status": {value: counts.get(value, 0) for value in MeasureStatus.values},
    }


# ---------------------------------------------------------------------------
