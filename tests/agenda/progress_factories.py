"""Factory of the Progress page (imported by ``tests/agenda/factories.py`` for the page-type registry)."""

import factory

from agenda.models import ProgressPage
from tests.factories import WebsitePageFactory, publish, register_page_factory


class ProgressPageFactory(WebsitePageFactory):
    title = "Fortschritt"
    slug = factory.Sequence(lambda n: f"fortschritt-{n}")
    intro = "Wie weit die Maßnahmen der Digitalen Agenda sind, in Zahlen."
    recent_days = 30

    class Meta:
        model = ProgressPage


@register_page_factory(ProgressPage)
def build_progress_page(home):
    return ProgressPage.objects.child_of(home).first() or publish(ProgressPageFactory(parent=home))


def build_progress_dataset(home):
    """A small site with known figures (see ``tests/agenda/test_progress_report.py`` for the expectations).

    Topic field A "Verwaltung": E-Akte (implemented, changed 5 days ago), Terminvergabe (in progress,
    target 2021-06-30, last change 60 days ago), Chatbot (proposed, created 2 days ago).
    Topic field B "Mobilität": Ladesäulen (planned), Carsharing (rejected 2022-01-01, target 2021-06-30),
    plus a never-published draft "Smarte Ampeln" (in progress, target 2021-06-30: overdue).
    Projects: live (A), pilot (A and B), an unpublished idea (B). Services: 3 online, 1 in progress, 1 not yet.
    """
    import datetime

    from django.utils import timezone

    from agenda.models import MeasureProgressUpdate
    from projects.models import ProjectIndexPage
    from tests.agenda.factories import MeasurePageFactory, build_topic_field
    from tests.projects.factories import AdministrativeServiceFactory, ProjectIndexPageFactory, ProjectPageFactory

    now = timezone.now()
    target = datetime.date(2021, 6, 30)

    def at(value):
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return timezone.make_aware(datetime.datetime.combine(value, datetime.time(12)))
        return value

    def measure(field, title, status, percent, history, **kwargs):
        page = publish(MeasurePageFactory(parent=field, title=title, status=status, percent_done=percent, **kwargs))
        MeasureProgressUpdate.objects.filter(measure=page).delete()
        for when, old_status, old_percent in history:
            MeasureProgressUpdate.objects.create(
                measure=page, changed_at=at(when), status=old_status, percent_done=old_percent
            )
        return page

    field_a = build_topic_field(home, title="Verwaltung und Bürgerservice")
    field_b = build_topic_field(home, title="Grüne Energie und vernetzte Mobilität")
    pages = {
        "e_akte": measure(
            field_a,
            "E-Akte",
            "implemented",
            100,
            [
                (datetime.date(2021, 3, 1), "proposed", 0),
                (datetime.date(2021, 9, 1), "in_progress", 50),
                (now - datetime.timedelta(days=5), "implemented", 100),
            ],
        ),
        "termine": measure(
            field_a,
            "Online-Terminvergabe",
            "in_progress",
            40,
            [(datetime.date(2021, 3, 1), "proposed", 0), (now - datetime.timedelta(days=60), "in_progress", 40)],
            target_date=target,
        ),
        "chatbot": measure(field_a, "Chatbot", "proposed", 0, [(now - datetime.timedelta(days=2), "proposed", 0)]),
        "ladesaeulen": measure(
            field_b, "Ladesäulen", "planned", 0, [(datetime.date(2021, 3, 1), "planned", 0)], target_date=None
        ),
        "carsharing": measure(
            field_b,
            "Carsharing",
            "rejected",
            0,
            [(datetime.date(2021, 3, 1), "proposed", 0), (datetime.date(2022, 1, 1), "rejected", 0)],
            status_reason="Kein Bedarf.",
            target_date=target,
        ),
    }
    pages["draft"] = MeasurePageFactory(
        parent=field_b, title="Smarte Ampeln", status="in_progress", live=False, target_date=target
    )

    index = ProjectIndexPage.objects.child_of(home).first() or publish(ProjectIndexPageFactory(parent=home))
    live = publish(ProjectPageFactory(parent=index, title="Bürgerportal", status="live"))
    live.topic_fields.set([field_a])
    live.save()
    pilot = publish(ProjectPageFactory(parent=index, title="Chatbot-Pilot", status="pilot"))
    pilot.topic_fields.set([field_a, field_b])
    pilot.save()
    idea = ProjectPageFactory(parent=index, title="Smart-City-Plattform", status="idea", live=False)
    idea.topic_fields.set([field_b])
    idea.save()

    for status, area in [
        ("online", "mobility_travel"),
        ("online", "mobility_travel"),
        ("online", "family_children"),
        ("in_progress", "mobility_travel"),
        ("not_yet", "family_children"),
    ]:
        AdministrativeServiceFactory(online_status=status, topic_area=area)
    return {"field_a": field_a, "field_b": field_b, **pages}
