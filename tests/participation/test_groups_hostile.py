"""Hostile and broken input to focus and feedback groups: clear errors, nothing stored, no 500."""

import datetime
import json

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from participation.groups import services as rules
from participation.models import FeedbackOutcome, FeedbackRating, GroupInvitation, GroupResult, GroupSession
from tests.participation.group_factories import GroupSessionFactory, client_for

pytestmark = pytest.mark.django_db


def _round_url(world):
    return reverse("groups:round", args=[world["round"].pk])


@pytest.mark.parametrize(
    "data",
    [
        {"verdict": "agree", "comment": "x" * 2001},
        {"verdict": "maybe", "comment": ""},
        {"verdict": "agree", "comment": "Null\x00byte"},
        {"verdict": "", "comment": "Ohne Wertung"},
        {"measure": "abc", "verdict": "agree"},
        {"measure": "-1", "verdict": "agree"},
        {"measure": "99999999999999999999", "verdict": "agree"},
    ],
)
def test_bad_ratings_are_refused_and_nothing_is_stored(world, data):
    payload = {"measure": world["measures"][0].pk, **data}
    response = client_for(world, "member").post(_round_url(world), payload)
    assert response.status_code == 400
    assert not FeedbackRating.objects.exists()


def test_a_rating_for_a_measure_outside_the_round_is_refused(world):
    response = client_for(world, "member").post(
        _round_url(world), {"measure": world["outside_measure"].pk, "verdict": "agree"}
    )
    assert response.status_code == 400
    assert not FeedbackRating.objects.exists()


def test_a_rating_after_the_deadline_is_refused(world):
    type(world["round"]).objects.filter(pk=world["round"].pk).update(deadline=timezone.now())
    response = client_for(world, "member").post(
        _round_url(world), {"measure": world["measures"][0].pk, "verdict": "agree"}
    )
    assert response.status_code == 403
    assert not FeedbackRating.objects.exists()


def test_a_member_of_another_group_cannot_rate_or_see_the_round(world):
    client = client_for(world, "other_member")
    assert client.get(_round_url(world)).status_code == 404
    assert client.post(_round_url(world), {"measure": world["measures"][0].pk, "verdict": "agree"}).status_code == 404
    assert not FeedbackRating.objects.exists()


def test_html_in_a_comment_is_stored_as_text_and_shown_escaped(world):
    client = client_for(world, "member")
    client.post(_round_url(world), {"measure": world["measures"][0].pk, "verdict": "agree", "comment": "<b>fett</b>"})
    assert FeedbackRating.objects.get().comment == "<b>fett</b>"
    page = client_for(world, "sponsor").get(reverse("participation_groups:round", args=[world["round"].pk]))
    assert "&lt;b&gt;fett&lt;/b&gt;" in page.content.decode()


def test_html_in_a_result_title_is_escaped_on_public_pages(world):
    GroupResult.objects.filter(pk=world["result"].pk).update(title="<script>alert(1)</script>")
    page = client_for(world, "anonymous").get(reverse("groups:result", args=[world["result"].pk])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_someone_elses_used_token_does_not_make_a_member(world):
    invitation, token = rules.invite(world["people"]["sponsor"], world["focus"], "e@example.org")
    client_for(world, "citizen").post(reverse("groups:invitation", args=[token]))
    intruder = client_for(world, "other_member")
    assert intruder.post(reverse("groups:invitation", args=[token])).status_code == 410
    assert not world["focus"].has_member(world["people"]["other_member"])


@pytest.mark.parametrize("token", ["x" * 5000, "%00", "../../admin", "' OR 1=1 --"])
def test_odd_tokens_get_a_clear_404(world, token):
    response = client_for(world, "citizen").get(f"/en/groups/invitation/{token}/")
    assert response.status_code == 404
    assert GroupInvitation.objects.count() == 0


def test_invitations_reject_bad_addresses_and_too_many_at_once(world):
    client = client_for(world, "sponsor")
    url = reverse("participation_groups:detail", args=[world["focus"].pk])
    for emails in ("<script>@x", "not-an-address", ", ".join(f"p{n}@example.org" for n in range(51)), "a" * 6000):
        assert client.post(url, {"action": "invite", "emails": emails}).status_code == 400
    assert GroupInvitation.objects.count() == 0


def test_a_sponsor_cannot_act_on_another_groups_objects(world):
    other_session = GroupSessionFactory(group=world["other"])
    client = client_for(world, "sponsor")
    assert client.get(reverse("participation_groups:session", args=[other_session.pk])).status_code in (302, 403)
    response = client.post(
        reverse("participation_groups:session", args=[world["session"].pk]),
        {"action": "publish", "result": 999999},
    )
    assert response.status_code == 400
    foreign_invitation, _token = rules.invite(world["people"]["other_sponsor"], world["other"], "f@example.org")
    client.post(
        reverse("participation_groups:detail", args=[world["focus"].pk]),
        {"action": "revoke", "invitation": foreign_invitation.pk},
    )
    foreign_invitation.refresh_from_db()
    assert foreign_invitation.revoked_at is None


def test_an_outcome_for_a_measure_outside_the_round_is_refused(world):
    response = client_for(world, "sponsor").post(
        reverse("participation_groups:round", args=[world["round"].pk]),
        {"measure": world["outside_measure"].pk, "summary": "Nicht Teil der Runde"},
    )
    assert response.status_code == 400
    assert not FeedbackOutcome.objects.exists()


def _session_data(**overrides):
    start = timezone.now() + datetime.timedelta(days=2)
    data = {
        "title": "Dritte Sitzung",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "place": "Rathaus",
        "online_url": "",
        "agenda": "Bedarfe",
        "minutes": json.dumps(
            {
                "blocks": [
                    {
                        "key": "a",
                        "type": "unstyled",
                        "text": "Kurz",
                        "depth": 0,
                        "inlineStyleRanges": [],
                        "entityRanges": [],
                    }
                ],
                "entityMap": {},
            }
        ),
    }
    data.update(overrides)
    return data


def test_a_valid_session_with_a_document_is_saved(world):
    client = client_for(world, "sponsor")
    url = reverse("participation_groups:session_add", args=[world["focus"].pk])
    upload = SimpleUploadedFile("protokoll.txt", b"Inhalt", content_type="text/plain")
    response = client.post(url, {**_session_data(), "document": upload})
    assert response.status_code == 302
    session = GroupSession.objects.get(title="Dritte Sitzung")
    assert "Kurz" in session.minutes
    assert session.documents.get().document.collection.name == rules.GROUP_DOCUMENTS_COLLECTION


@pytest.mark.parametrize(
    "overrides",
    [
        {"minutes": "<script>alert(1)</script>"},
        {"minutes": json.dumps({"blocks": "nope"})},
        {"title": "x" * 201},
        {"agenda": "x" * 5001},
        {"ends_at": "2000-01-01T00:00"},
        {"place": "", "online_url": ""},
        {"online_url": "javascript:alert(1)"},
        {"starts_at": "gestern"},
        {"participants": ["999999"]},
    ],
)
def test_bad_sessions_are_refused_and_nothing_is_stored(world, overrides):
    client = client_for(world, "sponsor")
    url = reverse("participation_groups:session_add", args=[world["focus"].pk])
    response = client.post(url, _session_data(**overrides))
    assert response.status_code == 400
    assert not GroupSession.objects.filter(title__startswith="Dritte").exists()


@pytest.mark.parametrize(
    ("name", "content"), [("virus.exe", b"MZ"), ("bild.svg", b"<svg onload=alert(1)>"), ("gross.txt", b"x" * 2048)]
)
def test_bad_documents_are_refused(world, settings, name, content):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    client = client_for(world, "sponsor")
    url = reverse("participation_groups:session_add", args=[world["focus"].pk])
    response = client.post(url, {**_session_data(), "document": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert not GroupSession.objects.filter(title="Dritte Sitzung").exists()


def test_oversized_result_text_is_refused(world):
    response = client_for(world, "sponsor").post(
        reverse("participation_groups:session", args=[world["session"].pk]),
        {"action": "add_result", "kind": "finding", "title": "Zu lang", "description": "x" * 5001, "priority": "high"},
    )
    assert response.status_code == 400
    assert not GroupResult.objects.filter(title="Zu lang").exists()


@pytest.mark.parametrize(
    "url",
    [
        "/de/groups/99999999999999999999/",
        "/de/groups/sessions/99999999999/",
        "/de/groups/results/99999999999/",
        "/de/groups/feedback/99999999999/",
        "/api/v1/groups/99999999999999/",
        "/api/v1/group-results/99999999999999/",
        "/admin/participation/groups/99999999999999/",
    ],
)
def test_huge_ids_are_a_404_not_an_overflow(world, url):
    assert client_for(world, "editor").get(url).status_code == 404
