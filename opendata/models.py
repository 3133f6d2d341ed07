"""The public "Open data" page and the per-site open data settings (licence, contact, region)."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Site
from wagtail.search import index

from agenda.reports import source_home
from website.blocks import BaseStreamBlock
from website.models.pages import BasePage

from .datasets import all_datasets
from .export import FORMATS
from .files import export_context

#: Licences of the DCAT-AP.de vocabulary an editor is likely to pick: URI → (name, human-readable text).
KNOWN_LICENCES = {
    "http://dcat-ap.de/def/licenses/dl-by-de/2.0": (
        "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)",
        "https://www.govdata.de/dl-de/by-2-0",
    ),
    "http://dcat-ap.de/def/licenses/dl-zero-de/2.0": (
        "Datenlizenz Deutschland – Zero – Version 2.0 (dl-de/zero-2-0)",
        "https://www.govdata.de/dl-de/zero-2-0",
    ),
    "http://dcat-ap.de/def/licenses/cc-by/4.0": (
        "Creative Commons Namensnennung 4.0 International (CC BY 4.0)",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    "http://dcat-ap.de/def/licenses/cc-zero": (
        "Creative Commons Zero 1.0 (CC0 1.0)",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    ),
}


@register_setting(icon="download")
class OpenDataSettings(BaseSiteSetting):
    """What the DCAT-AP.de catalogue says about this site's data. Empty fields fall back to defaults."""

    licence = models.URLField(
        _("licence"),
        blank=True,
        help_text=_(
            "URI of the licence from the DCAT-AP.de vocabulary. Empty: the OPEN_DATA_LICENSE setting "
            "(default: Datenlizenz Deutschland – Namensnennung 2.0)."
        ),
    )
    contact_email = models.EmailField(
        _("contact e-mail for open data"),
        blank=True,
        help_text=_("Shown as the contact point of every dataset. Empty: the e-mail of the site settings."),
    )
    municipality_key = models.CharField(
        _("official municipality key"),
        max_length=12,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{8}([0-9]{4})?\Z", _("Enter the 8-digit AGS or the 12-digit ARS."))],
        help_text=_("Amtlicher Gemeindeschlüssel (8 digits, Flensburg: 01001000), used for the geocoding."),
    )

    contributor_id = models.URLField(
        _("GovData contributor ID"),
        blank=True,
        help_text=_(
            "URI of the publishing body in the DCAT-AP.de contributor list "
            "(http://dcat-ap.de/def/contributors/…), needed when GovData harvests the catalogue."
        ),
    )

    panels = [
        FieldPanel("licence"),
        FieldPanel("contact_email"),
        FieldPanel("municipality_key"),
        FieldPanel("contributor_id"),
    ]

    class Meta:
        verbose_name = _("open data settings")

    @property
    def licence_uri(self):
        return self.licence or settings.OPEN_DATA_LICENSE


def licence_for(site):
    return OpenDataSettings.for_site(site).licence_uri


def licence_info(uri):
    """{"uri", "name", "url"} of a licence; unknown URIs are shown as they are."""
    name, url = KNOWN_LICENCES.get(uri, (uri, uri))
    return {"uri": uri, "name": name, "url": url}


class OpenDataPage(BasePage):
    """The public list of the site's open datasets with formats, licence and download links."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    class Meta:
        verbose_name = _("open data page")
        verbose_name_plural = _("open data pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(open_data_page_context(request, self))
        return context


def open_data_page_context(request, page):
    """What the Open data page lists: every dataset with its links, last change and columns."""
    language = page.locale.language_code
    site = page.get_site() or Site.find_for_request(request)
    home = source_home(site.root_page) if site else None
    ctx = export_context(home, language, request=request) if home else None
    datasets = []
    for dataset in all_datasets():
        links = [
            {
                "format": fmt.upper(),
                "url": reverse("opendata:download", args=[dataset.key, fmt]) + f"?lang={language}",
            }
            for fmt in FORMATS
        ]
        datasets.append(
            {
                "key": dataset.key,
                "title": dataset.title,
                "description": dataset.description,
                "history": dataset.history,
                "columns": dataset.columns,
                "links": links,
                "modified": dataset.modified(ctx) if ctx else None,
            }
        )
    licence = OpenDataSettings.for_site(site).licence_uri if site else None
    return {
        "datasets": datasets,
        "licence": licence_info(licence) if licence else None,
        "catalog_url": reverse("opendata:catalog"),
        "example_as_of": reverse("opendata:download", args=["measures", "csv"]) + f"?lang={language}&as_of=2025-06-30",
    }
