import datetime

import pytest

from django.utils import timezone

from agenda.models import MeasureProgressUpdate
from tests.agenda.factories import MeasurePageFactory, build_topic_field
from tests.factories import publish, translate
from tests.participation.factories import CommentFactory, IdeaFactory, SupportFactory, build_dialogue
from tests.projects.factories import ProjectIndexPageFactory, build_project


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def measure_with_history(field, title, status, percent, history, **kwargs):
    """A published measure whose progress log is exactly ``history`` [(date, status, percent)]."""
    page = publish(MeasurePageFactory(parent=field, title=title, status=status, percent_done=percent, **kwargs))
    MeasureProgressUpdate.objects.filter(measure=page).delete()
    for day, old_status, old_percent in history:
        MeasureProgressUpdate.objects.create(
            measure=page, changed_at=at(day), status=old_status, percent_done=old_percent
        )
    return page


@pytest.fixture
def data(home_pages):
    """Two topic fields, three measures with history, a project, a dialogue with ideas."""
    home = home_pages["de"]
    field = build_topic_field(home, title="Verwaltung und Bürgerservice")
    other = build_topic_field(home, title="Mobilität")
    index = publish(ProjectIndexPageFactory(parent=home))
    project = build_project(index, title="Bürgerportal", status="live")
    e_akte = measure_with_history(
        field,
        "E-Akte",
        "implemented",
        100,
        [
            (datetime.date(2021, 3, 1), "proposed", 0),
            (datetime.date(2022, 9, 1), "in_progress", 50),
            (datetime.date(2024, 1, 10), "implemented", 100),
        ],
        start_date=datetime.date(2021, 4, 1),
        target_date=datetime.date(2023, 12, 31),
    )
    e_akte.projects.set([project])
    e_akte.save_revision().publish()
    MeasureProgressUpdate.objects.filter(measure=e_akte, changed_at__gt=at(datetime.date(2024, 1, 10))).delete()
    termine = measure_with_history(
        field, "Online-Terminvergabe", "planned", 10, [(datetime.date(2023, 5, 1), "planned", 10)]
    )
    ampeln = measure_with_history(other, "Smarte Ampeln", "proposed", 0, [(datetime.date(2025, 2, 1), "proposed", 0)])
    dialogue = build_dialogue(home, topic_fields=[field])
    idea = IdeaFactory(dialogue=dialogue, topic_field=field, title="Akten digital", status="accepted")
    idea.measures.add(e_akte)
    SupportFactory.create_batch(3, idea=idea)
    CommentFactory(idea=idea)
    hidden = IdeaFactory(dialogue=dialogue, topic_field=field, is_hidden=True, title="Versteckt")
    SupportFactory(idea=hidden)
    return {
        "home": home,
        "field": field,
        "other": other,
        "project": project,
        "e_akte": e_akte,
        "termine": termine,
        "ampeln": ampeln,
        "dialogue": dialogue,
        "idea": idea,
        "translate": translate,
    }
