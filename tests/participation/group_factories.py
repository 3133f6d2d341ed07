"""Factories and a ready-made world for focus and feedback group tests."""

import copy
import datetime

import factory
import pytest
from factory.django import DjangoModelFactory

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from agenda.roles import COUNCIL_MEMBERS, EDITORS, create_topic_sponsor_group, ensure_roles
from participation.groups import services as group_services
from participation.models import (
    ExpertGroup,
    FeedbackRound,
    GroupKind,
    GroupMembership,
    GroupResult,
    GroupSession,
)
from tests.accounts.factories import UserFactory
from tests.agenda.factories import MeasurePageFactory, build_topic_field
from tests.factories import publish
from tests.skeleton import data_for_the_module


class ExpertGroupFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Fokusgruppe Bürgerservice {n}")
    kind = GroupKind.FOCUS
    description = "Wir arbeiten an digitalen Wegen ins Rathaus."
    public_summary = "Die Gruppe hat Bedarfe für Online-Termine gesammelt."
    summary_published = True

    class Meta:
        model = ExpertGroup


class GroupSessionFactory(DjangoModelFactory):
    group = factory.SubFactory(ExpertGroupFactory)
    title = factory.Sequence(lambda n: f"Sitzung {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place = "Rathaus Flensburg, Raum 201"
    agenda = "1. Begrüßung\n2. Bedarfe"
    minutes = "<p>Vertrauliches Protokoll: Frau K. berichtet über Wartezeiten.</p>"

    class Meta:
        model = GroupSession


class GroupResultFactory(DjangoModelFactory):
    session = factory.SubFactory(GroupSessionFactory)
    title = factory.Sequence(lambda n: f"Online-Terminbuchung für alle Standorte {n}")
    description = "Termine sollen rund um die Uhr buchbar sein."
    need = "Berufstätige erreichen das Bürgerbüro nicht zu den Öffnungszeiten."
    is_public = True

    class Meta:
        model = GroupResult


def attach_text_document(session, actor, text="Vertrauliche Anlage"):
    upload = ContentFile(text.encode(), name="anlage.txt")
    return group_services.attach_document(actor, session, upload, title="Anlage zur Sitzung")


def build_world(home, topic_field, other_topic_field):
    """Groups in two topic fields, one person per role, a session with a document and a result,
    and an open feedback round on two measures of the first field."""
    ensure_roles()
    people = {
        "citizen": UserFactory(),
        "member": UserFactory(),
        "other_member": UserFactory(),
        "sponsor": UserFactory(),
        "other_sponsor": UserFactory(),
        "editor": UserFactory(),
        "council": UserFactory(),
    }
    people["sponsor"].groups.add(create_topic_sponsor_group(topic_field))
    people["other_sponsor"].groups.add(create_topic_sponsor_group(other_topic_field))
    people["editor"].groups.add(Group.objects.get(name=EDITORS))
    people["council"].groups.add(Group.objects.get(name=COUNCIL_MEMBERS))
    focus = ExpertGroupFactory(topic_field=topic_field, summary_published=True)
    feedback = ExpertGroupFactory(topic_field=topic_field, kind=GroupKind.FEEDBACK, name="Feedbackgruppe Verwaltung")
    other = ExpertGroupFactory(topic_field=other_topic_field, name="Fokusgruppe Bildung")
    for group in (focus, feedback):
        GroupMembership.objects.create(group=group, user=people["member"])
    GroupMembership.objects.create(group=other, user=people["other_member"])
    session = GroupSessionFactory(group=focus)
    session.participants.add(people["member"])
    attachment = attach_text_document(session, people["sponsor"])
    result = GroupResultFactory(session=session, is_public=True)
    private_result = GroupResultFactory(session=session, is_public=False, title="Interner Befund")
    measures = [publish(MeasurePageFactory(parent=topic_field)) for _ in range(2)]
    outside = publish(MeasurePageFactory(parent=other_topic_field))
    feedback_round = FeedbackRound.objects.create(
        group=feedback, title="Rückmeldung zu Entwürfen", deadline=timezone.now() + datetime.timedelta(days=7)
    )
    feedback_round.measures.set(measures)
    return {
        "people": people,
        "focus": focus,
        "feedback": feedback,
        "other": other,
        "session": session,
        "document": attachment,
        "result": result,
        "private_result": private_result,
        "measures": measures,
        "outside_measure": outside,
        "round": feedback_round,
        "topic_field": topic_field,
    }


@pytest.fixture(scope="module")
def _world_of_the_module(django_db_setup, django_db_blocker):
    """`build_world` once per test module (and xdist worker), rolled back after the module."""
    with data_for_the_module(django_db_blocker) as home_pages:
        home = home_pages["de"]
        yield build_world(
            home,
            build_topic_field(home, title="Verwaltung und Bürgerservice"),
            build_topic_field(home, title="Bildung"),
        )


@pytest.fixture
def world(_world_of_the_module, db):
    """The module's world; each test gets its own copy of the objects (like Django's
    `setUpTestData`) and its database changes are rolled back after the test.
    Transactional tests (a live server) build their own: see `fresh_world`."""
    return copy.deepcopy(_world_of_the_module)


@pytest.fixture
def fresh_world(home, topic_field, other_topic_field):
    """`build_world` for this test alone (transactional tests cannot share the module's)."""
    return build_world(home, topic_field, other_topic_field)


ROLES = ["anonymous", "citizen", "member", "other_member", "sponsor", "other_sponsor", "editor", "council"]


def client_for(world, role):
    client = Client()
    if role != "anonymous":
        client.force_login(world["people"][role])
    return client
