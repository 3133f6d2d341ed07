"""A small searchable site: a topic field with a measure, a project, a dialogue with an
event and ideas (one public, one hidden, one waiting for pre-moderation), an OZG
service, and Danish and English translations of some pages."""

import copy
import datetime

import pytest

from django.utils import timezone

from agenda.models import MeasureStatus
from search import engine
from tests.agenda.factories import MeasurePageFactory, build_topic_field
from tests.factories import publish, translate
from tests.participation.factories import DialogueEventFactory, IdeaFactory, build_dialogue
from tests.projects.factories import (
    AdministrativeServiceFactory,
    ProjectIndexPageFactory,
    build_project,
)
from tests.skeleton import data_for_the_module


@pytest.fixture(autouse=True)
def _fresh_backends():
    engine.reset_backends()
    yield
    engine.reset_backends()


def build_site(home):
    topic = build_topic_field(home, title="Verwaltung und Bürgerservice", slug="verwaltung")
    measure = publish(
        MeasurePageFactory(
            parent=topic,
            title="Bürgerportal ausbauen",
            slug="buergerportal-ausbauen",
            intro="Mehr Leistungen der Stadt online beantragen.",
            problem="Viele Anträge brauchen noch einen Termin im Rathaus in der Großen Straße.",
            solution_idea="Das Portal um weitere Leistungen erweitern.",
            status=MeasureStatus.PLANNED,
        )
    )
    other_measure = publish(
        MeasurePageFactory(
            parent=topic,
            title="Digitale Terminvergabe",
            slug="terminvergabe",
            intro="Termine online buchen.",
            problem="Lange Wartezeiten.",
            solution_idea="Ein Kalender.",
            status=MeasureStatus.IN_PROGRESS,
        )
    )
    index = publish(ProjectIndexPageFactory(parent=home, slug="projekte"))
    project = build_project(
        index,
        title="Chatbot-Pilot",
        slug="chatbot-pilot",
        summary="Ein Chatbot beantwortet Fragen zu Leistungen der Verwaltung rund um die Uhr.",
    )
    project.topic_fields.set([topic])
    project = publish(project)
    dialogue = build_dialogue(home, topic_fields=[topic], title="Stadtdialog Mobilität", slug="stadtdialog")
    event = DialogueEventFactory(page=dialogue, title="Bürgerwerkstatt Mobilität", description="Wir sammeln Ideen.")
    dialogue = publish(dialogue)
    public_idea = IdeaFactory(
        dialogue=dialogue,
        title="Fahrradstraße am Hafen",
        text="Eine sichere Fahrradstraße entlang der Förde.",
        topic_field=topic,
    )
    hidden_idea = IdeaFactory(
        dialogue=dialogue, title="Fahrradstraße versteckt", text="Beleidigender Inhalt.", is_hidden=True
    )
    pending_idea = IdeaFactory(
        dialogue=dialogue, title="Fahrradstraße wartet", text="Noch nicht freigegeben.", is_approved=False
    )
    service = AdministrativeServiceFactory(name="Wohnsitz ummelden", online_status="in_progress")
    danish_measure = translate(measure, "da")
    danish_measure.title = "Borgerportaler udbygges"
    danish_measure.intro = "Flere kommunale ydelser kan søges online."
    danish_measure = publish(danish_measure)
    english_measure = translate(measure, "en")
    english_measure.title = "Expanding the citizen portals"
    english_measure.intro = "Applying for more services online."
    english_measure = publish(english_measure)
    return {
        "home": home,
        "topic": topic,
        "measure": measure,
        "other_measure": other_measure,
        "project": project,
        "dialogue": dialogue,
        "event": event,
        "public_idea": public_idea,
        "hidden_idea": hidden_idea,
        "pending_idea": pending_idea,
        "service": service,
        "danish_measure": danish_measure,
        "english_measure": english_measure,
        "today": timezone.localdate(),
        "year": datetime.date.today().year,
    }


@pytest.fixture(scope="module")
def _site_of_the_module(django_db_setup, django_db_blocker):
    """`build_site` once per test module (and xdist worker), rolled back after the module."""
    with data_for_the_module(django_db_blocker) as home_pages:
        engine.reset_backends()
        yield build_site(home_pages["de"])
        engine.reset_backends()


@pytest.fixture
def site(_site_of_the_module, db):
    """The module's searchable site; each test gets its own copy of the objects and its
    database changes are rolled back. Live-server tests build their own: `fresh_site`."""
    return copy.deepcopy(_site_of_the_module)


@pytest.fixture
def fresh_site(home_pages):
    """`build_site` for this test alone (transactional tests cannot share the module's)."""
    return build_site(home_pages["de"])


def titles(response):
    """Result titles of a JSON search response."""
    return [hit["title"] for hit in response.json()["results"]]
