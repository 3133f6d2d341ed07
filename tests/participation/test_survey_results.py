"""Results of the needs survey: aggregation, publication by an editor, moderation, API, query counts."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation.models import ModerationState, SurveyAnswer, SurveyResponse
from participation.survey import results as survey_results
from participation.survey import services as survey
from tests.accounts.factories import UserFactory
from tests.participation.survey_factories import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey_page(home, topic_field, other_topic_field):
    return build_survey(home, topic_fields=[topic_field, other_topic_field])


def add_responses(page, topic_field, scores, *, text="", start=0):
    """One response per score (no account: entered from paper), with a choice and an optional text."""
    responses = SurveyResponse.objects.bulk_create(
        SurveyResponse(page=page, form_data={}, channel=SurveyResponse.PAPER) for _ in scores
    )
    answers = []
    for index, (response, score) in enumerate(zip(responses, scores, strict=True)):
        answers.append(
            SurveyAnswer(response=response, question="need_score", topic_field=topic_field, scale_value=score)
        )
        answers.append(
            SurveyAnswer(response=response, question="quick_wins", topic_field=topic_field, choice_index=index % 2)
        )
        if text:
            answers.append(
                SurveyAnswer(
                    response=response, question="known_offers", topic_field=topic_field, text=f"{text} {index}"
                )
            )
    SurveyAnswer.objects.bulk_create(answers)
    through = SurveyResponse.topic_fields.through
    through.objects.bulk_create(through(surveyresponse_id=r.pk, topicfieldpage_id=topic_field.pk) for r in responses)
    return responses


def test_results_count_share_and_mean_per_topic_field(survey_page, topic_field, other_topic_field):
    add_responses(survey_page, topic_field, [5, 4, 4, 3])
    add_responses(survey_page, other_topic_field, [1, 2])
    results = survey_results.results(survey_page)
    assert results.responses == 6
    need = {tf.pk: (mean, n) for tf, mean, n in results.need_by_topic_field}
    assert need[topic_field.pk] == (4.0, 4)
    assert need[other_topic_field.pk] == (1.5, 2)
    quick = next(q for q in results.questions if q.question.clean_name == "quick_wins")
    row = next(r for r in quick.rows if r.topic_field.pk == topic_field.pk)
    assert [(c.count, c.percent) for c in row.choices[:2]] == [(2, 50), (2, 50)]
    assert quick.chart is not None


def test_results_page_is_hidden_until_an_editor_publishes_it(client, admin_client, survey_page, topic_field):
    add_responses(survey_page, topic_field, [4])
    url = survey_page.url + "results/"
    assert client.get(url).status_code == 404
    assert admin_client.get(url).status_code == 200  # editors preview
    survey_page.results_published = True
    survey_page.save_revision().publish()
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="chart__svg" role="img"' in html
    assert "<caption>" in html and 'scope="row"' in html
    assert "4,00" in html  # German number format


def test_free_text_is_shown_only_after_approval(client, admin_user, survey_page, topic_field):
    add_responses(survey_page, topic_field, [3, 4], text="Bitte Online-Termine")
    survey_page.results_published = True
    survey_page.save_revision().publish()
    url = survey_page.url + "results/"
    assert "Bitte Online-Termine" not in client.get(url).content.decode()
    answer = SurveyAnswer.objects.exclude(text="").order_by("pk").first()
    survey.moderate_answer(admin_user, answer, ModerationState.APPROVED)
    html = client.get(url).content.decode()
    assert "Bitte Online-Termine 0" in html and "Bitte Online-Termine 1" not in html


def test_sponsor_moderates_only_answers_of_their_topic_field(client, survey_page, topic_field, other_topic_field):
    from agenda.roles import create_topic_sponsor_group, ensure_roles

    ensure_roles()
    sponsor = UserFactory()
    sponsor.groups.add(create_topic_sponsor_group(topic_field))
    add_responses(survey_page, topic_field, [3], text="Eigenes Feld")
    add_responses(survey_page, other_topic_field, [3], text="Fremdes Feld")
    own = SurveyAnswer.objects.get(text="Eigenes Feld 0")
    foreign = SurveyAnswer.objects.get(text="Fremdes Feld 0")
    client.force_login(sponsor)
    html = client.get("/admin/participation/survey/answers/").content.decode()
    assert "Eigenes Feld" in html and "Fremdes Feld" not in html
    client.post("/admin/participation/survey/answers/", {"answer": foreign.pk, "state": "approved"})
    client.post("/admin/participation/survey/answers/", {"answer": own.pk, "state": "approved"})
    client.post("/admin/participation/survey/answers/", {"answer": "abc", "state": "approved"})
    client.post("/admin/participation/survey/answers/", {"answer": own.pk, "state": "<script>"})
    foreign.refresh_from_db()
    own.refresh_from_db()
    assert foreign.moderation == ModerationState.PENDING
    assert own.moderation == ModerationState.APPROVED


def test_citizens_cannot_open_the_moderation_queue(citizen_client):
    response = citizen_client.get("/admin/participation/survey/answers/")
    assert response.status_code in (302, 403)


def test_results_api_only_once_published(client, survey_page, topic_field):
    add_responses(survey_page, topic_field, [2, 4])
    assert client.get(f"/api/v1/surveys/{survey_page.pk}/results/").status_code == 404
    survey_page.results_published = True
    survey_page.save_revision().publish()
    data = client.get(f"/api/v1/surveys/{survey_page.pk}/results/").json()
    assert data["responses"] == 2
    row = next(r for r in data["topic_fields"] if r["topic_field"]["id"] == topic_field.pk)
    assert row["mean_need_score"] == 3.0
    assert "user" not in str(data)
    listing = client.get("/api/v1/surveys/?locale=de").json()
    assert [item["id"] for item in listing["items"]] == [survey_page.pk]


@pytest.mark.parametrize("url", ["/api/v1/surveys/?locale=xx", "/api/v1/survey-findings/?topic_field=abc"])
def test_bad_api_parameters_get_400_json(client, survey_page, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()


def test_results_page_query_count_is_the_same_for_10_and_5000_responses(
    client, survey_page, topic_field, other_topic_field
):
    survey_page.results_published = True
    survey_page.save_revision().publish()
    url = survey_page.url + "results/"

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    add_responses(survey_page, topic_field, [1, 2, 3, 4, 5] * 2, text="Text")
    SurveyAnswer.objects.exclude(text="").update(moderation=ModerationState.APPROVED)
    count()
    few = count()
    add_responses(survey_page, other_topic_field, [1, 2, 3, 4, 5] * 998, start=10)
    assert SurveyResponse.objects.count() == 5000
    assert count() == few
