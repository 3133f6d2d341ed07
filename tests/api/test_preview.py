"""Draft preview for headless front ends: signed, expiring, page-bound tokens."""

import pytest

from django.core import signing

from tests.accounts.factories import UserFactory
from tests.factories import ContentPageFactory, heading
from website.api_preview import TOKEN_SALT, make_preview_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_with_draft(home):
    page = ContentPageFactory(parent=home, title="Veröffentlicht", body=[heading("Alt")])
    page.save_revision().publish()
    page.title = "Entwurf"
    page.body = [("heading", {"text": "Neu", "level": "h2"})]
    page.save_revision()
    return page


def test_token_shows_the_latest_draft(client, page_with_draft):
    token = make_preview_token(page_with_draft)

    response = client.get(f"/api/v2/preview/{page_with_draft.pk}/", {"token": token})

    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Entwurf"
    assert data["body"][0]["value"]["text"] == "Neu"
    assert data["meta"]["type"] == "website.ContentPage"
    assert "no-store" in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_public_api_still_shows_the_published_version(client, page_with_draft):
    assert client.get(f"/api/v2/pages/{page_with_draft.pk}/").json()["title"] == "Veröffentlicht"


def test_unpublished_page_can_be_previewed(client, home):
    page = ContentPageFactory(parent=home, title="Noch geheim", live=False)
    page.save_revision()

    response = client.get(f"/api/v2/preview/{page.pk}/", {"token": make_preview_token(page)})

    assert response.status_code == 200
    assert response.json()["title"] == "Noch geheim"
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_missing_token_is_400(client, page_with_draft):
    response = client.get(f"/api/v2/preview/{page_with_draft.pk}/")

    assert response.status_code == 400
    assert "message" in response.json()


@pytest.mark.parametrize(
    "token",
    ["forged", "eyJwYWdlIjoxfQ:1abc:xyz", "' OR 1=1 --", "\u202e\x01", "a" * 5000],
    ids=["word", "wrong-signature", "sql", "control", "long"],
)
def test_forged_token_is_403(client, page_with_draft, token):
    response = client.get(f"/api/v2/preview/{page_with_draft.pk}/", {"token": token})

    assert response.status_code == 403
    assert response.json()["message"]
    assert "Entwurf" not in response.content.decode()


def test_token_of_another_page_is_403(client, home, page_with_draft):
    other = ContentPageFactory(parent=home)

    response = client.get(f"/api/v2/preview/{page_with_draft.pk}/", {"token": make_preview_token(other)})

    assert response.status_code == 403


def test_token_signed_with_another_salt_is_403(client, page_with_draft):
    token = signing.TimestampSigner(salt="something-else").sign_object({"page": page_with_draft.pk})

    response = client.get(f"/api/v2/preview/{page_with_draft.pk}/", {"token": token})

    assert response.status_code == 403


def test_expired_token_is_403(client, page_with_draft, settings):
    token = make_preview_token(page_with_draft)
    settings.API_PREVIEW_TOKEN_MAX_AGE = -1  # every token is older than this

    response = client.get(f"/api/v2/preview/{page_with_draft.pk}/", {"token": token})

    assert response.status_code == 403
    assert "expired" in response.json()["message"]


def test_unknown_page_is_404(client, page_with_draft):
    token = signing.TimestampSigner(salt=TOKEN_SALT).sign_object({"page": 999999})

    assert client.get("/api/v2/preview/999999/", {"token": token}).status_code == 404


def test_unknown_parameter_is_400(client, page_with_draft):
    token = make_preview_token(page_with_draft)

    response = client.get(f"/api/v2/preview/{page_with_draft.pk}/", {"token": token, "evil": "1"})

    assert response.status_code == 400


def test_editor_gets_the_preview_link_in_the_admin(admin_client, page_with_draft):
    response = admin_client.get(f"/admin/api-preview/{page_with_draft.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f"/api/v2/preview/{page_with_draft.pk}/?token=" in html
    token = html.split("?token=")[1].split('"')[0]
    assert admin_client.get(f"/api/v2/preview/{page_with_draft.pk}/", {"token": token}).json()["title"] == "Entwurf"


def test_page_edit_view_offers_the_headless_preview(admin_client, page_with_draft):
    html = admin_client.get(f"/admin/pages/{page_with_draft.pk}/edit/").content.decode()

    assert f"/admin/api-preview/{page_with_draft.pk}/" in html


def test_user_without_edit_permission_gets_no_link(client, page_with_draft):
    client.force_login(UserFactory())

    response = client.get(f"/admin/api-preview/{page_with_draft.pk}/")

    assert response.status_code in (302, 403)
    assert "token=" not in response.content.decode()
