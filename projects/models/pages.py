"""Portfolio pages, the Smart City programme page and the OZG service catalogue page."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from projects.api_fields import ChoiceLabelField, RepresentationField, RepresentationListField
from website.blocks import BaseStreamBlock
from website.models import BasePage

from .snippets import FundingProgramme, Organisation


class ProjectStatus(models.TextChoices):
    # A context keeps these apart from Wagtail's own "Live" (= published).
    IDEA = "idea", pgettext_lazy("project status", "Idea")
    PLANNED = "planned", pgettext_lazy("project status", "Planned")
    PILOT = "pilot", pgettext_lazy("project status", "Pilot")
    LIVE = "live", pgettext_lazy("project status", "Live")
    COMPLETED = "completed", pgettext_lazy("project status", "Completed")
    STOPPED = "stopped", pgettext_lazy("project status", "Stopped")


def localized_objects(objects, locale):
    """Replace translatable snippets by their translation in `locale`, where one exists.

    Wagtail copies many-to-many links unchanged when a page is translated, so a
    Danish project still points at the German partner snippets. One query per
    call, whatever the number of objects.
    """
    objects = list(objects)
    if not objects or locale is None:
        return objects
    model = type(objects[0])
    keys = [obj.translation_key for obj in objects if obj.locale_id != locale.pk]
    if not keys:
        return objects
    translations = {
        obj.translation_key: obj for obj in model.objects.filter(translation_key__in=keys, locale_id=locale.pk)
    }
    return [translations.get(obj.translation_key, obj) for obj in objects]


def localized_pages(pages, locale):
    """Pages in `locale` where a live translation exists (one query), else the pages themselves."""
    pages = list(pages)
    keys = [page.translation_key for page in pages if page.locale_id != locale.pk]
    if not keys:
        return pages
    model = type(pages[0])
    translations = {
        page.translation_key: page
        for page in model.objects.live().public().filter(translation_key__in=keys, locale_id=locale.pk)
    }
    return [translations.get(page.translation_key, page) for page in pages]


class ProjectPageQuerySet(PageQuerySet):
    def with_status(self, *statuses):
        return self.filter(status__in=statuses)

    def by_status(self):
        """Number of projects per status, every status listed in lifecycle order (one query).

        Returns ``[{"status": "live", "label": "Live", "count": 3}, …]``.
        """
        counts = dict(self.order_by().values_list("status").annotate(count=Count("pk")))
        return [
            {"status": value, "label": label, "count": counts.get(value, 0)} for value, label in ProjectStatus.choices
        ]

    def for_listing(self):
        """What a portfolio card shows, without a query per project."""
        return self.select_related("contact").prefetch_related("funding", "partners", "topic_fields")


ProjectPageManager = PageManager.from_queryset(ProjectPageQuerySet)


class ProjectIndexPage(BasePage):
    """The project portfolio: every project of the city, filterable by status, topic field and funding."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["website.HomePage", "website.ContentPage"]
    subpage_types = ["projects.ProjectPage"]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]
    page_size = 20

    class Meta:
        verbose_name = _("project portfolio")
        verbose_name_plural = _("project portfolios")

    def projects(self):
        return ProjectPage.objects.live().public().child_of(self).for_listing().order_by("title", "pk")

    def get_context(self, request, *args, **kwargs):
        from projects.views import portfolio_context  # the views import these models

        context = super().get_context(request, *args, **kwargs)
        context.update(portfolio_context(self, request))
        return context


class ProjectPage(BasePage):
    """One project of the portfolio (Bürgerportal, chatbot pilot, OZG implementation, …)."""

    summary = models.TextField(
        _("summary"),
        max_length=1000,
        blank=True,
        help_text=_("What the project does and for whom, in a few sentences."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.IDEA)
    phase = models.CharField(
        _("phase"), max_length=200, blank=True, help_text=_("The current phase in words, e.g. “Tender”.")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    responsible_unit = models.CharField(_("responsible unit"), max_length=200, blank=True)
    contact = models.ForeignKey(
        "website.ContactPerson",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    budget = models.DecimalField(
        _("budget (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    funding = ParentalManyToManyField(FundingProgramme, verbose_name=_("funding"), blank=True, related_name="projects")
    partners = ParentalManyToManyField(Organisation, verbose_name=_("partners"), blank=True, related_name="projects")
    topic_fields = ParentalManyToManyField(
        "agenda.TopicFieldPage",
        verbose_name=_("topic fields"),
        blank=True,
        related_name="portfolio_projects",
        help_text=_("The topic fields of the Digital Agenda this project belongs to."),
    )
    reuses_efa_solution = models.BooleanField(
        _("reuses an “Einer für Alle” solution"),
        default=False,
        help_text=_("The project adopts an online service another state built for all (EfA)."),
    )

    objects = ProjectPageManager()

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("phase"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("reuses_efa_solution"),
            ],
            heading=_("Status and dates"),
        ),
        MultiFieldPanel(
            [FieldPanel("responsible_unit"), FieldPanel("contact")],
            heading=_("Responsibility"),
        ),
        MultiFieldPanel(
            [FieldPanel("budget"), FieldPanel("funding"), FieldPanel("partners"), FieldPanel("topic_fields")],
            heading=_("Budget, funding and partners"),
        ),
        InlinePanel("milestones", label=_("Milestones")),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("responsible_unit"),
        index.FilterField("status"),
    ]
    api_date_field = "start_date"  # ?date_from= / ?date_to= in the API
    api_fields = [
        *BasePage.api_fields,
        APIField("summary"),
        APIField("status"),
        APIField("status_label", serializer=ChoiceLabelField("status")),
        APIField("phase"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("responsible_unit"),
        APIField("budget"),
        APIField("reuses_efa_solution"),
        APIField("contact", serializer=RepresentationField()),
        APIField("funding", serializer=RepresentationListField()),
        APIField("partners", serializer=RepresentationListField()),
        APIField("milestones"),
        APIField("topic_fields", serializer=RepresentationListField(source="topic_field_links")),
        APIField("measures", serializer=RepresentationListField(source="measure_links")),
        APIField("body"),
    ]
    override_translatable_fields = [
        SynchronizedField("status"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("budget"),
        SynchronizedField("contact"),
        SynchronizedField("funding"),
        SynchronizedField("partners"),
        SynchronizedField("topic_fields"),
        SynchronizedField("reuses_efa_solution"),
    ]

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(budget__isnull=True) | models.Q(budget__gte=0),
                name="projects_projectpage_budget_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="projects_projectpage_dates_in_order",
            ),
        ]

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    def implemented_measures(self):
        """Measures of the Digital Agenda in this page's language that this project implements.

        The agenda app links them. `MeasurePage.projects` is synchronised by wagtail-localize, so a
        measure's translations link the same (German) project pages as the measure itself: the
        measures are found by the project's translation key, not by this page's id.
        """
        measures = getattr(self, "measures", None)
        if measures is None:
            return []
        return list(
            measures.model.objects.live()
            .public()
            .filter(locale_id=self.locale_id, projects__translation_key=self.translation_key)
            .distinct()
            .order_by("title")
        )

    def topic_field_links(self):
        return [_PageLink(page) for page in self.topic_fields.all()]

    def measure_links(self):
        """The implemented measures as the API shows them."""
        return [_PageLink(measure) for measure in self.implemented_measures()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["milestones"] = list(self.milestones.all())
        context["funding_programmes"] = localized_objects(self.funding.all(), self.locale)
        context["partner_organisations"] = localized_objects(self.partners.all(), self.locale)
        context["contact"] = (
            self.contact.localized if self.contact_id and hasattr(self.contact, "localized") else self.contact
        )
        context["measures"] = self.implemented_measures()
        context["topic_field_pages"] = localized_pages(self.topic_fields.live().public(), self.locale)
        context["portfolio"] = self.get_parent().specific if self.get_parent() else None
        return context


class _PageLink:
    """A page as a short link in API output."""

    def __init__(self, page):
        self.page = page

    def api_representation(self):
        return {"id": self.page.pk, "title": self.page.title, "url": self.page.get_url()}


class ProjectMilestone(TranslatableMixin, Orderable):
    """A dated step of a project; translatable, so its title follows the page into da/en."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=255)
    date = models.DateField(_("date"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)

    panels = [FieldPanel("title"), FieldRowPanel([FieldPanel("date"), FieldPanel("done")])]
    api_fields = [APIField("title"), APIField("date"), APIField("done")]
    override_translatable_fields = [SynchronizedField("date"), SynchronizedField("done")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title
