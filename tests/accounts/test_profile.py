"""Public display name and organisations an account may act for."""

import pytest

from accounts.models import (
    OrganisationMembership,
    ParticipatingOrganisation,
    Profile,
    organisations_user_may_act_for,
)
from tests.accounts.factories import OrganisationMembershipFactory, UserFactory, set_display_name

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen(db):
    return UserFactory()


@pytest.fixture
def citizen_client(client, citizen):
    client.force_login(citizen)
    return client


def test_every_new_account_gets_a_unique_pseudonym(db):
    names = {UserFactory().profile.display_name for _index in range(5)}
    assert len(names) == 5


def test_citizen_changes_display_name(citizen_client, citizen, home):
    response = citizen_client.post("/de/accounts/me/", {"display_name": "  Kapitänin   Förde "})
    assert response.status_code == 302
    assert Profile.objects.get(user=citizen).display_name == "Kapitänin Förde"


def test_display_name_must_be_unique_ignoring_case(citizen_client, citizen, home):
    other = UserFactory()
    set_display_name(other, "Möwe vom Hafen")
    response = citizen_client.post("/de/accounts/me/", {"display_name": "MÖWE VOM HAFEN"})
    assert response.status_code == 200
    assert Profile.objects.get(user=citizen).display_name != "MÖWE VOM HAFEN"


@pytest.mark.parametrize("name", ["", "ab", "x" * 61, "Zeile\u0007Glocke", "   "])
def test_invalid_display_names_are_refused(citizen_client, citizen, home, name):
    before = Profile.objects.get(user=citizen).display_name
    response = citizen_client.post("/de/accounts/me/", {"display_name": name})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert Profile.objects.get(user=citizen).display_name == before


def test_html_in_display_name_is_stored_as_text_and_rendered_escaped(citizen_client, citizen, home):
    citizen_client.post("/de/accounts/me/", {"display_name": "<b>Fett</b>"})
    html = citizen_client.get("/de/accounts/me/").content.decode()
    assert "<b>Fett</b>" not in html
    assert "&lt;b&gt;Fett&lt;/b&gt;" in html


def test_request_to_act_for_a_new_organisation(citizen_client, citizen, home):
    response = citizen_client.post(
        "/de/accounts/me/organisations/", {"organisation_name": "Förde-Verein", "role": "Kassenwart"}
    )
    assert response.status_code == 302
    membership = OrganisationMembership.objects.get(user=citizen)
    assert membership.organisation.name == "Förde-Verein"
    assert membership.confirmed is False
    assert not organisations_user_may_act_for(citizen).exists()


def test_request_reuses_an_existing_organisation(citizen_client, citizen, home):
    ParticipatingOrganisation.objects.create(name="Förde-Verein")
    citizen_client.post("/de/accounts/me/organisations/", {"organisation_name": "förde-verein"})
    assert ParticipatingOrganisation.objects.count() == 1


def test_second_request_for_same_organisation_is_refused(citizen_client, citizen, home):
    citizen_client.post("/de/accounts/me/organisations/", {"organisation_name": "Förde-Verein"})
    response = citizen_client.post("/de/accounts/me/organisations/", {"organisation_name": "Förde-Verein"})
    assert response.status_code == 200
    assert OrganisationMembership.objects.count() == 1


@pytest.mark.parametrize("payload", [{}, {"organisation_name": ""}, {"organisation_name": "x" * 201}])
def test_invalid_organisation_requests_store_nothing(citizen_client, home, payload):
    response = citizen_client.post("/de/accounts/me/organisations/", payload)
    assert response.status_code == 200
    assert not OrganisationMembership.objects.exists()


def test_citizen_cannot_confirm_their_own_membership(citizen_client, citizen, home):
    citizen_client.post("/de/accounts/me/organisations/", {"organisation_name": "Förde-Verein", "confirmed": "on"})
    assert OrganisationMembership.objects.get().confirmed is False


def test_confirmed_membership_lets_the_account_act_for_the_organisation(citizen):
    membership = OrganisationMembershipFactory(user=citizen, confirmed=True)
    assert list(organisations_user_may_act_for(citizen)) == [membership.organisation]
    assert membership.confirmed_at is not None


def test_editor_confirms_membership_in_the_wagtail_admin(client, home, citizen):
    from django.contrib.auth import get_user_model

    membership = OrganisationMembershipFactory(user=citizen)
    admin = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(admin)
    listing = client.get("/admin/accounts/memberships/")
    assert listing.status_code == 200
    response = client.post(
        f"/admin/accounts/memberships/edit/{membership.pk}/", {"role": "Vorstand", "confirmed": "on"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.confirmed is True
