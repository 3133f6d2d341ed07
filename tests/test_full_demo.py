"""`make run`'s demo, whole: `load_demo_content` with every app, then the pages people open first.

Slow (the whole demo in three languages), so it runs once per module.
"""

import datetime

import pytest

from django.core.management import call_command
from django.utils import timezone

from agenda.models import AgendaPage, MeasurePage
from tests.skeleton import back_to_the_migrated_site, data_for_the_module

pytestmark = pytest.mark.xdist_group("full_demo")  # one worker builds the demo, once


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with data_for_the_module(django_db_blocker):
        back_to_the_migrated_site()
        call_command("load_demo_content", verbosity=0)
        yield


@pytest.fixture
def loaded(demo, db):
    return demo


@pytest.mark.parametrize(
    ("path", "text"),
    [
        # List blocks (questions and answers) are translated, not only the page fields.
        ("/da/digital-dagsorden/", "Hvilke digitale tilbud findes allerede"),
        ("/en/digital-agenda/", "Which digital services already exist"),
        # Topic fields have their own slugs in every language.
        ("/da/digital-dagsorden/forvaltning/", "Forvaltning"),
        ("/en/digital-agenda/administration/", "Administration"),
        ("/de/digitale-agenda/verwaltung/", "Verwaltung"),
    ],
)
def test_demo_pages_are_translated(loaded, client, path, text):
    response = client.get(path)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_agenda_phases_are_translated(loaded):
    german = AgendaPage.objects.get(locale__language_code="de")
    danish = AgendaPage.objects.get(locale__language_code="da")
    assert [p.starts_on for p in danish.phases.all()] == [p.starts_on for p in german.phases.all()]
    assert danish.phases.first().title != german.phases.first().title


def test_progress_lists_are_not_empty(loaded, client):
    measures = MeasurePage.objects.live().filter(locale__language_code="de")
    assert measures.overdue().exists()
    assert measures.recently_changed(timezone.now() - datetime.timedelta(days=30)).exists()
    for path in ("/de/fortschritt/", "/da/fremskridt/", "/en/progress/"):
        assert client.get(path).status_code == 200


def test_every_live_page_renders_in_every_language(loaded, client):
    from wagtail.models import Page

    failures = []
    for page in Page.objects.live().filter(depth__gt=1).specific().iterator():
        url = page.get_url()
        if url is None:
            continue
        status = client.get(url).status_code
        if status != 200:
            failures.append((url, status))
    assert failures == []


def test_reset_rebuilds_the_whole_demo(loaded, client):
    """`load_demo_content --reset` removes what protects the pages (ideas, groups) and builds again."""
    from participation.models import Idea

    ideas = Idea.objects.count()
    pages = MeasurePage.objects.count()
    call_command("load_demo_content", reset=True, verbosity=0)
    assert Idea.objects.count() == ideas
    assert MeasurePage.objects.count() == pages
    assert client.get("/da/digital-dagsorden/forvaltning/").status_code == 200
