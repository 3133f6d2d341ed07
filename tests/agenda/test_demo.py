"""The agenda's demo: the AgendaPage becomes THE "Digitale Agenda" page, replacing older demo pages."""

import pytest

from wagtail.models import Page, Revision

from agenda.demo import AGENDA_SLUG, AGENDA_TITLE, build_agenda_page
from agenda.models import AgendaPage
from tests.agenda.factories import AgendaPageFactory
from tests.factories import ContentPageFactory, publish, translate
from website.demo import DemoContext, T
from website.models import ContentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_demo(home_pages):
    """What earlier demo versions left: a ContentPage at digitale-agenda and the AgendaPage elsewhere."""
    home = home_pages["de"]
    content_page = publish(ContentPageFactory(parent=home, slug="digitale-agenda", title="Digitale Agenda"))
    translate(content_page, "da")
    publish(ContentPageFactory(parent=home, slug="ozg", title="OZG"))
    agenda = publish(AgendaPageFactory(parent=home, slug="themenfelder-und-massnahmen", title="Themenfelder"))
    return {"home": home, "content_page": content_page, "agenda": agenda}


INTRO = T("Der Rahmenplan der Stadt.", "Byens rammeplan.", "The city's framework.")


def build(home):
    return build_agenda_page(DemoContext(), home, AGENDA_SLUG, title=AGENDA_TITLE, intro=INTRO, show_in_menus=True)


def test_agenda_page_takes_over_the_slug_and_place_of_the_content_page(old_demo):
    page = build(old_demo["home"])
    assert page.pk == old_demo["agenda"].pk
    assert [child.slug for child in old_demo["home"].get_children()] == ["digitale-agenda", "ozg"]
    assert not ContentPage.objects.filter(translation_key=old_demo["content_page"].translation_key).exists()


def test_agenda_page_is_translated_and_keeps_its_phases(old_demo):
    build(old_demo["home"])
    danish = AgendaPage.objects.get(locale__language_code="da")
    assert (danish.slug, danish.title) == ("digital-dagsorden", "Digital dagsorden")
    # Phases are translatable: the Danish page has its own phases, with Danish titles and the same dates.
    german = AgendaPage.objects.get(locale__language_code="de")
    assert danish.phases.count() == german.phases.count() == 4
    assert {phase.locale.language_code for phase in danish.phases.all()} == {"da"}
    assert [p.starts_on for p in danish.phases.all()] == [p.starts_on for p in german.phases.all()]
    assert [p.title for p in danish.phases.all()] != [p.title for p in german.phases.all()]


def test_second_build_changes_nothing(old_demo):
    build(old_demo["home"])
    revisions, pages = Revision.objects.count(), Page.objects.count()
    build(old_demo["home"])
    assert (Revision.objects.count(), Page.objects.count()) == (revisions, pages)
