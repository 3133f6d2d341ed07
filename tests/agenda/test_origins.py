"""The origins registry: a measure lists where it came from; agenda pages count the kinds."""

import pytest

from agenda import origins
from tests.agenda.factories import MeasurePageFactory, build_topic_field
from tests.factories import publish
from tests.participation.factories import IdeaFactory, SupportFactory, build_dialogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(home):
    topic_field = build_topic_field(home, title="Verwaltung")
    dialogue = build_dialogue(home, topic_fields=[topic_field])
    with_idea = publish(MeasurePageFactory(parent=topic_field, title="Online-Termine"))
    without = publish(MeasurePageFactory(parent=topic_field, title="E-Akte"))
    idea = IdeaFactory(dialogue=dialogue, topic_field=topic_field, title="Termine per App")
    idea.measures.add(with_idea)
    SupportFactory(idea=idea)
    hidden = IdeaFactory(dialogue=dialogue, topic_field=topic_field, title="Versteckte Idee", is_hidden=True)
    hidden.measures.add(without)
    return topic_field, with_idea, without, idea


def test_ideas_are_a_registered_kind():
    assert "ideas" in [kind.key for kind in origins.kinds()]


def test_measure_page_lists_its_visible_ideas_with_support(client, setup):
    _topic_field, with_idea, without, idea = setup
    html = client.get(with_idea.url).content.decode()
    assert idea.title in html
    assert 'id="origins-ideas"' in html
    assert "Versteckte Idee" not in client.get(without.url).content.decode()


def test_origin_counts_count_each_measure_once_per_kind(setup):
    topic_field, with_idea, without, _idea = setup
    rows, total = origins.origin_counts([with_idea, without])
    counts = {kind.key: count for kind, count in rows}
    assert counts["ideas"] == 1  # the hidden idea does not count
    assert total == 1


def test_topic_field_and_agenda_pages_show_the_origin_table(client, setup):
    topic_field, *_ = setup
    for page in (topic_field, topic_field.get_parent()):
        html = client.get(page.url).content.decode()
        assert 'id="origin-counts-heading"' in html


def test_api_origins_lists_ideas(setup):
    _topic_field, with_idea, _without, idea = setup
    data = origins.api_origins(with_idea)
    assert [item["id"] for item in data["ideas"]] == [idea.pk]
    assert data["ideas"][0]["support_count"] == 1


def test_draft_measure_needs_a_title(setup, admin_user):
    topic_field, *_ = setup
    with pytest.raises(ValueError):
        origins.create_draft_measure(admin_user, topic_field, title="   ")
    measure = origins.create_draft_measure(admin_user, topic_field, title=" Neue Maßnahme ")
    assert measure.title == "Neue Maßnahme" and not measure.live
    assert measure.get_parent().pk == topic_field.pk
