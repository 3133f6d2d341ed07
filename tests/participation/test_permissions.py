"""Who may do what with an idea: one expectation table per action, role by role (as meinBerlin does).

Roles: anonymous, citizen (any other account), author, sponsor of the idea's topic field,
sponsor of another topic field, editor.
"""

import pytest

from django.test import Client
from django.urls import reverse

from agenda.roles import EDITORS, create_topic_sponsor_group, ensure_roles
from participation.dialogues.forms import started_token
from participation.models import IdeaStatus, ModerationLogEntry
from tests.accounts.factories import UserFactory
from tests.participation.factories import IdeaFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "citizen", "author", "sponsor", "other_sponsor", "editor"]


@pytest.fixture
def idea(dialogue, topic_field):
    return IdeaFactory(dialogue=dialogue, topic_field=topic_field, text="Original")


@pytest.fixture
def client_for(idea, topic_field, other_topic_field):
    def make(role):
        client = Client()
        if role == "anonymous":
            return client
        user = idea.author if role == "author" else UserFactory()
        if role == "sponsor":
            user.groups.add(create_topic_sponsor_group(topic_field))
        elif role == "other_sponsor":
            user.groups.add(create_topic_sponsor_group(other_topic_field))
        elif role == "editor":
            ensure_roles()
            from django.contrib.auth.models import Group

            user.groups.add(Group.objects.get(name=EDITORS))
        client.force_login(user)
        return client

    return make


def allowed(response):
    return response.status_code in (200, 302) and "/login/" not in response.get("Location", "")


EDIT_EXPECTED = {
    "anonymous": False,
    "citizen": False,
    "author": True,
    "sponsor": False,
    "other_sponsor": False,
    "editor": False,
}


@pytest.mark.parametrize("role", ROLES)
def test_editing_the_idea_text(client_for, idea, role):
    client = client_for(role)
    response = client.post(
        reverse("ideas:edit", args=[idea.pk]),
        {"title": idea.title, "text": "Geändert", "website": "", "form_started": started_token()},
    )
    idea.refresh_from_db()
    assert (idea.text == "Geändert") is EDIT_EXPECTED[role]
    if not EDIT_EXPECTED[role] and role != "anonymous":
        assert response.status_code == 403


TRIAGE_EXPECTED = {
    "anonymous": False,
    "citizen": False,
    "author": False,
    "sponsor": True,
    "other_sponsor": False,
    "editor": True,
}


@pytest.mark.parametrize("role", ROLES)
def test_opening_the_triage_screen(client_for, idea, role):
    response = client_for(role).get(reverse("participation_moderation:idea", args=[idea.pk]))
    assert (response.status_code == 200) is TRIAGE_EXPECTED[role]


@pytest.mark.parametrize("role", ROLES)
def test_hiding_the_idea(client_for, idea, role):
    client_for(role).post(
        reverse("participation_moderation:idea", args=[idea.pk]), {"action": "hide", "reason": "Werbung"}
    )
    idea.refresh_from_db()
    assert idea.is_hidden is TRIAGE_EXPECTED[role]
    assert ModerationLogEntry.objects.filter(idea=idea).exists() is TRIAGE_EXPECTED[role]


@pytest.mark.parametrize("role", ROLES)
def test_changing_the_status(client_for, idea, role):
    client_for(role).post(
        reverse("participation_moderation:idea", args=[idea.pk]), {"action": "status", "status": "under_review"}
    )
    idea.refresh_from_db()
    assert (idea.status == IdeaStatus.UNDER_REVIEW) is TRIAGE_EXPECTED[role]


QUEUE_EXPECTED = {
    "anonymous": False,
    "citizen": False,
    "author": False,
    "sponsor": True,
    "other_sponsor": True,
    "editor": True,
}


@pytest.mark.parametrize("role", ROLES)
def test_opening_the_moderation_queue(client_for, idea, role):
    response = client_for(role).get(reverse("participation_moderation:queue"))
    assert (response.status_code == 200) is QUEUE_EXPECTED[role]
    if response.status_code == 200:
        assert (idea.title in response.content.decode()) is TRIAGE_EXPECTED[role]


@pytest.mark.parametrize("role", ROLES)
def test_ideas_listing_in_the_admin(client_for, idea, role):
    response = client_for(role).get(reverse("dialogue_ideas:index"))
    assert (response.status_code == 200) is QUEUE_EXPECTED[role]
    if response.status_code == 200:
        assert (idea.title in response.content.decode()) is TRIAGE_EXPECTED[role]


@pytest.mark.parametrize("role", ROLES)
def test_supporting(client_for, idea, role):
    client_for(role).post(reverse("ideas:support", args=[idea.pk]))
    assert idea.supports.exists() is (role != "anonymous")
