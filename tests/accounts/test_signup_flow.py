"""Sign-up → verification mail → log-in, in the site's language, by e-mail address."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.core import mail

from accounts.models import Profile
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def signup(client, email="neu@example.org", password=PASSWORD, language="de"):
    return client.post(f"/{language}/accounts/signup/", {"email": email, "password1": password, "password2": password})


def test_signup_page_renders_in_the_site_layout(client, home):
    response = client.get("/de/accounts/signup/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert 'autocomplete="email"' in html
    assert 'autocomplete="new-password"' in html
    assert '<label for="id_email">' in html


def test_signup_sends_a_verification_mail_and_does_not_log_in(client, home):
    response = signup(client)
    assert response.status_code == 302
    assert "/de/accounts/confirm-email/" in response["Location"]
    assert len(mail.outbox) == 1
    assert "neu@example.org" in mail.outbox[0].to
    assert client.get("/de/accounts/me/").status_code == 302


def test_signup_creates_a_profile_with_a_pseudonym(client, home):
    signup(client)
    user = get_user_model().objects.get(email="neu@example.org")
    profile = Profile.objects.get(user=user)
    assert profile.display_name
    assert "neu" not in profile.display_name.lower()


def test_unverified_account_cannot_log_in(client, home):
    signup(client)
    client.logout()
    response = client.post("/de/accounts/login/", {"login": "neu@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_confirmation_link_verifies_and_logs_in(client, home):
    signup(client)
    link = re.search(r"https?://[^/]+(/\S+/confirm-email/\S+/)", mail.outbox[0].body).group(1)
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    from allauth.account.models import EmailAddress

    assert EmailAddress.objects.get(email="neu@example.org").verified
    assert client.get("/de/accounts/me/").status_code == 200


def test_verified_account_logs_in_by_email(client, home):
    UserFactory(email="anna@example.org")
    response = client.post("/de/accounts/login/", {"login": "anna@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/de/accounts/me/"


def test_wrong_password_shows_an_error_linked_to_the_form(client, home):
    UserFactory(email="anna@example.org")
    response = client.post("/de/accounts/login/", {"login": "anna@example.org", "password": "falsch"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_field_errors_are_linked_with_aria_describedby(client, home):
    response = signup(client, email="kaputt", password="123")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_email-errors"' in html
    assert re.search(r'<input[^>]*aria-describedby="[^"]*id_email-errors', html)
    assert 'aria-invalid="true"' in html
    assert not get_user_model().objects.filter(email="kaputt").exists()


def test_duplicate_email_cannot_sign_up_twice(client, home):
    UserFactory(email="anna@example.org")
    signup(client, email="anna@example.org")
    assert get_user_model().objects.filter(email__iexact="anna@example.org").count() == 1


def test_password_reset_sends_mail(client, home):
    UserFactory(email="anna@example.org")
    response = client.post("/da/accounts/password/reset/", {"email": "anna@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_logout(client, home):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/de/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_signup_pages_exist_in_danish(client, home):
    response = client.get("/da/accounts/signup/")
    assert response.status_code == 200
    assert '<html lang="da">' in response.content.decode()


@pytest.mark.parametrize(
    "payload",
    [
        {"email": "<script>alert(1)</script>@example.org", "password1": PASSWORD, "password2": PASSWORD},
        {"email": "a@example.org", "password1": PASSWORD, "password2": "anders"},
        {"email": "x" * 300 + "@example.org", "password1": PASSWORD, "password2": PASSWORD},
        {"email": "a@example.org\x00", "password1": PASSWORD, "password2": PASSWORD},
        {},
    ],
)
def test_hostile_signup_input_is_refused(client, home, payload):
    response = client.post("/de/accounts/signup/", payload)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert get_user_model().objects.count() == 0


def test_change_of_email_sends_a_verification_to_the_new_address(client, home):
    from allauth.account.models import EmailAddress

    user = UserFactory(email="alt@example.org")
    client.force_login(user)
    response = client.post("/de/accounts/email/", {"action_add": "", "email": "neu@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["neu@example.org"]
    assert not EmailAddress.objects.get(email="neu@example.org").verified
    assert EmailAddress.objects.get(email="alt@example.org").primary


def test_change_of_email_to_an_address_in_use_never_takes_it_over(client, home):
    """allauth does not reveal that the address is taken (enumeration protection), and never verifies it."""
    from allauth.account.models import EmailAddress

    owner = UserFactory(email="belegt@example.org")
    client.force_login(UserFactory(email="alt@example.org"))
    response = client.post("/de/accounts/email/", {"action_add": "", "email": "belegt@example.org"})
    assert response.status_code in {200, 302}
    assert EmailAddress.objects.get(email__iexact="belegt@example.org", verified=True).user == owner
    assert EmailAddress.objects.filter(email__iexact="belegt@example.org", verified=True).count() == 1
