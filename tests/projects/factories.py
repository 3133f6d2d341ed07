import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from wagtail.models import Locale

from projects.models import (
    AdministrativeService,
    FundingProgramme,
    Organisation,
    ProjectIndexPage,
    ProjectMilestone,
    ProjectPage,
    ServiceCatalogPage,
    SmartCityProgrammePage,
)
from tests.factories import WebsitePageFactory, publish, register_page_factory


class FundingProgrammeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Digitale Modellkommune SH {n}")
    funder = "Land Schleswig-Holstein"
    amount = Decimal("100000.00")
    period_start = datetime.date(2020, 11, 1)
    period_end = datetime.date(2022, 6, 30)
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = FundingProgramme


class OrganisationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kreis Schleswig-Flensburg {n}")
    kind = Organisation.Kind.DISTRICT
    country = Organisation.Country.GERMANY
    website = "https://www.schleswig-flensburg.de/"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Organisation


class AdministrativeServiceFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Anwohnerparkausweis beantragen {n}")
    leika_key = factory.Sequence(lambda n: f"99{n:012d}")
    topic_area = "mobility_travel"
    responsible_level = "municipal"
    online_status = "online"
    online_service_url = "https://example.org/anwohnerparken"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = AdministrativeService


class ProjectIndexPageFactory(WebsitePageFactory):
    title = "Projekte"
    slug = factory.Sequence(lambda n: f"projekte-{n}")
    intro = "Alle Digitalisierungsprojekte der Stadt Flensburg auf einen Blick."

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(WebsitePageFactory):
    title = factory.Sequence(lambda n: f"Bürgerportal {n}")
    summary = "Ein Portal, über das Bürgerinnen, Bürger und Unternehmen Leistungen der Stadt online beantragen."
    status = "live"
    phase = "Betrieb"
    start_date = datetime.date(2020, 1, 1)
    end_date = datetime.date(2022, 12, 31)
    responsible_unit = "Stabsstelle E-Government und Digitalisierung"
    budget = Decimal("250000.00")

    class Meta:
        model = ProjectPage


class ProjectMilestoneFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Meilenstein {n}")
    date = datetime.date(2021, 6, 1)
    done = True

    class Meta:
        model = ProjectMilestone


class SmartCityProgrammePageFactory(WebsitePageFactory):
    title = "Smarte Grenzregion zwischen den Meeren"
    slug = factory.Sequence(lambda n: f"smarte-grenzregion-{n}")
    themes = factory.LazyFunction(
        lambda: [("theme", {"title": "Grüne Energie und vernetzte Mobilität", "description": "Energie und Wege."})]
    )
    phases = factory.LazyFunction(
        lambda: [
            (
                "phase",
                {
                    "title": "Strategiephase",
                    "start_date": datetime.date(2021, 9, 1),
                    "end_date": datetime.date(2022, 12, 31),
                    "description": "",
                },
            )
        ]
    )

    class Meta:
        model = SmartCityProgrammePage


class ServiceCatalogPageFactory(WebsitePageFactory):
    title = "Online-Leistungen nach dem OZG"
    slug = factory.Sequence(lambda n: f"ozg-leistungen-{n}")

    class Meta:
        model = ServiceCatalogPage


def build_project(parent, *, funding=(), partners=(), milestones=0, **kwargs):
    """A published project with its many-to-many links and milestones."""
    project = ProjectPageFactory.build(**kwargs)
    project.funding.set(funding)
    project.partners.set(partners)
    for number in range(milestones):
        project.milestones.add(ProjectMilestone(title=f"Meilenstein {number}", date=datetime.date(2021, 6, 1)))
    parent.add_child(instance=project)
    return publish(project)


@register_page_factory(ProjectIndexPage)
def build_project_index_page(home):
    return publish(ProjectIndexPageFactory(parent=home))


@register_page_factory(ProjectPage)
def build_project_page(home):
    index = ProjectIndexPage.objects.child_of(home).first() or build_project_index_page(home)
    return build_project(index, funding=[FundingProgrammeFactory()], partners=[OrganisationFactory()], milestones=2)


@register_page_factory(SmartCityProgrammePage)
def build_smart_city_programme_page(home):
    page = SmartCityProgrammePageFactory.build()
    page.partners.set([OrganisationFactory()])
    page.funding.set([FundingProgrammeFactory()])
    home.add_child(instance=page)
    return publish(page)


@register_page_factory(ServiceCatalogPage)
def build_service_catalog_page(home):
    AdministrativeServiceFactory()
    return publish(ServiceCatalogPageFactory(parent=home))
