"""The needs survey: answering per topic field, one response per account, hostile input."""

import datetime

import pytest

from django.db import IntegrityError, transaction
from django.utils import timezone

from participation.models import NeedsSurveyPage, SurveyAnswer, SurveyResponse
from tests.accounts.factories import UserFactory
from tests.agenda.factories import build_topic_field
from tests.participation.survey_factories import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey_page(home, topic_field, other_topic_field):
    return build_survey(home, topic_fields=[topic_field, other_topic_field])


def key(question, topic_field):
    return f"{question}__tf{topic_field.pk}"


def answers(topic_field, **overrides):
    data = {
        "topic_fields": [str(topic_field.pk)],
        key("known_offers", topic_field): "Das Bürgerportal, aber die Suche ist schwer.",
        key("reasons_low_use", topic_field): ["0", "2"],
        key("need_score", topic_field): "4",
        key("quick_wins", topic_field): "1",
        key("stakeholders", topic_field): ["0", "4"],
    }
    data.update(overrides)
    return data


def stored():
    return (
        SurveyResponse.objects.count(),
        sorted(SurveyAnswer.objects.values_list("question", "choice_index", "scale_value", "text")),
    )


def test_a_new_survey_page_offers_the_six_guiding_questions_in_the_admin(admin_client, home):
    from tests.agenda.factories import build_agenda

    agenda = build_agenda(home)
    response = admin_client.get(f"/admin/pages/add/participation/needssurveypage/{agenda.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('name="form_fields-') > 6
    from django.utils import translation

    with translation.override("de"):
        german = translation.gettext("Where do conditions favour quick wins?")
    assert german in html or "Where do conditions favour quick wins?" in html


def test_survey_may_live_under_the_agenda_or_the_home_page():
    from agenda.models import AgendaPage, TopicFieldPage
    from website.models import HomePage

    assert set(NeedsSurveyPage.allowed_parent_page_models()) == {AgendaPage, HomePage}
    assert NeedsSurveyPage in AgendaPage.allowed_subpage_models()
    assert NeedsSurveyPage in HomePage.allowed_subpage_models()
    assert NeedsSurveyPage not in TopicFieldPage.allowed_subpage_models()


def test_anonymous_visitor_is_asked_to_log_in_and_cannot_post(client, survey_page, topic_field):
    html = client.get(survey_page.url).content.decode()
    assert "/accounts/login/" in html
    response = client.post(survey_page.url, answers(topic_field))
    assert response.status_code == 401
    assert stored() == (0, [])


def test_step_one_asks_for_topic_fields_then_the_questions_per_field(
    citizen_client, survey_page, topic_field, other_topic_field
):
    html = citizen_client.get(survey_page.url).content.decode()
    assert 'name="topic_fields"' in html and 'type="checkbox"' in html
    url = f"{survey_page.url}?topic_fields={topic_field.pk}&topic_fields={other_topic_field.pk}"
    html = citizen_client.get(url).content.decode()
    assert f'name="{key("need_score", topic_field)}"' in html
    assert f'name="{key("need_score", other_topic_field)}"' in html
    assert "<legend" in html


def test_citizen_answers_and_the_answers_are_stored_per_topic_field(citizen_client, citizen, survey_page, topic_field):
    response = citizen_client.post(survey_page.url, answers(topic_field))
    assert response.status_code == 302
    saved = SurveyResponse.objects.get()
    assert saved.user == citizen and saved.page_id == survey_page.pk
    assert list(saved.topic_fields.all()) == [topic_field]
    rows = SurveyAnswer.objects.filter(response=saved)
    assert rows.get(question="need_score").scale_value == 4
    assert sorted(rows.filter(question="reasons_low_use").values_list("choice_index", flat=True)) == [0, 2]
    assert rows.get(question="known_offers").text.startswith("Das Bürgerportal")
    assert {row.topic_field_id for row in rows} == {topic_field.pk}
    # the export (Wagtail's submissions listing) reads form_data with the option labels
    assert (
        saved.form_data[key("quick_wins", topic_field)]
        == survey_page.form_fields.get(clean_name="quick_wins").choice_labels()[1]
    )


def test_citizen_can_change_the_answers_while_open(citizen_client, survey_page, topic_field):
    citizen_client.post(survey_page.url, answers(topic_field))
    saved = SurveyResponse.objects.get()
    html = citizen_client.get(survey_page.url).content.decode()
    assert f'name="edit_of" value="{saved.pk}"' in html
    response = citizen_client.post(
        survey_page.url, answers(topic_field, edit_of=str(saved.pk), **{key("need_score", topic_field): "2"})
    )
    assert response.status_code == 302
    assert SurveyResponse.objects.count() == 1
    assert SurveyAnswer.objects.get(question="need_score").scale_value == 2


def test_a_second_response_is_refused(citizen_client, survey_page, topic_field):
    citizen_client.post(survey_page.url, answers(topic_field))
    before = stored()
    response = citizen_client.post(survey_page.url, answers(topic_field, **{key("need_score", topic_field): "1"}))
    assert response.status_code == 409
    assert stored() == before


def test_the_database_allows_one_response_per_account(survey_page, citizen):
    SurveyResponse.objects.create(page=survey_page, user=citizen, form_data={})
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyResponse.objects.create(page=survey_page, user=citizen, form_data={})


def test_editing_someone_elses_response_is_refused(citizen_client, survey_page, topic_field):
    other = SurveyResponse.objects.create(page=survey_page, user=UserFactory(), form_data={})
    response = citizen_client.post(survey_page.url, answers(topic_field, edit_of=str(other.pk)))
    assert response.status_code == 400
    assert SurveyResponse.objects.count() == 1


@pytest.mark.parametrize(
    "closed",
    [
        {"closes_at": timezone.now() - datetime.timedelta(minutes=1)},
        {"opens_at": timezone.now() + datetime.timedelta(days=1)},
    ],
    ids=["closed", "not-yet-open"],
)
def test_answers_to_a_survey_that_is_not_open_are_refused(citizen_client, survey_page, topic_field, closed):
    for name, value in closed.items():
        setattr(survey_page, name, value)
    survey_page.save_revision().publish()
    response = citizen_client.post(survey_page.url, answers(topic_field))
    assert response.status_code == 403
    assert stored() == (0, [])


def test_changing_answers_after_the_close_is_refused(citizen_client, survey_page, topic_field):
    citizen_client.post(survey_page.url, answers(topic_field))
    before = stored()
    survey_page.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    survey_page.save_revision().publish()
    saved = SurveyResponse.objects.get()
    response = citizen_client.post(
        survey_page.url, answers(topic_field, edit_of=str(saved.pk), **{key("need_score", topic_field): "1"})
    )
    assert response.status_code == 403
    assert stored() == before


@pytest.mark.parametrize(
    "overrides",
    [
        {"need_score": "0"},
        {"need_score": "6"},
        {"need_score": "-1"},
        {"need_score": "4.5"},
        {"need_score": "vier"},
        {"need_score": ""},  # required
        {"quick_wins": "99"},
        {"quick_wins": "x"},
        {"reasons_low_use": ["0", "17"]},
        {"stakeholders": ["<script>"]},
        {"known_offers": "x" * 2001},
        {"known_offers": "<script>alert(1)</script>"},
        {"known_offers": "<b>fett</b>"},
        {"known_offers": "Null\x00Byte"},
        {"known_offers": "Glocke\x07"},
    ],
    ids=lambda value: next(iter(value)) + "=" + repr(next(iter(value.values())))[:20],
)
def test_hostile_answers_get_form_errors_and_store_nothing(citizen_client, survey_page, topic_field, overrides):
    data = answers(topic_field, **{key(name, topic_field): value for name, value in overrides.items()})
    response = citizen_client.post(survey_page.url, data)
    assert response.status_code == 400
    assert 'class="form-error-summary"' in response.content.decode()
    assert stored() == (0, [])


@pytest.mark.parametrize("topic_fields", [[], ["abc"], ["999999"], ["1 OR 1=1"]])
def test_unknown_topic_fields_are_refused(citizen_client, survey_page, topic_field, topic_fields):
    data = answers(topic_field)
    data["topic_fields"] = topic_fields
    response = citizen_client.post(survey_page.url, data)
    assert response.status_code == 400
    assert stored() == (0, [])


def test_a_topic_field_of_another_site_is_refused(citizen_client, survey_page, topic_field, locales):
    from wagtail.models import Page

    from tests.factories import HomePageFactory, publish

    other_home = publish(HomePageFactory(parent=Page.get_first_root_node(), slug="kreis", locale=locales["de"]))
    foreign = build_topic_field(other_home, title="Kreis-Themenfeld")
    data = answers(topic_field)
    data["topic_fields"] = [str(foreign.pk)]
    response = citizen_client.post(survey_page.url, data)
    assert response.status_code == 400
    assert stored() == (0, [])


def test_selection_with_garbage_ids_is_a_form_error_not_a_500(citizen_client, survey_page):
    response = citizen_client.get(survey_page.url + "?topic_fields=abc&topic_fields=%00")
    assert response.status_code == 400


def test_answering_is_rate_limited(citizen_client, survey_page, topic_field, settings):
    from participation.survey import views as survey_views

    survey_views.RATE_LIMIT = {"per_user": (2, 3600), "per_ip": (100, 3600)}
    try:
        codes = [citizen_client.post(survey_page.url, {"topic_fields": ["x"]}).status_code for _ in range(3)]
    finally:
        survey_views.RATE_LIMIT = {"per_user": (20, 3600), "per_ip": (60, 3600)}
    assert codes == [400, 400, 429]


def test_answers_in_danish_count_for_the_german_survey(client, survey_page, topic_field):
    from tests.factories import translate

    danish = translate(survey_page, "da")
    danish_field = translate(topic_field, "da")
    user = UserFactory()
    client.force_login(user)
    html = client.get(danish.url).content.decode()
    assert danish_field.title in html or topic_field.title in html
    response = client.post(danish.url, answers(topic_field))
    assert response.status_code == 302
    saved = SurveyResponse.objects.get()
    assert saved.page_id == survey_page.pk and saved.language == "da"
    assert SurveyAnswer.objects.get(question="need_score").topic_field_id == topic_field.pk


def test_personal_data_export_and_deletion(survey_page, citizen, topic_field):
    from accounts import gdpr

    response = SurveyResponse.objects.create(page=survey_page, user=citizen, form_data={"need_score": 4})
    SurveyAnswer.objects.create(response=response, question="need_score", topic_field=topic_field, scale_value=4)
    data = gdpr.export_user_data(citizen)
    assert data["sections"]["needs_survey"]["data"][0]["answers"] == {"need_score": 4}
    gdpr.delete_account(citizen)
    response.refresh_from_db()
    assert response.user is None  # anonymised: the answers keep counting
    assert SurveyAnswer.objects.count() == 1


def test_wagtail_export_has_a_column_per_question_and_topic_field(admin_client, survey_page, citizen, topic_field):
    response = SurveyResponse.objects.create(
        page=survey_page, user=citizen, form_data={key("need_score", topic_field): 4, "topic_field_titles": "X"}
    )
    assert response.pk
    csv = admin_client.get(f"/admin/forms/submissions/{survey_page.pk}/?export=csv")
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert topic_field.title in body.splitlines()[0]
    assert ",4" in body
