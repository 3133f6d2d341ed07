"""The needs survey's demo content: complete, translated, idempotent."""

import pytest

from participation.models import NeedsSurveyPage, SurveyAnswer, SurveyFinding, SurveyResponse
from participation.survey import demo as demo_survey
from tests.skeleton import back_to_the_migrated_site
from website import demo

pytestmark = pytest.mark.django_db


def counts():
    return (
        NeedsSurveyPage.objects.count(),
        SurveyResponse.objects.count(),
        SurveyAnswer.objects.count(),
        SurveyFinding.objects.count(),
        sorted(NeedsSurveyPage.objects.values_list("latest_revision_id", flat=True)),
    )


def test_demo_survey_is_closed_published_translated_and_idempotent(client):
    back_to_the_migrated_site()
    context = demo.load(app_modules=("agenda.demo", "projects.demo"))
    demo_survey.load(context)
    first = counts()
    demo_survey.load(context)
    assert counts() == first

    pages, responses, _answers, findings, _revisions = first
    assert pages == 3  # de, da, en
    assert responses >= 300 and findings >= 3
    german = NeedsSurveyPage.objects.get(locale__language_code="de")
    assert german.status() == "closed" and german.results_published
    assert SurveyFinding.objects.filter(measures__isnull=False).exists()
    danish = NeedsSurveyPage.objects.get(locale__language_code="da")
    assert danish.form_fields.get(clean_name="need_score").label.startswith("Hvor presserende")
    response = client.get(danish.url + "results/")
    assert response.status_code == 200
    assert "<svg" in response.content.decode()
