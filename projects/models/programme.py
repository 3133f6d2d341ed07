"""The Smart City programme page (phases, themes, news of the programme) and the OZG service
catalogue page ("x of y online"): the programme-level pages beside the portfolio."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from projects.api_fields import RepresentationListField
from projects.blocks import ProgrammePhaseBlock, ProgrammeThemeBlock
from website.blocks import BaseStreamBlock
from website.models import BasePage, NewsPage

from .pages import localized_objects
from .services import AdministrativeService
from .snippets import FundingProgramme, Organisation


class SmartCityProgrammePage(BasePage):
    """The Smart City model project "Smarte Grenzregion zwischen den Meeren".

    News: editors pick news items in the "News" panel; the page shows the latest
    of them that are published, in the page's language where a translation exists.
    """

    themes = StreamField([("theme", ProgrammeThemeBlock())], verbose_name=_("themes"), blank=True)
    phases = StreamField([("phase", ProgrammePhaseBlock())], verbose_name=_("phases"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    project = models.ForeignKey(
        "projects.ProjectPage",
        verbose_name=_("portfolio project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The project in the portfolio that carries out the programme."),
    )
    partners = ParentalManyToManyField(
        Organisation, verbose_name=_("partners"), blank=True, related_name="smart_city_programmes"
    )
    funding = ParentalManyToManyField(
        FundingProgramme, verbose_name=_("funding"), blank=True, related_name="smart_city_programmes"
    )

    parent_page_types = ["website.HomePage", "website.ContentPage", "projects.ProjectIndexPage"]
    subpage_types = ["website.ContentPage"]
    news_limit = 5

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("themes"),
        FieldPanel("phases"),
        FieldPanel("body"),
        FieldPanel("project"),
        FieldPanel("partners"),
        FieldPanel("funding"),
        InlinePanel("news_links", label=_("News")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("themes"), index.SearchField("body")]
    api_fields = [
        *BasePage.api_fields,
        APIField("themes"),
        APIField("phases"),
        APIField("body"),
        APIField("project"),
        APIField("partners", serializer=RepresentationListField()),
        APIField("funding", serializer=RepresentationListField()),
    ]
    override_translatable_fields = [
        SynchronizedField("project"),
        SynchronizedField("partners"),
        SynchronizedField("funding"),
    ]

    class Meta:
        verbose_name = _("Smart City programme page")
        verbose_name_plural = _("Smart City programme pages")

    def latest_news(self):
        keys = list(self.news_links.values_list("news__translation_key", flat=True))
        if not keys:
            return []
        candidates = NewsPage.objects.live().public().filter(translation_key__in=keys).select_related("image", "locale")
        chosen = {}
        for news in candidates:
            current = chosen.get(news.translation_key)
            if current is None or news.locale_id == self.locale_id:
                chosen[news.translation_key] = news
        items = sorted(chosen.values(), key=lambda news: (news.date, news.pk), reverse=True)
        return items[: self.news_limit]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partner_organisations"] = localized_objects(self.partners.all(), self.locale)
        context["funding_programmes"] = localized_objects(self.funding.all(), self.locale)
        context["latest_news"] = self.latest_news()
        project = self.project.localized if self.project_id else None
        context["programme_project"] = project if project and project.live else None
        return context


class SmartCityNewsLink(Orderable):
    programme = ParentalKey(SmartCityProgrammePage, on_delete=models.CASCADE, related_name="news_links")
    news = models.ForeignKey(
        "website.NewsPage", verbose_name=_("news item"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("news")]

    class Meta(Orderable.Meta):
        verbose_name = _("news link")
        verbose_name_plural = _("news links")


class ServiceCatalogPage(BasePage):
    """The OZG service catalogue: "x of y services online", overall and by topic area."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["website.HomePage", "website.ContentPage", "projects.ProjectIndexPage"]
    subpage_types = []
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    class Meta:
        verbose_name = _("OZG service catalogue page")
        verbose_name_plural = _("OZG service catalogue pages")

    def services(self):
        return AdministrativeService.objects.filter(locale_id=self.locale_id)

    def get_context(self, request, *args, **kwargs):
        from projects.views import service_catalog_context  # the views import these models

        context = super().get_context(request, *args, **kwargs)
        context.update(service_catalog_context(self, request))
        return context
