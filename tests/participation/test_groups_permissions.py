"""Who may see and do what in focus and feedback groups: one expectation table per view.

Roles: anonymous, citizen (any account), member of this group, member of another group,
sponsor of this topic field, sponsor of another topic field, editor, council member.
Members-only pages answer 404 to accounts without access (the group's existence is not
revealed) and send anonymous visitors to the log-in.
"""

import pytest

from django.urls import reverse

from agenda.models import MeasurePage
from participation.models import FeedbackRating
from tests.participation.group_factories import ROLES, client_for

pytestmark = pytest.mark.django_db

MEMBERS_AREA = {
    "anonymous": "login",
    "citizen": 404,
    "member": 200,
    "other_member": 404,
    "sponsor": 200,
    "other_sponsor": 404,
    "editor": 200,
    "council": 404,
}


def _outcome(response):
    if response.status_code == 302 and "/login/" in response["Location"]:
        return "login"
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
def test_group_page_and_member_list(world, role):
    response = client_for(world, role).get(reverse("groups:detail", args=[world["focus"].pk]))
    assert _outcome(response) == MEMBERS_AREA[role]
    member_name = world["people"]["member"].profile.display_name
    assert (member_name in response.content.decode()) is (MEMBERS_AREA[role] == 200)


@pytest.mark.parametrize("role", ROLES)
def test_session_and_minutes(world, role):
    response = client_for(world, role).get(reverse("groups:session", args=[world["session"].pk]))
    assert _outcome(response) == MEMBERS_AREA[role]
    assert ("Vertrauliches Protokoll" in response.content.decode()) is (MEMBERS_AREA[role] == 200)


@pytest.mark.parametrize("role", ROLES)
def test_session_calendar(world, role):
    response = client_for(world, role).get(reverse("groups:session_ical", args=[world["session"].pk]))
    assert _outcome(response) == MEMBERS_AREA[role]


@pytest.mark.parametrize("role", ROLES)
def test_session_document_through_the_members_area(world, role):
    attachment = world["session"].documents.get()
    response = client_for(world, role).get(reverse("groups:document", args=[attachment.pk]))
    assert _outcome(response) == MEMBERS_AREA[role]
    if MEMBERS_AREA[role] == 200:
        assert b"".join(response.streaming_content) == b"Vertrauliche Anlage"


#: Wagtail's own /documents/ URL: group documents only for editors (members use the members' area).
WAGTAIL_DOCUMENT_URL = {role: role == "editor" for role in ROLES}


@pytest.mark.parametrize("role", ROLES)
def test_session_document_is_not_served_publicly_by_wagtail(world, role):
    document = world["document"]
    response = client_for(world, role).get(document.url)
    assert document.url.startswith("/documents/")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    served = response.status_code == 200 and b"Vertrauliche Anlage" in body
    assert served is WAGTAIL_DOCUMENT_URL[role]


@pytest.mark.parametrize("role", ROLES)
def test_public_summary_is_for_everyone(world, role):
    response = client_for(world, role).get(reverse("groups:summary", args=[world["focus"].pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert world["focus"].public_summary in body
    assert "Vertrauliches Protokoll" not in body
    assert world["people"]["member"].profile.display_name not in body


RATING = {
    "anonymous": "login",
    "citizen": 404,
    "member": 302,
    "other_member": 404,
    "sponsor": 403,
    "other_sponsor": 404,
    "editor": 403,
    "council": 404,
}


@pytest.mark.parametrize("role", ROLES)
def test_rating_in_a_feedback_round(world, role):
    measure = world["measures"][0]
    response = client_for(world, role).post(
        reverse("groups:round", args=[world["round"].pk]),
        {"measure": measure.pk, "verdict": "agree", "comment": "Gute Idee"},
    )
    assert _outcome(response) == RATING[role]
    assert FeedbackRating.objects.filter(round=world["round"]).exists() is (role == "member")


ADMIN = {
    "anonymous": False,
    "citizen": False,
    "member": False,
    "other_member": False,
    "sponsor": True,
    "other_sponsor": False,
    "editor": True,
    "council": False,
}


@pytest.mark.parametrize("role", ROLES)
def test_promoting_a_result(world, role):
    result = world["result"]
    response = client_for(world, role).post(
        reverse("participation_groups:session", args=[world["session"].pk]),
        {"action": "promote", "result": result.pk, "title": "Terminbuchung rund um die Uhr"},
    )
    created = MeasurePage.objects.filter(title="Terminbuchung rund um die Uhr")
    assert created.exists() is ADMIN[role]
    if ADMIN[role]:
        assert response.status_code == 302
        assert list(result.measures.all()) == [created.get()]
        assert not created.get().live
    else:
        assert response.status_code in (302, 403)
        assert not result.measures.exists()


@pytest.mark.parametrize("role", ROLES)
def test_admin_member_list_with_e_mail_addresses(world, role):
    response = client_for(world, role).get(reverse("participation_groups:detail", args=[world["focus"].pk]))
    email = world["people"]["member"].email
    assert (response.status_code == 200 and email in response.content.decode()) is ADMIN[role]


@pytest.mark.parametrize("role", ROLES)
def test_admin_group_list_is_scoped(world, role):
    response = client_for(world, role).get(reverse("participation_groups:list"))
    body = response.content.decode() if response.status_code == 200 else ""
    assert (world["focus"].name in body) is ADMIN[role]
    assert (world["other"].name in body) is (role in ("editor", "other_sponsor"))
