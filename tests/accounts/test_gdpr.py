"""My data: export as JSON and HTML; deletion anonymises or removes contributions; logged without personal data."""

import json

import pytest

from django.contrib.auth import get_user_model

from accounts import gdpr
from accounts.models import AccountDeletionLog, OrganisationMembership, Profile
from participation.models import PollBallot, PollVote
from tests.accounts.factories import PASSWORD, OrganisationMembershipFactory, UserFactory, set_display_name
from tests.participation.poll_factories import PollFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen(db):
    user = UserFactory(email="anna@example.org")
    set_display_name(user, "Möwe vom Hafen")
    return user


@pytest.fixture
def citizen_client(client, citizen):
    client.force_login(citizen)
    return client


@pytest.fixture
def voted_poll(home, citizen):
    poll = PollFactory()
    poll.cast_vote(citizen, [poll.choices.first().pk])
    return poll


def test_json_export_contains_profile_emails_organisations_and_votes(citizen_client, citizen, voted_poll):
    OrganisationMembershipFactory(user=citizen, organisation__name="Förde-Verein")
    response = citizen_client.get("/de/accounts/me/my-data/?format=json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)["sections"]
    assert data["profile"]["data"]["display_name"] == "Möwe vom Hafen"
    assert data["account"]["data"]["email_addresses"][0]["email"] == "anna@example.org"
    assert data["organisations"]["data"][0]["organisation"] == "Förde-Verein"
    assert data["poll_votes"]["data"][0]["poll"] == voted_poll.question
    assert data["poll_votes"]["data"][0]["choices"] == [voted_poll.choices.first().text]


def test_export_contains_no_password_hash(citizen_client, citizen):
    body = citizen_client.get("/de/accounts/me/my-data/?format=json").content.decode()
    assert citizen.password not in body
    assert "password" not in body


def test_html_page_shows_the_same_data_readably(citizen_client, voted_poll):
    response = citizen_client.get("/da/accounts/me/my-data/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Möwe vom Hafen" in html
    assert "anna@example.org" in html
    assert voted_poll.question in html
    assert "<h2" in html


def test_html_download_is_an_attachment(citizen_client):
    response = citizen_client.get("/de/accounts/me/my-data/?format=html")
    assert response["Content-Disposition"].startswith("attachment;")


def test_export_shows_only_own_data(citizen_client, home):
    other = UserFactory(email="bernd@example.org")
    poll = PollFactory()
    poll.cast_vote(other, [poll.choices.first().pk])
    body = citizen_client.get("/de/accounts/me/my-data/?format=json").content.decode()
    assert "bernd@example.org" not in body
    assert json.loads(body)["sections"]["poll_votes"]["data"] == []


def test_registered_sections_take_part_in_export_and_deletion(citizen):
    calls = []
    gdpr.register(
        "test_section",
        "Test",
        exporter=lambda user: [{"text": "Meine Idee"}],
        anonymiser=lambda user: calls.append("anonymise") or 3,
        deleter=lambda user: calls.append("delete") or 2,
    )
    try:
        assert gdpr.export_user_data(citizen)["sections"]["test_section"]["data"] == [{"text": "Meine Idee"}]
        log = gdpr.delete_account(citizen)
        assert calls == ["anonymise"]
        assert log.counts["test_section"] == 3
    finally:
        gdpr._sections.pop("test_section")


def test_delete_keeps_votes_anonymously_by_default(citizen_client, citizen, voted_poll):
    response = citizen_client.post("/de/accounts/me/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/de/accounts/me/deleted/"
    assert not get_user_model().objects.filter(pk=citizen.pk).exists()
    ballot = PollBallot.objects.get()
    assert ballot.user is None
    assert voted_poll.results().participants == 1
    assert "_auth_user_id" not in citizen_client.session


def test_delete_with_removal_removes_votes(citizen_client, citizen, voted_poll):
    citizen_client.post("/de/accounts/me/delete/", {"password": PASSWORD, "remove_contributions": "on"})
    assert not PollBallot.objects.exists()
    assert not PollVote.objects.exists()
    assert voted_poll.results().participants == 0


def test_deletion_removes_profile_emails_and_memberships(citizen_client, citizen):
    from allauth.account.models import EmailAddress

    OrganisationMembershipFactory(user=citizen)
    citizen_client.post("/de/accounts/me/delete/", {"password": PASSWORD})
    assert not Profile.objects.filter(display_name="Möwe vom Hafen").exists()
    assert not EmailAddress.objects.filter(email="anna@example.org").exists()
    assert not OrganisationMembership.objects.exists()


def test_deletion_log_has_counts_but_no_personal_data(citizen_client, citizen, voted_poll):
    citizen_client.post("/de/accounts/me/delete/", {"password": PASSWORD})
    log = AccountDeletionLog.objects.get()
    assert log.counts["poll_votes"] == 1
    assert log.contributions_removed is False
    stored = json.dumps(log.counts) + str(log)
    assert "anna" not in stored and "Möwe" not in stored


@pytest.mark.parametrize(
    "password", ["", "falsch", "x" * 5000, "<script>alert(1)</script>"], ids=["empty", "wrong", "huge", "html"]
)
def test_wrong_password_deletes_nothing(citizen_client, citizen, voted_poll, password):
    response = citizen_client.post("/de/accounts/me/delete/", {"password": password, "remove_contributions": "on"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert get_user_model().objects.filter(pk=citizen.pk).exists()
    assert PollBallot.objects.filter(user=citizen).exists()
    assert not AccountDeletionLog.objects.exists()


def test_account_without_password_confirms_with_its_email(client, home):
    user = UserFactory(email="oidc@example.org")
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    assert client.post("/de/accounts/me/delete/", {"password": "wrong@example.org"}).status_code == 200
    assert get_user_model().objects.filter(pk=user.pk).exists()
    client.post("/de/accounts/me/delete/", {"password": "OIDC@example.org"})
    assert not get_user_model().objects.filter(pk=user.pk).exists()


def test_deleted_user_shows_as_deleted_account():
    from django.utils import translation

    from accounts.models import display_name_of

    with translation.override("en"):
        assert display_name_of(None) == "deleted account"
    with translation.override("de"):
        assert display_name_of(None) == "gelöschtes Konto"


def test_every_key_of_an_exported_idea_has_a_translated_label(citizen_client, citizen, home):
    from tests.participation.factories import IdeaFactory, build_dialogue

    IdeaFactory(dialogue=build_dialogue(home), author=citizen, image_alt="Ein Schrank am Straßenrand")
    html = citizen_client.get("/da/accounts/me/my-data/").content.decode()
    assert "Billedbeskrivelse" in html
    assert "Breddegrad" in html
    for raw in ("Image alt", "Hidden reason", "Latitude", "Idea updates", "Address"):
        assert f"<dt>{raw}</dt>" not in html
