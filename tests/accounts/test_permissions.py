"""Who may open what: anonymous reader, citizen, another citizen (expectations as data)."""

import pytest

from tests.accounts.factories import UserFactory
from tests.participation.poll_factories import PollFactory

pytestmark = pytest.mark.django_db

LOGIN = "login"

# (method, path, role) -> expected status; LOGIN = redirect to the log-in page
EXPECTATIONS = [
    ("get", "/de/accounts/me/", "anonymous", LOGIN),
    ("get", "/de/accounts/me/", "citizen", 200),
    ("get", "/de/accounts/me/organisations/", "anonymous", LOGIN),
    ("get", "/de/accounts/me/organisations/", "citizen", 200),
    ("get", "/de/accounts/me/my-data/", "anonymous", LOGIN),
    ("get", "/de/accounts/me/my-data/", "citizen", 200),
    ("get", "/de/accounts/me/delete/", "anonymous", LOGIN),
    ("get", "/de/accounts/me/delete/", "citizen", 200),
    ("post", "/de/accounts/me/delete/", "anonymous", LOGIN),
    ("get", "/de/accounts/email/", "anonymous", LOGIN),
    ("get", "/de/accounts/email/", "citizen", 200),
    ("get", "/de/accounts/password/change/", "citizen", 200),
    ("get", "/de/accounts/login/", "anonymous", 200),
    ("get", "/de/accounts/signup/", "anonymous", 200),
    ("get", "/de/polls/", "anonymous", 200),
    ("get", "/de/polls/{poll}/", "anonymous", 200),
    ("get", "/de/polls/{poll}/", "citizen", 200),
    ("post", "/de/polls/{poll}/vote/", "anonymous", LOGIN),
    ("post", "/de/polls/{poll}/vote/", "citizen", 302),
    ("get", "/api/v1/polls/", "anonymous", 200),
    ("get", "/api/v1/polls/{poll}/", "anonymous", 200),
    ("post", "/api/v1/polls/{poll}/vote/", "anonymous", 403),
    ("get", "/admin/accounts/memberships/", "citizen", 302),
    ("get", "/admin/snippets/participation/poll/", "citizen", 302),
]


@pytest.mark.parametrize(("method", "path", "role", "expected"), EXPECTATIONS)
def test_permission_matrix(client, home, method, path, role, expected):
    poll = PollFactory()
    if role == "citizen":
        client.force_login(UserFactory())
    response = getattr(client, method)(path.format(poll=poll.pk))
    if expected == LOGIN:
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == expected


def test_my_data_of_a_citizen_never_shows_another_citizens_data(client, home):
    citizen, other = UserFactory(email="eins@example.org"), UserFactory(email="zwei@example.org")
    client.force_login(citizen)
    html = client.get("/de/accounts/me/my-data/").content.decode()
    assert "eins@example.org" in html
    assert "zwei@example.org" not in html
    assert other.profile.display_name not in html


def test_other_citizen_cannot_delete_someone_elses_account(client, home):
    from django.contrib.auth import get_user_model

    from tests.accounts.factories import PASSWORD

    victim, attacker = UserFactory(), UserFactory()
    client.force_login(attacker)
    # The view only ever deletes the logged-in account; extra fields are ignored.
    client.post("/de/accounts/me/delete/", {"password": PASSWORD, "user": victim.pk, "pk": victim.pk})
    assert get_user_model().objects.filter(pk=victim.pk).exists()
    assert not get_user_model().objects.filter(pk=attacker.pk).exists()
