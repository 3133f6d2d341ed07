"""Factories of the needs survey; the page builder is registered in ``tests.factories.PAGE_FACTORIES``."""

import datetime

import factory
import wagtail_factories

from django.utils import timezone

from participation.models import NeedsSurveyPage
from participation.survey.services import default_questions
from tests.agenda.factories import build_agenda, build_topic_field
from tests.factories import publish, register_page_factory


class NeedsSurveyPageFactory(wagtail_factories.PageFactory):
    title = "Bedarfsumfrage Digitale Agenda"
    intro = "Sagen Sie uns, wo digitale Angebote in Flensburg am meisten fehlen."
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=21))

    class Meta:
        model = NeedsSurveyPage


def build_survey(home, *, topic_fields=None, results_published=False, **kwargs):
    """A live survey under the agenda with the six default questions (German wording)."""
    agenda = build_agenda(home)
    if topic_fields is None:
        topic_fields = [build_topic_field(home, title="Verwaltung und Bürgerservice")]
    page = NeedsSurveyPageFactory.build(results_published=results_published, **kwargs)
    page.form_fields = default_questions("de")
    agenda.add_child(instance=page)
    return publish(page)


@register_page_factory(NeedsSurveyPage)
def build_needs_survey_page(home):
    return build_survey(home, results_published=True)
