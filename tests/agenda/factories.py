"""Factories of the agenda app; page builders are registered in ``tests.factories.PAGE_FACTORIES``."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from wagtail.models import Locale

from agenda.models import (
    AgendaPage,
    AgendaPhase,
    MeasurePage,
    MeasureRating,
    MeasureStatus,
    PrioritisationCriterion,
    TopicFieldPage,
)
from tests.factories import publish, register_page_factory


class AgendaPageFactory(wagtail_factories.PageFactory):
    title = "Digitale Agenda"
    slug = factory.Sequence(lambda n: f"digitale-agenda-{n}")
    intro = "Der Rahmenplan der Stadt für den digitalen Wandel."

    class Meta:
        model = AgendaPage


class AgendaPhaseFactory(DjangoModelFactory):
    title = "Bestands- und Bedarfsaufnahme"
    starts_on = datetime.date(2021, 1, 1)
    ends_on = datetime.date(2021, 6, 30)

    class Meta:
        model = AgendaPhase


class TopicFieldPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Verwaltung und Bürgerservice {n}")
    intro = "Digitale Wege ins Rathaus."
    description = "<p>Leistungen der Verwaltung sollen online erreichbar sein.</p>"
    long_term_goals = "<p>Eine bürgernahe, schnelle Verwaltung.</p>"

    class Meta:
        model = TopicFieldPage


class MeasurePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Digitale Terminvergabe {n:04d}")
    intro = "Termine im Bürgerbüro online buchen."
    problem = "Lange Wartezeiten am Telefon."
    solution_idea = "Ein Online-Kalender für alle Standorte."
    expected_benefit = "Weniger Wartezeit."
    responsible_unit = "Bürgerbüro"
    status = MeasureStatus.PROPOSED
    percent_done = 0

    class Meta:
        model = MeasurePage


class CriterionFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Nutzen {n}")
    weight = 1
    sort_order = factory.Sequence(int)
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = PrioritisationCriterion


class RatingFactory(DjangoModelFactory):
    measure = factory.SubFactory(MeasurePageFactory)
    criterion = factory.SubFactory(CriterionFactory)
    value = 3

    class Meta:
        model = MeasureRating


def build_agenda(home):
    return AgendaPage.objects.child_of(home).first() or publish(AgendaPageFactory(parent=home))


def build_topic_field(home, **kwargs):
    return publish(TopicFieldPageFactory(parent=build_agenda(home), **kwargs))


@register_page_factory(AgendaPage)
def build_agenda_page(home):
    agenda = build_agenda(home)
    AgendaPhaseFactory(page=agenda)
    return publish(agenda)


@register_page_factory(TopicFieldPage)
def build_topic_field_page(home):
    return build_topic_field(home)


@register_page_factory(MeasurePage)
def build_measure_page(home):
    topic_field = TopicFieldPage.objects.descendant_of(home).first() or build_topic_field(home)
    return publish(MeasurePageFactory(parent=topic_field))


from tests.agenda import progress_factories  # noqa: E402, F401  (registers the Progress page factory)
