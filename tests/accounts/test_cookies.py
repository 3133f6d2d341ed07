"""Anonymous readers get no cookie on normal pages; only forms of the account pages set one."""

import pytest

from tests.participation.poll_factories import PollFactory

pytestmark = pytest.mark.django_db


def test_home_page_sets_no_cookie_for_anonymous_readers(client, home):
    response = client.get("/de/")
    assert response.status_code == 200
    assert not response.cookies


def test_poll_page_sets_no_cookie_for_anonymous_readers(client, home):
    poll = PollFactory()
    response = client.get(f"/de/polls/{poll.pk}/")
    assert response.status_code == 200
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_login_form_sets_only_a_session_length_csrf_cookie(client, home):
    response = client.get("/de/accounts/login/")
    assert "csrftoken" in response.cookies
    assert not response.cookies["csrftoken"]["max-age"]
    assert not response.cookies["csrftoken"]["expires"]


def test_header_links_to_login_for_anonymous_and_account_for_citizens(client, home):
    from tests.accounts.factories import UserFactory

    assert 'href="/de/accounts/login/"' in client.get("/de/").content.decode()
    client.force_login(UserFactory())
    assert 'href="/de/accounts/me/"' in client.get("/de/").content.decode()
