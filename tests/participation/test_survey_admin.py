"""Editors create a needs survey in the admin: it starts with the six guiding questions and saves them."""

import pytest
from bs4 import BeautifulSoup

from participation.models import NeedsSurveyPage
from tests.agenda.factories import build_agenda

pytestmark = pytest.mark.django_db


def form_data(html):
    """Every field of the page editor's form with the value it shows (what a browser would send)."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one("form#page-edit-form") or soup.select_one("form[method=post]")
    data = {}
    for element in form.select("input[name], textarea[name], select[name]"):
        name = element["name"]
        if element.name == "textarea":
            data[name] = element.text
        elif element.name == "select":
            selected = element.select_one("option[selected]")
            data[name] = selected["value"] if selected else ""
        elif element.get("type") in ("checkbox", "radio"):
            if element.has_attr("checked"):
                data.setdefault(name, []).append(element.get("value", "on"))
        elif element.get("type") not in ("submit", "button", "file"):
            data[name] = element.get("value", "")
    return data


def test_editor_creates_a_survey_with_the_default_questions(admin_client, home):
    agenda = build_agenda(home)
    url = f"/admin/pages/add/participation/needssurveypage/{agenda.pk}/"
    data = form_data(admin_client.get(url).content.decode())
    data.update({"title": "Bedarfsumfrage 2026", "slug": "bedarfsumfrage-2026"})
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = NeedsSurveyPage.objects.get(slug="bedarfsumfrage-2026")
    questions = list(page.get_latest_revision_as_object().form_fields.all())
    assert len(questions) == 6
    assert {q.field_type for q in questions} == {"multiline", "checkboxes", "need_scale", "radio"}
    assert all(q.per_topic_field for q in questions)
