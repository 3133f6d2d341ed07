"""From idea to measure, moderation actions, notifications, the demand score and personal data."""

import pytest

from django.core import mail
from django.utils import translation

from agenda.models import MeasurePage
from agenda.roles import create_topic_sponsor_group
from participation.core.scoring import demand_score
from participation.dialogues import services
from participation.models import IdeaStatus, ModerationAction, ModerationLogEntry, NotificationSettings, Support
from tests.accounts.factories import UserFactory
from tests.agenda.factories import MeasurePageFactory
from tests.factories import publish
from tests.participation.factories import CommentFactory, FlagFactory, IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sponsor(topic_field):
    user = UserFactory()
    user.groups.add(create_topic_sponsor_group(topic_field))
    return user


@pytest.fixture
def idea(dialogue, topic_field):
    return IdeaFactory(dialogue=dialogue, topic_field=topic_field)


def test_promoting_ideas_creates_a_draft_measure_in_their_topic_field(sponsor, dialogue, topic_field, idea):
    second = IdeaFactory(dialogue=dialogue, topic_field=topic_field)
    measure = services.promote_to_measure(sponsor, [idea, second], title="Digitaler Anwohnerparkausweis")
    assert measure.get_parent().pk == topic_field.pk
    assert not measure.live
    assert set(measure.origin_ideas.all()) == {idea, second}
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.ACCEPTED
    assert ModerationLogEntry.objects.filter(idea=idea, action=ModerationAction.PROMOTE).exists()


def test_ideas_of_different_topic_fields_cannot_become_one_measure(sponsor, dialogue, idea, other_topic_field):
    other = IdeaFactory(dialogue=dialogue, topic_field=other_topic_field)
    with pytest.raises(services.ParticipationError):
        services.promote_to_measure(sponsor, [idea, other], title="Mischmasch")
    assert not MeasurePage.objects.filter(title="Mischmasch").exists()


def test_sponsor_of_another_field_cannot_promote(dialogue, idea, other_topic_field):
    outsider = UserFactory()
    outsider.groups.add(create_topic_sponsor_group(other_topic_field))
    with pytest.raises(services.ParticipationError) as error:
        services.promote_to_measure(outsider, [idea], title="Nicht meins")
    assert error.value.status == 403


def test_linking_to_an_existing_measure_notifies_the_author(
    sponsor, topic_field, idea, django_capture_on_commit_callbacks
):
    measure = publish(MeasurePageFactory(parent=topic_field))
    with django_capture_on_commit_callbacks(execute=True):
        services.link_to_measure(sponsor, [idea], measure)
    assert list(idea.measures.all()) == [measure]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [idea.author.email]
    token = NotificationSettings.objects.get(user=idea.author).token
    assert f"/notifications/unsubscribe/{token}/" in message.body
    assert "List-Unsubscribe" in message.extra_headers


def test_status_change_without_consent_sends_no_mail(sponsor, idea, django_capture_on_commit_callbacks):
    NotificationSettings.objects.create(user=idea.author, idea_updates=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.set_status(sponsor, idea, IdeaStatus.UNDER_REVIEW)
    assert mail.outbox == []


def test_not_pursued_needs_a_reason(sponsor, idea):
    with pytest.raises(services.ParticipationError) as error:
        services.set_status(sponsor, idea, IdeaStatus.NOT_PURSUED, reason="  ")
    assert error.value.field == "status_reason"
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW


def test_official_answer_is_stored_with_who_and_when(sponsor, idea):
    services.answer(sponsor, idea, "Wir prüfen das im Frühjahr.")
    idea.refresh_from_db()
    assert (idea.official_answer, idea.answered_by) == ("Wir prüfen das im Frühjahr.", sponsor)
    assert idea.answered_at is not None


def test_hiding_resolves_open_flags_and_logs(sponsor, idea):
    flag = FlagFactory(idea=idea)
    services.hide(sponsor, idea, "Werbung")
    flag.refresh_from_db()
    assert flag.resolved_at is not None
    assert ModerationLogEntry.objects.get(action=ModerationAction.HIDE).reason == "Werbung"


def test_hiding_needs_a_reason(sponsor, idea):
    with pytest.raises(services.ParticipationError):
        services.hide(sponsor, idea, "")
    idea.refresh_from_db()
    assert not idea.is_hidden


def test_restore_and_dismiss_are_logged(sponsor, idea):
    comment = CommentFactory(idea=idea, is_hidden=True, hidden_reason="x")
    flag = FlagFactory(comment=comment)
    services.restore(sponsor, comment)
    services.dismiss_flag(sponsor, flag)
    actions = set(ModerationLogEntry.objects.values_list("action", flat=True))
    assert actions == {ModerationAction.RESTORE, ModerationAction.DISMISS_FLAG}


def test_demand_score_formula():
    assert demand_score(0) == 0
    assert demand_score(25) == 50
    assert demand_score(75) == 75


def test_measure_score_uses_support_of_linked_ideas(sponsor, topic_field, idea):
    from agenda.models import ScoringSettings

    measure = publish(MeasurePageFactory(parent=topic_field))
    services.link_to_measure(sponsor, [idea], measure)
    Support.objects.bulk_create(Support(idea=idea, user=UserFactory()) for _ in range(25))
    scored = MeasurePage.objects.filter(pk=measure.pk).with_scores().get()
    assert scored.demand_score == pytest.approx(50.0)
    settings_row = ScoringSettings.load()
    settings_row.demand_share = 1
    settings_row.save()
    assert MeasurePage.objects.filter(pk=measure.pk).with_scores().get().total_score == pytest.approx(50.0)


def test_hidden_ideas_do_not_count_for_demand(sponsor, topic_field, idea):
    measure = publish(MeasurePageFactory(parent=topic_field))
    services.link_to_measure(sponsor, [idea], measure)
    Support.objects.create(idea=idea, user=UserFactory())
    services.hide(sponsor, idea, "Spam")
    assert MeasurePage.objects.filter(pk=measure.pk).with_scores().get().demand_score == 0


def test_deleting_an_account_keeps_its_ideas_anonymously(idea):
    from accounts import gdpr

    Support.objects.create(idea=idea, user=UserFactory())
    supporter = Support.objects.get().user
    gdpr.delete_account(supporter)
    author = idea.author
    data = gdpr.export_user_data(author)["sections"]["city_dialogues"]["data"]
    assert data["ideas"][0]["title"] == idea.title
    gdpr.delete_account(author)
    idea.refresh_from_db()
    assert idea.author is None
    assert idea.supports.count() == 1


def test_deleting_an_account_with_its_contributions_removes_the_ideas(idea):
    from accounts import gdpr
    from participation.models import Idea

    gdpr.delete_account(idea.author, remove_contributions=True)
    assert not Idea.objects.filter(pk=idea.pk).exists()


def test_followers_hear_about_a_new_phase(dialogue, citizen):
    from participation.dialogues.notifications import notify_phase_changes
    from participation.models import DialogueFollower, Phase

    DialogueFollower.objects.create(dialogue=dialogue, user=citizen)
    assert notify_phase_changes() == 0  # first run only records the phase
    dialogue.phase_override = Phase.EVALUATION
    dialogue.save_revision().publish()
    assert notify_phase_changes() == 1
    assert mail.outbox[0].to == [citizen.email]
    assert "unsubscribe" in mail.outbox[0].body


def test_the_author_is_notified_in_the_language_of_the_idea_not_of_the_moderator(
    sponsor, dialogue, topic_field, citizen, django_capture_on_commit_callbacks
):
    with translation.override("da"):
        idea = services.create_idea(
            dialogue, citizen, title="Storskrald online", text="Bestil afhentning online.", topic_field=topic_field
        )
    assert idea.language == "da"
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        services.answer(sponsor, idea, "Tak, vi tager det med.")
    [message] = mail.outbox
    assert f"/da/ideas/{idea.pk}/" in message.body
    assert "/da/ideas/notifications/unsubscribe/" in message.body
    with translation.override("da"):
        assert translation.gettext("Answer of the city") in message.body
