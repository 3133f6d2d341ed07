"""Focus and feedback groups end to end: invitations, sessions, results to measures,
feedback rounds, origins on the measure, the public API and personal data."""

import datetime

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts import gdpr
from agenda.origins import api_origins, origins_for
from participation.core.errors import ParticipationError
from participation.groups import services as rules
from participation.models import FeedbackOutcome, FeedbackRating, GroupInvitation, GroupMembership
from tests.accounts.factories import UserFactory
from tests.participation.group_factories import client_for

pytestmark = pytest.mark.django_db


def _invite(world, client, email, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("participation_groups:detail", args=[world["focus"].pk]), {"action": "invite", "emails": email}
        )
    assert response.status_code == 302
    message = mail.outbox[-1]
    link = next(line for line in message.body.splitlines() if "/groups/invitation/" in line).strip()
    return message, "/" + link.split("://", 1)[-1].split("/", 1)[-1]


def test_a_sponsor_invites_and_the_expert_accepts_with_a_new_account(world, django_capture_on_commit_callbacks):
    sponsor = client_for(world, "sponsor")
    message, path = _invite(world, sponsor, "expertin@example.org", django_capture_on_commit_callbacks)
    assert message.to == ["expertin@example.org"]
    assert path.startswith("/de/groups/invitation/")
    invitation = GroupInvitation.objects.get(email="expertin@example.org")
    assert path.rstrip("/").rsplit("/", 1)[-1] not in invitation.token_hash  # only the hash is stored

    anonymous = client_for(world, "anonymous")
    page = anonymous.get(path)
    assert page.status_code == 200
    assert "/accounts/signup/?next=" in page.content.decode()
    assert anonymous.post(path).status_code == 302  # to the log-in

    expert = UserFactory(email="expertin@example.org")
    anonymous.force_login(expert)
    response = anonymous.post(path)
    assert response.status_code == 302
    assert response["Location"] == reverse("groups:detail", args=[world["focus"].pk])
    assert world["focus"].has_member(expert)
    invitation.refresh_from_db()
    assert invitation.accepted_by == expert
    assert invitation.state() == GroupInvitation.ACCEPTED

    listing = sponsor.get(reverse("participation_groups:detail", args=[world["focus"].pk])).content.decode()
    assert "expertin@example.org" in listing


def test_used_expired_revoked_and_forged_links_get_a_clear_message(world, django_capture_on_commit_callbacks):
    sponsor_user = world["people"]["sponsor"]
    invitation, token = rules.invite(sponsor_user, world["focus"], "a@example.org")
    citizen = client_for(world, "citizen")
    assert citizen.post(reverse("groups:invitation", args=[token])).status_code == 302
    used = citizen.get(reverse("groups:invitation", args=[token]))
    assert used.status_code == 410
    assert "already been used" in client_for(world, "citizen").get(f"/en/groups/invitation/{token}/").content.decode()

    expired, expired_token = rules.invite(sponsor_user, world["focus"], "b@example.org")
    GroupInvitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = client_for(world, "other_member").post(f"/en/groups/invitation/{expired_token}/")
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not world["focus"].has_member(world["people"]["other_member"])

    revoked, revoked_token = rules.invite(sponsor_user, world["focus"], "c@example.org")
    rules.revoke(sponsor_user, revoked)
    response = client_for(world, "other_member").post(f"/en/groups/invitation/{revoked_token}/")
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()

    forged = client_for(world, "other_member").post("/en/groups/invitation/not-a-real-token/")
    assert forged.status_code == 404
    assert "not valid" in forged.content.decode()
    assert not world["focus"].has_member(world["people"]["other_member"])


def test_resending_replaces_the_link(world):
    sponsor = world["people"]["sponsor"]
    invitation, old_token = rules.invite(sponsor, world["focus"], "d@example.org")
    new_token = rules.resend(sponsor, invitation)
    assert rules.find_invitation(old_token) == (None, None)
    assert rules.find_invitation(new_token)[1] == GroupInvitation.PENDING


def test_a_sponsor_removes_a_member(world):
    client = client_for(world, "sponsor")
    member = world["people"]["member"]
    response = client.post(
        reverse("participation_groups:detail", args=[world["focus"].pk]), {"action": "remove", "member": member.pk}
    )
    assert response.status_code == 302
    assert not world["focus"].has_member(member)
    assert client_for(world, "member").get(reverse("groups:detail", args=[world["focus"].pk])).status_code == 404


def test_members_see_upcoming_and_past_sessions_and_get_ical(world):
    from tests.participation.group_factories import GroupSessionFactory

    upcoming = GroupSessionFactory(
        group=world["focus"], title="Zweite Werkstatt", starts_at=timezone.now() + datetime.timedelta(days=3)
    )
    client = client_for(world, "member")
    body = client.get(f"/en/groups/{world['focus'].pk}/").content.decode()
    assert body.index("Upcoming sessions") < body.index("Zweite Werkstatt") < body.index("Past sessions")
    assert body.index("Past sessions") < body.index(world["session"].title)
    ical = client.get(reverse("groups:session_ical", args=[upcoming.pk]))
    assert ical["Content-Type"].startswith("text/calendar")
    text = ical.content.decode()
    assert "BEGIN:VEVENT" in text and "SUMMARY:" in text and "Zweite Werkstatt" in text
    assert "CLASS:PRIVATE" in text


def test_a_linked_result_is_listed_among_the_measures_origins_and_shows_its_measure(world):
    measure = world["measures"][0]
    rules.link_result(world["people"]["sponsor"], world["result"], measure)
    rules.link_result(world["people"]["sponsor"], world["private_result"], measure)
    from agenda.origins import origin_counts

    kinds = {kind.key: items for kind, items in origins_for(measure)}
    counts, total = origin_counts(world["measures"])
    assert {kind.key: count for kind, count in counts}["group_results"] == 1
    assert total == 1
    assert [result.pk for result in kinds["group_results"]] == [world["result"].pk]  # only public results
    api = api_origins(measure)["group_results"]
    assert api[0]["title"] == world["result"].title
    assert set(api[0]) == {"id", "title", "kind", "priority", "group", "session_date", "url"}

    page = client_for(world, "anonymous").get(measure.url)
    assert world["result"].title in page.content.decode()
    assert world["private_result"].title not in page.content.decode()

    result_page = client_for(world, "anonymous").get(reverse("groups:result", args=[world["result"].pk]))
    assert measure.title in result_page.content.decode()
    english = client_for(world, "anonymous").get(f"/en/groups/results/{world['result'].pk}/")
    assert "0 % done" in english.content.decode()
    private = client_for(world, "anonymous").get(reverse("groups:result", args=[world["private_result"].pk]))
    assert private.status_code == 404


def test_linking_to_a_measure_of_another_topic_field_is_refused(world):
    with pytest.raises(ParticipationError):
        rules.link_result(world["people"]["sponsor"], world["result"], world["outside_measure"])
    assert not world["result"].measures.exists()


def test_a_member_changes_the_rating_until_the_deadline_but_not_after(world):
    client = client_for(world, "member")
    url = reverse("groups:round", args=[world["round"].pk])
    measure = world["measures"][0]
    client.post(url, {"measure": measure.pk, "verdict": "agree", "comment": "Ja"})
    client.post(url, {"measure": measure.pk, "verdict": "changes", "comment": "Mit Barrierefreiheit"})
    rating = FeedbackRating.objects.get()
    assert (rating.verdict, rating.comment) == ("changes", "Mit Barrierefreiheit")

    type(world["round"]).objects.filter(pk=world["round"].pk).update(
        deadline=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = client.post(url, {"measure": measure.pk, "verdict": "disagree", "comment": "Doch nicht"})
    assert response.status_code == 403
    rating.refresh_from_db()
    assert rating.verdict == "changes"


def test_the_database_allows_one_rating_per_member_measure_and_round(world):
    from django.db import IntegrityError, transaction

    data = {"round": world["round"], "measure": world["measures"][0], "member": world["people"]["member"]}
    FeedbackRating.objects.create(verdict="agree", **data)
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackRating.objects.create(verdict="disagree", **data)


def test_the_sponsor_sees_the_aggregate_and_keeps_the_outcome_on_the_measure(world):
    measure = world["measures"][0]
    second = UserFactory()
    GroupMembership.objects.create(group=world["feedback"], user=second)
    rules.rate(world["people"]["member"], world["round"], measure.pk, "agree", "Sehr gut")
    rules.rate(second, world["round"], measure.pk, "disagree", "Zu teuer")
    client = client_for(world, "sponsor")
    url = reverse("participation_groups:round", args=[world["round"].pk])
    page = client.get(url).content.decode()
    assert "Zu teuer" in page and "Sehr gut" in page
    assert world["round"].aggregate()[measure.pk] == {"agree": 1, "changes": 0, "disagree": 1, "total": 2}
    response = client.post(url, {"measure": measure.pk, "summary": "Geteiltes Echo; Kosten prüfen.", "is_public": "on"})
    assert response.status_code == 302
    outcome = FeedbackOutcome.objects.get(measure=measure)
    assert (outcome.agree, outcome.disagree, outcome.total) == (1, 1, 2)
    public = client_for(world, "anonymous").get(measure.url).content.decode()
    assert "Geteiltes Echo; Kosten prüfen." in public
    assert "Zu teuer" not in public  # individual comments stay with the sponsors


def test_opening_a_round_needs_a_feedback_group_measures_of_its_field_and_a_future_deadline(world):
    sponsor = world["people"]["sponsor"]
    later = timezone.now() + datetime.timedelta(days=5)
    with pytest.raises(ParticipationError):
        rules.open_round(sponsor, world["focus"], title="X", measures=world["measures"], deadline=later)
    with pytest.raises(ParticipationError):
        rules.open_round(sponsor, world["feedback"], title="X", measures=[world["outside_measure"]], deadline=later)
    with pytest.raises(ParticipationError):
        rules.open_round(sponsor, world["feedback"], title="X", measures=world["measures"], deadline=timezone.now())
    response = client_for(world, "sponsor").post(
        reverse("participation_groups:round_add", args=[world["feedback"].pk]),
        {
            "title": "Zweite Runde",
            "measures": [world["measures"][1].pk],
            "deadline": later.strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302
    assert world["feedback"].feedback_rounds.filter(title="Zweite Runde").exists()


def test_the_api_shows_public_summaries_and_public_results_only(world):
    rules.link_result(world["people"]["sponsor"], world["result"], world["measures"][0])
    client = client_for(world, "anonymous")
    groups = client.get("/api/v1/groups/").json()
    names = {item["name"] for item in groups["items"]}
    assert world["focus"].name in names
    results = client.get("/api/v1/group-results/").json()
    titles = {item["title"] for item in results["items"]}
    assert world["result"].title in titles
    assert world["private_result"].title not in titles
    detail = client.get(f"/api/v1/groups/{world['focus'].pk}/").content.decode()
    for secret in (
        "Vertrauliches Protokoll",
        world["people"]["member"].email,
        world["people"]["member"].profile.display_name,
        world["session"].place,
        "anlage",
        world["private_result"].title,
    ):
        assert secret not in detail
    world["focus"].summary_published = False
    world["focus"].save()
    assert client.get(f"/api/v1/groups/{world['focus'].pk}/").status_code == 404
    assert client.get("/api/v1/groups/?limit=abc").status_code == 400
    assert client.get(f"/api/v1/group-results/{world['private_result'].pk}/").status_code == 404


def test_a_members_group_data_are_exported_and_deleted_with_the_account(world):
    member = world["people"]["member"]
    rules.rate(member, world["round"], world["measures"][0].pk, "agree", "Passt")
    data = gdpr.export_user_data(member)["sections"]["expert_groups"]["data"]
    assert {row["group"] for row in data["group_memberships"]} == {world["focus"].name, world["feedback"].name}
    assert data["feedback_ratings"][0]["comment"] == "Passt"
    assert data["sessions_attended"][0]["title"] == world["session"].title
    gdpr.delete_account(member)
    assert not GroupMembership.objects.filter(group=world["focus"]).exists()
    assert not FeedbackRating.objects.exists()


def test_the_rendered_rating_form_posts_what_the_view_expects(world):
    import re

    client = client_for(world, "member")
    url = reverse("groups:round", args=[world["round"].pk])
    page = client.get(url).content.decode()
    form = page[page.index('<form method="post" class="dialogue-form">') :]
    form = form[: form.index("</form>")]
    names = set(re.findall(r'name="([a-z_]+)"', form))
    assert {"measure", "verdict", "comment", "csrfmiddlewaretoken"} <= names
    measure_id = re.search(r'name="measure" value="(\d+)"', form).group(1)
    assert (
        client.post(url, {"measure": measure_id, "verdict": "changes", "comment": "Bitte mehrsprachig"}).status_code
        == 302
    )
    assert FeedbackRating.objects.get().comment == "Bitte mehrsprachig"
    again = client.get(url).content.decode()
    assert 'value="changes" id="verdict-' in again and "checked" in again
