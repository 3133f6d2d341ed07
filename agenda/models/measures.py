"""Measures (Maßnahmen): the page, its lifecycle (statuses and allowed transitions) and the
queryset the backlog, the council dashboard, the report and the API build on
(``source_locale``, ``with_topic_field``, ``with_scores``, ``ranked``, ``as_of`` …).

A measure's parent is always a topic field page; the queryset reads the parent from the
page tree, so this module needs nothing from ``agenda.models.pages``.
"""

from decimal import Decimal

from rest_framework import serializers

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from agenda.language import default_language_code
from agenda.origins import OriginsAPIField
from website.models.pages import BasePage

from .progress import MeasureProgressUpdate
from .querysets import MeasurePageManager, MeasurePageQuerySet  # noqa: F401  (re-exported)
from .status import (  # noqa: F401  (re-exported: the lifecycle names)
    ALLOWED_TRANSITIONS,
    OPEN_STATUSES,
    STATUSES_WITH_REASON,
    Effort,
    MeasureStatus,
    PriorityClass,
    transition_allowed,
)


class MeasurePageTag(TaggedItemBase):
    content_object = ParentalKey("agenda.MeasurePage", on_delete=models.CASCADE, related_name="tagged_items")


class MeasurePage(BasePage):
    """A measure (Maßnahme / Handlungsempfehlung) of one topic field."""

    problem = models.TextField(_("problem or need"), blank=True)
    solution_idea = models.TextField(_("solution idea"), blank=True)
    expected_benefit = models.TextField(_("expected benefit"), blank=True)
    responsible_unit = models.CharField(_("responsible unit"), max_length=200, blank=True)
    cost_estimate = models.DecimalField(
        _("cost estimate (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    effort = models.CharField(_("effort"), max_length=20, choices=Effort.choices, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MeasureStatus.choices, default=MeasureStatus.PROPOSED)
    status_reason = models.TextField(
        _("public reason for the status"),
        blank=True,
        help_text=_("Required when the measure is deferred or rejected; shown publicly."),
    )
    percent_done = models.PositiveSmallIntegerField(
        _("percentage done"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    tags = ClusterTaggableManager(through=MeasurePageTag, blank=True, verbose_name=_("tags"))
    priority_class = models.CharField(
        _("pinned priority class"),
        max_length=1,
        choices=PriorityClass.choices,
        blank=True,
        help_text=_("Set only to override the computed ranking; a reason is required."),
    )
    priority_reason = models.TextField(_("reason for the priority class"), blank=True)
    projects = ParentalManyToManyField(
        "projects.ProjectPage",
        verbose_name=_("implementing projects"),
        related_name="measures",
        blank=True,
        help_text=_("Portfolio projects of the same site that implement this measure."),
    )

    objects = MeasurePageManager()

    parent_page_types = ["agenda.TopicFieldPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("problem"),
        FieldPanel("solution_idea"),
        FieldPanel("expected_benefit"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_reason"), FieldPanel("percent_done")],
            heading=_("Status and progress"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start_date"), FieldPanel("target_date"), FieldPanel("end_date")])],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [FieldPanel("responsible_unit"), FieldPanel("cost_estimate"), FieldPanel("effort")],
            heading=_("Implementation"),
        ),
        FieldPanel("tags"),
        FieldPanel("projects"),
        MultiFieldPanel(
            [FieldPanel("priority_class"), FieldPanel("priority_reason")],
            heading=_("Priority"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("problem"),
        index.SearchField("solution_idea"),
        index.SearchField("expected_benefit"),
        index.FilterField("status"),
    ]
    api_date_field = "target_date"  # ?date_from= / ?date_to= in the API
    api_fields = [
        *BasePage.api_fields,
        APIField("status"),
        APIField("status_label", serializer=serializers.CharField(source="get_status_display")),
        APIField("status_reason"),
        APIField("percent_done"),
        APIField("problem"),
        APIField("solution_idea"),
        APIField("expected_benefit"),
        APIField("responsible_unit"),
        APIField("cost_estimate"),
        APIField("effort"),
        APIField("start_date"),
        APIField("target_date"),
        APIField("end_date"),
        APIField("tag_names"),
        APIField("priority_class"),
        APIField("priority_reason"),
        APIField("score"),
        APIField("topic_field", serializer=serializers.JSONField(source="topic_field_summary", read_only=True)),
        APIField("project_links"),
        APIField("origins", serializer=OriginsAPIField()),
    ]
    override_translatable_fields = [
        SynchronizedField("status"),
        SynchronizedField("percent_done"),
        SynchronizedField("start_date"),
        SynchronizedField("target_date"),
        SynchronizedField("end_date"),
        SynchronizedField("cost_estimate"),
        SynchronizedField("effort"),
        SynchronizedField("tags"),
        SynchronizedField("priority_class"),
        SynchronizedField("projects"),
    ]

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        permissions = [
            ("view_backlog", _("Can view the measures backlog and reports")),
            ("rate_measure", _("Can rate measures on the prioritisation criteria")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent_done__gte=0) & Q(percent_done__lte=100),
                name="agenda_measure_percent_0_100",
            ),
        ]

    # -- derived values ------------------------------------------------------

    @property
    def tag_names(self):
        return sorted(tag.name for tag in self.tags.all())

    @property
    def score(self):
        """Total score 0–100, rounded; uses the annotation when the queryset had ``with_scores()``."""
        value = getattr(self, "total_score", None)
        if value is None:
            value = MeasurePage.objects.filter(pk=self.pk).with_scores().values_list("total_score", flat=True).first()
        return round(value or 0, 1)

    @property
    def topic_field(self):
        return self.get_parent().specific

    @property
    def topic_field_summary(self):
        """{"id", "title"} of the parent topic field; free with ``with_topic_field()``."""
        if hasattr(self, "topic_field_id"):
            return {"id": self.topic_field_id, "title": self.topic_field_title}
        parent = self.get_parent()
        return {"id": parent.pk, "title": parent.title}

    def source_page(self):
        """The page in the default language that the progress log and ratings point at."""
        if self.locale.language_code == default_language_code():
            return self
        return MeasurePage.objects.filter(translation_key=self.translation_key).source_locale().first() or self

    def is_source(self):
        return self.locale.language_code == default_language_code()

    def previous_status(self):
        """The status the editor started from: the latest revision's, else the stored one."""
        if not self.pk:
            return None
        if self.latest_revision_id:
            from wagtail.models import Revision

            content = Revision.objects.filter(pk=self.latest_revision_id).values_list("content", flat=True).first()
            if content and content.get("status"):
                return content["status"]
        return MeasurePage.objects.filter(pk=self.pk).values_list("status", flat=True).first()

    # -- validation ----------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date:
            if self.target_date and self.target_date < self.start_date:
                errors["target_date"] = _("The target date must not be before the start date.")
            if self.end_date and self.end_date < self.start_date:
                errors["end_date"] = _("The end date must not be before the start date.")
        if self.percent_done is not None and not 0 <= self.percent_done <= 100:
            errors["percent_done"] = _("The percentage must be between 0 and 100.")
        if self.status in STATUSES_WITH_REASON and not (self.status_reason or "").strip():
            errors["status_reason"] = _("A deferred or rejected measure needs a public reason.")
        if self.priority_class and not (self.priority_reason or "").strip():
            errors["priority_reason"] = _("Pinning a priority class needs a reason.")
        # Translations receive status from their source page; only the source is checked.
        if self.status and (self.locale_id is None or self.is_source()):
            previous = self.previous_status()
            if not transition_allowed(previous, self.status):
                errors["status"] = _("A measure cannot move from “%(old)s” to “%(new)s”.") % {
                    "old": MeasureStatus(previous).label,
                    "new": MeasureStatus(self.status).label,
                }
        errors.update(self.clean_projects())
        if errors:
            raise ValidationError(errors)

    def clean_projects(self):
        """A measure may only link projects of its own Site (each municipality runs its own site)."""
        if not self.path or len(self.path) <= Page.steplen:
            return {}
        parent = Page.objects.filter(path=self.path[: -Page.steplen]).first()
        site = parent.get_site() if parent else None
        if site is None:
            return {}
        foreign = [project.title for project in self.projects.all() if project.get_site() != site]
        if foreign:
            return {
                "projects": _("These projects belong to another site and cannot be linked: %(titles)s")
                % {"titles": ", ".join(foreign)}
            }
        return {}

    @property
    def project_links(self):
        return [
            {"id": project.pk, "title": project.title, "url": project.get_full_url(), "status": project.status}
            for project in self.projects.all()
        ]

    # -- rendering -------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["progress_updates"] = list(
            MeasureProgressUpdate.objects.for_measure(self).select_related(None).order_by("-changed_at", "-pk")
        )
        context["topic_field"] = self.get_parent()
        context["score"] = self.score
        context["tags"] = self.tag_names
        context["projects"] = self.localized_projects()
        return context

    def localized_projects(self):
        """Linked projects in this page's language where a live translation exists (two queries)."""
        projects = list(self.projects.all().order_by("title"))
        if not projects:
            return []
        model = type(projects[0])
        translations = {
            p.translation_key: p
            for p in model.objects.live()
            .public()
            .filter(locale_id=self.locale_id, translation_key__in=[p.translation_key for p in projects])
        }
        return [translations.get(p.translation_key, p) for p in projects if p.live or p.translation_key in translations]
