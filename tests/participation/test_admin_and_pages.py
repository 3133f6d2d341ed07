"""Admin export and promotion through the triage screen; dialogue page filters; event registration."""

import datetime

import pytest

from django.urls import reverse

from agenda.models import MeasurePage
from agenda.roles import create_topic_sponsor_group
from participation.models import EventRegistration, IdeaStatus, Support
from tests.accounts.factories import UserFactory
from tests.participation.factories import DialogueEventFactory, IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sponsor_client(client, topic_field):
    user = UserFactory()
    user.groups.add(create_topic_sponsor_group(topic_field))
    client.force_login(user)
    return client


def test_csv_export_lists_status_support_and_display_names_only(sponsor_client, dialogue, topic_field):
    from tests.agenda.factories import MeasurePageFactory
    from tests.factories import publish

    idea = IdeaFactory(dialogue=dialogue, topic_field=topic_field, title="Exportierte Idee")
    IdeaFactory(dialogue=dialogue, topic_field=None, title="Ohne Themenfeld")
    Support.objects.create(idea=idea, user=None)
    idea.measures.add(publish(MeasurePageFactory(parent=topic_field, title="Verlinkte Maßnahme")))
    response = sponsor_client.get(reverse("dialogue_ideas:index") + "?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert "Exportierte Idee" in body
    assert "Verlinkte Maßnahme" in body
    assert idea.author.email not in body
    assert idea.author_name() in body


def test_sponsor_turns_two_ideas_into_a_draft_measure(sponsor_client, dialogue, topic_field):
    first = IdeaFactory(dialogue=dialogue, topic_field=topic_field)
    second = IdeaFactory(dialogue=dialogue, topic_field=topic_field)
    response = sponsor_client.post(
        reverse("participation_moderation:idea", args=[first.pk]),
        {"action": "promote", "title": "Parkausweise digital", "more_ideas": str(second.pk)},
    )
    assert response.status_code == 302
    measure = MeasurePage.objects.get(title="Parkausweise digital")
    assert set(measure.origin_ideas.values_list("pk", flat=True)) == {first.pk, second.pk}


def test_promoting_with_an_idea_outside_the_sponsors_field_changes_nothing(
    sponsor_client, dialogue, topic_field, other_topic_field
):
    first = IdeaFactory(dialogue=dialogue, topic_field=topic_field)
    foreign = IdeaFactory(dialogue=dialogue, topic_field=other_topic_field)
    response = sponsor_client.post(
        reverse("participation_moderation:idea", args=[first.pk]),
        {"action": "promote", "title": "Gemischt", "more_ideas": str(foreign.pk)},
    )
    assert response.status_code == 400
    assert not MeasurePage.objects.filter(title="Gemischt").exists()
    first.refresh_from_db()
    assert first.status == IdeaStatus.NEW


def test_dialogue_page_filters_by_status(client, dialogue, topic_field):
    IdeaFactory(dialogue=dialogue, topic_field=topic_field, title="Neue Idee")
    IdeaFactory(dialogue=dialogue, topic_field=topic_field, title="Umgesetzte Idee", status=IdeaStatus.IMPLEMENTED)
    html = client.get(f"{dialogue.url}?status=implemented").content.decode()
    assert "Umgesetzte Idee" in html
    assert "Neue Idee" not in html


def test_dialogue_page_sorts_by_support(client, dialogue, topic_field):
    IdeaFactory(dialogue=dialogue, topic_field=topic_field, title="Wenig Zuspruch")
    popular = IdeaFactory(dialogue=dialogue, topic_field=topic_field, title="Viel Zuspruch")
    Support.objects.create(idea=popular, user=None)
    html = client.get(f"{dialogue.url}?sort=supported").content.decode()
    assert html.index("Viel Zuspruch") < html.index("Wenig Zuspruch")


def test_dialogue_page_ignores_bad_filter_values(client, dialogue):
    response = client.get(f"{dialogue.url}?sort=<script>&status=x&topic=abc&page=999")
    assert response.status_code == 200


def test_full_event_puts_the_next_person_on_the_waiting_list(client, dialogue):
    event = DialogueEventFactory(page=dialogue, capacity=1)
    event.register(UserFactory())
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("ideas:event_registration", args=[event.pk]))
    assert EventRegistration.objects.get(user=user).status == EventRegistration.WAITING


def test_event_without_registration_refuses_registrations(client, dialogue, citizen):
    event = DialogueEventFactory(page=dialogue, registration_required=False, capacity=None)
    client.force_login(citizen)
    client.post(reverse("ideas:event_registration", args=[event.pk]))
    assert not EventRegistration.objects.exists()


def test_translated_page_registers_for_the_source_event(client, dialogue, citizen):
    from tests.factories import translate

    later = DialogueEventFactory(page=dialogue, title="Später", capacity=5)
    DialogueEventFactory(page=dialogue, title="Früher", starts_at=later.starts_at - datetime.timedelta(days=3))
    danish = translate(dialogue, "da")
    client.force_login(citizen)
    html = client.get(danish.url).content.decode()
    assert html.index("Früher") < html.index("Später")
    assert f"/events/{later.pk}/registration/" in html
