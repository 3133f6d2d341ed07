from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from website.api_fields import ImageRenditionsField, TranslationsField
from website.blocks import BaseStreamBlock, FeaturedSectionBlock
from website.feeds import NewsAtomFeed, NewsRssFeed


class BasePage(Page):
    """Fields, API basics and translation rules every page of the site shares.

    Text is translated; images, dates and other structured values are
    synchronised from the source page by wagtail-localize.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown under the title and in listings."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro", boost=2)]
    api_fields = [
        APIField("intro"),
        APIField("last_published_at"),
        APIField("translations", serializer=TranslationsField()),
    ]
    # The date ?date_from= / ?date_to= filter on in the API.
    api_date_field = "first_published_at"

    class Meta:
        abstract = True


class HomePage(BasePage):
    """The landing page of one language tree (one per locale)."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Leave empty only if the image is purely decorative."),
    )
    featured_sections = StreamField(
        [("section", FeaturedSectionBlock())],
        verbose_name=_("featured sections"),
        blank=True,
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    news_heading = models.CharField(_("news heading"), max_length=120, blank=True)
    cdo_contact = models.ForeignKey(
        "website.ContactPerson",
        verbose_name=_("contact of the Chief Digital Officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "website.ContentPage",
        "website.NewsIndexPage",
        "agenda.AgendaPage",
        "projects.ProjectIndexPage",
        "projects.SmartCityProgrammePage",
        "projects.ServiceCatalogPage",
        "agenda.ProgressPage",
        "opendata.OpenDataPage",
        "participation.NeedsSurveyPage",
    ]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")),
        FieldPanel("featured_sections"),
        FieldPanel("body"),
        FieldPanel("news_heading"),
        FieldPanel("cdo_contact"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [
        *BasePage.api_fields,
        APIField("hero_image"),
        APIField("hero_image_renditions", serializer=ImageRenditionsField(source="hero_image")),
        APIField("hero_image_alt"),
        APIField("featured_sections"),
        APIField("body"),
        APIField("news_heading"),
        APIField("cdo_contact"),
    ]
    override_translatable_fields = [SynchronizedField("hero_image")]

    class Meta:
        verbose_name = _("home page")

    def latest_news(self, limit=3):
        return (
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("image")
            .order_by("-date", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = list(self.latest_news())
        context["news_index"] = NewsIndexPage.objects.live().child_of(self).first()
        return context


class ContentPage(BasePage):
    """A general page built from blocks: about pages, programme pages, legal pages."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["website.HomePage", "website.ContentPage"]
    subpage_types = ["website.ContentPage"]

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    class Meta:
        verbose_name = _("content page")


class NewsIndexPage(RoutablePageMixin, BasePage):
    """Lists news items, newest first, and offers them as RSS and Atom feeds."""

    parent_page_types = ["website.HomePage"]
    subpage_types = ["website.NewsPage"]
    api_fields = BasePage.api_fields
    page_size = 10

    class Meta:
        verbose_name = _("news index page")

    def news_items(self):
        return NewsPage.objects.live().public().child_of(self).select_related("image").order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.news_items(), self.page_size)
        context["news_page"] = paginator.get_page(request.GET.get("page"))
        return context

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)


class NewsPage(BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required when an image is chosen."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["website.NewsIndexPage"]
    subpage_types = []
    api_date_field = "date"

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.FilterField("date")]
    api_fields = [
        *BasePage.api_fields,
        APIField("date"),
        APIField("image"),
        APIField("image_renditions", serializer=ImageRenditionsField(source="image")),
        APIField("image_alt"),
        APIField("body"),
    ]
    override_translatable_fields = [SynchronizedField("date"), SynchronizedField("image")]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Describe the image for people who cannot see it.")})
