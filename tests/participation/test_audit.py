"""The one audit trail: every moderation and triage action of every kind is logged with
who, why and what, and sponsors read the log of their own topic fields only."""

import pytest

from django.urls import reverse

from participation.dialogues import services
from participation.groups import services as group_services
from participation.models import (
    ModerationAction,
    ModerationLogEntry,
    ModerationState,
    SurveyAnswer,
    SurveyFinding,
    SurveyResponse,
)
from participation.survey import services as survey
from tests.participation.factories import IdeaFactory
from tests.participation.survey_factories import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic_field(world):
    return world["topic_field"]


@pytest.fixture
def other_topic_field(world):
    return world["other"].topic_field


@pytest.fixture
def survey_page(home, topic_field, other_topic_field):
    return build_survey(home, topic_fields=[topic_field, other_topic_field], results_published=True)


def _free_text_answer(page, topic_field, text="Online-Termine fehlen"):
    response = SurveyResponse.objects.create(page=page, form_data={}, channel=SurveyResponse.PAPER)
    return SurveyAnswer.objects.create(response=response, question="known_offers", topic_field=topic_field, text=text)


def test_moderating_a_survey_answer_is_logged_with_its_topic_field(world, survey_page, topic_field):
    sponsor = world["people"]["sponsor"]
    answer = _free_text_answer(survey_page, topic_field)

    survey.moderate_answer(sponsor, answer, ModerationState.REJECTED)

    entry = ModerationLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.topic_field_id) == (ModerationAction.REJECT, sponsor, topic_field.pk)
    assert (entry.target_type, entry.target_id, entry.target_label) == ("surveyanswer", answer.pk, answer.text)
    assert entry.target_kind() == SurveyAnswer._meta.verbose_name


def test_refused_moderation_is_not_logged(world, survey_page, other_topic_field):
    answer = _free_text_answer(survey_page, other_topic_field)
    with pytest.raises(services.ParticipationError):
        survey.moderate_answer(world["people"]["sponsor"], answer, ModerationState.APPROVED)
    assert not ModerationLogEntry.objects.exists()
    answer.refresh_from_db()
    assert answer.moderation == ModerationState.PENDING


def test_linking_and_promoting_a_finding_are_logged(world, survey_page, topic_field):
    sponsor = world["people"]["sponsor"]
    finding = SurveyFinding.objects.create(survey=survey_page, topic_field=topic_field, title="Termine", summary="x")

    survey.link_finding(sponsor, finding, world["measures"][0])
    measure = survey.promote_finding(sponsor, finding, title="Online-Terminvergabe ausbauen")

    actions = list(ModerationLogEntry.objects.order_by("pk").values_list("action", "target_type", "details"))
    assert actions[0][:2] == (ModerationAction.LINK_MEASURE, "surveyfinding")
    assert actions[0][2]["measure"] == world["measures"][0].pk
    assert actions[1][:2] == (ModerationAction.PROMOTE, "surveyfinding")
    assert actions[1][2]["measure"] == measure.pk


def test_group_result_decisions_and_member_removal_are_logged(world):
    sponsor, result = world["people"]["sponsor"], world["private_result"]

    group_services.set_result_public(sponsor, result, True)
    group_services.link_result(sponsor, result, world["measures"][0])
    group_services.remove_member(sponsor, world["focus"], world["people"]["member"].pk)

    entries = list(ModerationLogEntry.objects.order_by("pk"))
    assert [e.action for e in entries] == [
        ModerationAction.PUBLISH,
        ModerationAction.LINK_MEASURE,
        ModerationAction.REMOVE_MEMBER,
    ]
    assert {e.topic_field_id for e in entries} == {world["topic_field"].pk}
    assert all(e.actor == sponsor for e in entries)
    assert entries[2].details == {"member": world["people"]["member"].pk}


def test_idea_moderation_keeps_its_reason_and_topic_field(world, dialogue, topic_field):
    idea = IdeaFactory(dialogue=dialogue, topic_field=topic_field)
    services.hide(world["people"]["editor"], idea, "Beleidigend")
    entry = ModerationLogEntry.objects.get()
    assert (entry.idea, entry.reason, entry.topic_field_id, entry.target_type) == (
        idea,
        "Beleidigend",
        topic_field.pk,
        "idea",
    )


def test_sponsors_read_the_log_of_their_own_topic_fields_only(client, world, survey_page, topic_field):
    own = _free_text_answer(survey_page, topic_field, "Eigener Bereich")
    foreign = _free_text_answer(survey_page, world["other"].topic_field, "Fremder Bereich")
    survey.moderate_answer(world["people"]["editor"], own, ModerationState.APPROVED)
    survey.moderate_answer(world["people"]["editor"], foreign, ModerationState.APPROVED)

    client.force_login(world["people"]["sponsor"])
    html = client.get(reverse("moderation_log:index")).content.decode()
    assert "Eigener Bereich" in html
    assert "Fremder Bereich" not in html


def test_the_log_is_closed_to_citizens_and_council(client, world):
    for role in ("citizen", "council", "member"):
        client.force_login(world["people"][role])
        response = client.get(reverse("moderation_log:index"))
        assert response.status_code in (302, 403), role


def test_a_finding_in_another_field_cannot_be_promoted_and_leaves_no_trace(world, survey_page, other_topic_field):
    finding = SurveyFinding.objects.create(
        survey=survey_page, topic_field=other_topic_field, title="Schule", summary=""
    )
    with pytest.raises(services.ParticipationError):
        survey.promote_finding(world["people"]["sponsor"], finding, title="Neue Maßnahme")
    assert not ModerationLogEntry.objects.exists()
    assert not finding.measures.exists()


def test_promoting_a_group_result_logs_the_new_draft_measure(world):
    sponsor, result = world["people"]["sponsor"], world["result"]
    measure = group_services.promote_result(sponsor, result, title="Sprechstunde digital")
    entry = ModerationLogEntry.objects.get(action=ModerationAction.PROMOTE)
    assert entry.details["measure"] == measure.pk
    assert entry.target_type == "groupresult"
    assert not measure.live
