"""Factory of the Open data page, registered for the page-type meta-test."""

import factory

from opendata.models import OpenDataPage
from tests.factories import WebsitePageFactory, publish, register_page_factory


class OpenDataPageFactory(WebsitePageFactory):
    title = "Offene Daten"
    slug = factory.Sequence(lambda n: f"offene-daten-{n}")
    intro = "Die Zahlen der Digitalen Agenda zum Herunterladen."

    class Meta:
        model = OpenDataPage


@register_page_factory(OpenDataPage)
def build_open_data_page(home):
    return OpenDataPage.objects.child_of(home).first() or publish(OpenDataPageFactory(parent=home))
