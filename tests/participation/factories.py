"""Factories of the city dialogues: dialogue pages, events, ideas, comments, supports, flags."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.utils import timezone

from participation.models import (
    CityDialoguePage,
    Comment,
    DialogueEvent,
    Flag,
    FlagReason,
    Idea,
    Support,
)
from tests.accounts.factories import UserFactory
from tests.agenda.factories import build_agenda, build_topic_field
from tests.factories import publish, register_page_factory


def today():
    return timezone.localdate()


class CityDialoguePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Stadtdialog Digitale Verwaltung {n}")
    slug = factory.Sequence(lambda n: f"stadtdialog-{n}")
    intro = "Sagen Sie uns, welche Behördengänge Sie lieber online erledigen würden."
    description = "<p>Wir sammeln Ideen, diskutieren sie und nehmen die besten in die Digitale Agenda auf.</p>"
    ideas_from = factory.LazyFunction(lambda: today() - datetime.timedelta(days=7))
    ideas_until = factory.LazyFunction(lambda: today() + datetime.timedelta(days=21))
    support_until = factory.LazyFunction(lambda: today() + datetime.timedelta(days=35))
    evaluation_until = factory.LazyFunction(lambda: today() + datetime.timedelta(days=60))

    class Meta:
        model = CityDialoguePage


def build_dialogue(home, topic_fields=(), **kwargs):
    """A live dialogue under the agenda page of `home`, collecting ideas unless dates say otherwise."""
    page = CityDialoguePageFactory(parent=build_agenda(home), **kwargs)
    if topic_fields:
        page.topic_fields.set(topic_fields)
    return publish(page)


class DialogueEventFactory(DjangoModelFactory):
    title = "Bürgerwerkstatt im Rathaus"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place = "Rathaus Flensburg, Ratssaal, Am Pferdewasser 14"
    accessibility_notes = "Stufenloser Zugang über den Seiteneingang; Induktionsschleife vorhanden."
    registration_required = True
    capacity = 2

    class Meta:
        model = DialogueEvent


class IdeaFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Anwohnerparkausweis online beantragen {n}")
    text = "Den Ausweis könnte man doch **online** verlängern, statt extra ins Rathaus zu gehen."
    author = factory.SubFactory(UserFactory)

    class Meta:
        model = Idea


class CommentFactory(DjangoModelFactory):
    idea = factory.SubFactory(IdeaFactory)
    text = "Gute Idee, das würde mir viel Zeit sparen."
    author = factory.SubFactory(UserFactory)

    class Meta:
        model = Comment


class SupportFactory(DjangoModelFactory):
    idea = factory.SubFactory(IdeaFactory)
    user = factory.SubFactory(UserFactory)

    class Meta:
        model = Support


class FlagFactory(DjangoModelFactory):
    reason = FlagReason.SPAM
    reporter = factory.SubFactory(UserFactory)

    class Meta:
        model = Flag


@register_page_factory(CityDialoguePage)
def build_city_dialogue_page(home):
    topic_field = build_topic_field(home)
    dialogue = build_dialogue(home, topic_fields=[topic_field])
    DialogueEventFactory(page=dialogue)
    idea = IdeaFactory(dialogue=dialogue, topic_field=topic_field)
    CommentFactory(idea=idea)
    SupportFactory(idea=idea)
    return dialogue


from tests.participation import survey_factories  # noqa: E402, F401  (registers the needs survey page factory)
