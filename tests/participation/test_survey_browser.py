"""The needs survey in Chromium: axe-core finds no WCAG 2.1 A/AA violation on the answer form
(also with errors) and on the results page with charts."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from participation.models import SurveyAnswer, SurveyResponse
from tests.accounts.factories import PASSWORD, UserFactory
from tests.browser.test_accessibility import CHROMIUM, CHROMIUM_ARGS, WCAG_TAGS, readable
from tests.participation.survey_factories import build_survey

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def browser_page(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser.new_page(viewport={"width": 1280, "height": 900})
        browser.close()


@pytest.fixture
def survey_setup(home, topic_field, other_topic_field):
    page = build_survey(home, topic_fields=[topic_field, other_topic_field], results_published=True)
    for score in (2, 4, 5):
        response = SurveyResponse.objects.create(page=page, form_data={}, channel=SurveyResponse.PAPER)
        SurveyAnswer.objects.create(
            response=response, question="need_score", topic_field=topic_field, scale_value=score
        )
        SurveyAnswer.objects.create(response=response, question="quick_wins", topic_field=topic_field, choice_index=1)
    user = UserFactory()
    return page, user, topic_field


def check(page, name):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, f"axe found violations on {name}:\n{readable(results)}"


def test_survey_form_and_results_have_no_wcag_violations(live_server, survey_setup, browser_page):
    survey, user, topic_field = survey_setup
    page = browser_page
    page.goto(live_server.url + "/de/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_load_state()

    page.goto(live_server.url + survey.url)
    check(page, "topic field selection")
    page.check(f"input[name=topic_fields][value='{topic_field.pk}']")
    page.click("form.dialogue-form button[type=submit]")
    assert page.locator(f"input[name=need_score__tf{topic_field.pk}]").count() == 5
    check(page, "answer form")
    page.click("form.survey-form button[type=submit]")  # the need score is required
    assert page.locator(".form-error-summary").count() == 1
    check(page, "answer form with errors")
    page.check(f"input[name=need_score__tf{topic_field.pk}][value='4']")
    page.click("form.survey-form button[type=submit]")
    assert SurveyResponse.objects.filter(user=user).exists()

    page.goto(live_server.url + survey.url + "results/")
    assert page.locator("svg.chart__svg").count() >= 1
    check(page, "results")
