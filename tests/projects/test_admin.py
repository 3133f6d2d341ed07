"""Editors in the Wagtail admin: bad input gives a form error and stores nothing."""

import pytest

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from projects.models import AdministrativeService, ProjectPage

pytestmark = pytest.mark.django_db


def project_form(**fields):
    data = {
        "title": "Bürgerportal",
        "slug": "buergerportal",
        "intro": "",
        "summary": "Ein Portal.",
        "status": "live",
        "phase": "",
        "start_date": "",
        "end_date": "",
        "responsible_unit": "",
        "budget": "",
        "body": streamfield([]),
        "milestones": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def test_editor_cannot_save_a_project_that_ends_before_it_starts(admin_client, portfolio):
    response = admin_client.post(
        f"/admin/pages/add/projects/projectpage/{portfolio.pk}/",
        project_form(start_date="2022-01-01", end_date="2021-01-01"),
    )

    assert response.status_code == 200
    assert "end_date" in response.context["form"].errors
    assert not ProjectPage.objects.exists()


def test_editor_cannot_save_a_negative_budget(admin_client, portfolio):
    response = admin_client.post(f"/admin/pages/add/projects/projectpage/{portfolio.pk}/", project_form(budget="-5"))

    assert response.status_code == 200
    assert "budget" in response.context["form"].errors
    assert not ProjectPage.objects.exists()


def test_editor_can_save_a_valid_project(admin_client, portfolio):
    response = admin_client.post(
        f"/admin/pages/add/projects/projectpage/{portfolio.pk}/",
        project_form(start_date="2021-01-01", end_date="2022-12-31", budget="1000"),
    )

    assert response.status_code == 302
    assert ProjectPage.objects.get().budget == 1000


def service_form(**fields):
    data = {
        "name": "Gewerbe anmelden",
        "leika_key": "99050012104000",
        "topic_area": "business",
        "responsible_level": "municipal",
        "online_status": "online",
        "online_service_url": "",
    }
    data.update(fields)
    return data


@pytest.mark.parametrize(
    "fields",
    [
        {"leika_key": "9905001210400"},
        {"leika_key": "ABCDEFGHIJKLMN"},
        {"online_service_url": "javascript:alert(1)"},
        {"topic_area": "weather"},
    ],
)
def test_editor_cannot_save_a_malformed_service(admin_client, locales, fields):
    response = admin_client.post(
        "/admin/snippets/projects/administrativeservice/add/?locale=de", service_form(**fields)
    )

    assert response.status_code == 200
    assert set(fields) & set(response.context["form"].errors)
    assert not AdministrativeService.objects.exists()


def test_editor_can_save_a_service(admin_client, locales):
    response = admin_client.post("/admin/snippets/projects/administrativeservice/add/?locale=de", service_form())

    assert response.status_code == 302
    assert AdministrativeService.objects.get().leika_key == "99050012104000"


def test_service_listing_in_the_admin_filters_by_online_status(admin_client, locales):
    from tests.projects.factories import AdministrativeServiceFactory

    AdministrativeServiceFactory(name="Gewerbe anmelden", online_status="online")
    AdministrativeServiceFactory(name="Marktstand anmelden", online_status="not_yet")

    response = admin_client.get("/admin/snippets/projects/administrativeservice/", {"online_status": "online"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Gewerbe anmelden" in content and "Marktstand anmelden" not in content


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/projects/fundingprogramme/",
        "/admin/snippets/projects/organisation/",
        "/admin/snippets/projects/administrativeservice/",
    ],
)
def test_anonymous_visitors_cannot_open_the_snippet_admin(client, locales, url):
    response = client.get(url)

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_editor_sees_the_project_form_with_all_panels(admin_client, portfolio):
    response = admin_client.get(f"/admin/pages/add/projects/projectpage/{portfolio.pk}/")

    assert response.status_code == 200
    for name in ("status", "start_date", "end_date", "budget", "funding", "partners", "topic_fields"):
        assert name in response.context["form"].fields


@pytest.mark.parametrize("model", ["fundingprogramme", "organisation", "administrativeservice"])
def test_editor_sees_the_snippet_forms(admin_client, locales, model):
    assert admin_client.get(f"/admin/snippets/projects/{model}/add/?locale=de").status_code == 200
