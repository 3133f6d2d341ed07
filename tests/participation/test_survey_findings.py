"""Findings of the needs survey: recorded by editors and sponsors, promoted or linked to measures,
listed among a measure's origins; the need score feeds the demand term; traceability end to end."""

import pytest
from bs4 import BeautifulSoup

from agenda import origins
from agenda.models import MeasurePage, MeasureStatus
from participation.core import scoring
from participation.models import ModerationState, SurveyAnswer, SurveyFinding, SurveyResponse
from participation.survey import services as survey
from tests.accounts.factories import UserFactory
from tests.agenda.factories import MeasurePageFactory
from tests.factories import publish
from tests.participation.factories import IdeaFactory
from tests.participation.survey_factories import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles():
    from agenda.roles import ensure_roles

    return ensure_roles()


@pytest.fixture
def survey_page(home, topic_field, other_topic_field):
    return build_survey(home, topic_fields=[topic_field, other_topic_field], results_published=True)


@pytest.fixture
def sponsor(roles, topic_field):
    from agenda.roles import create_topic_sponsor_group

    user = UserFactory()
    user.groups.add(create_topic_sponsor_group(topic_field))
    return user


def need_answers(page, topic_field, scores, text=""):
    rows = []
    for score in scores:
        response = SurveyResponse.objects.create(page=page, form_data={}, channel=SurveyResponse.PAPER)
        rows.append(
            SurveyAnswer.objects.create(
                response=response, question="need_score", topic_field=topic_field, scale_value=score
            )
        )
        if text:
            rows.append(
                SurveyAnswer.objects.create(
                    response=response,
                    question="known_offers",
                    topic_field=topic_field,
                    text=text,
                    moderation=ModerationState.APPROVED,
                )
            )
    return rows


@pytest.fixture
def finding(survey_page, topic_field):
    return SurveyFinding.objects.create(
        survey=survey_page,
        topic_field=topic_field,
        title="Termine im Bürgerbüro fehlen online",
        summary="Viele Befragte wünschen sich Online-Termine.",
    )


def test_findings_are_a_registered_origin_kind():
    kinds = {kind.key: kind for kind in origins.kinds()}
    assert kinds["survey_findings"].order == 30
    assert kinds["survey_findings"].template == "participation/includes/origins_survey_findings.html"


def test_sponsor_promotes_a_finding_to_a_draft_measure(client, sponsor, finding, topic_field):
    client.force_login(sponsor)
    url = f"/admin/participation/survey/findings/{finding.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "promote", "title": "Online-Terminvergabe", "solution_idea": "Kalender"})
    assert response.status_code == 302
    measure = finding.measures.get()
    assert measure.title == "Online-Terminvergabe" and not measure.live
    assert measure.get_parent().pk == topic_field.pk


def test_sponsor_cannot_act_on_a_finding_of_another_topic_field(client, sponsor, survey_page, other_topic_field):
    foreign = SurveyFinding.objects.create(
        survey=survey_page, topic_field=other_topic_field, title="Schule", summary="WLAN fehlt."
    )
    client.force_login(sponsor)
    url = f"/admin/participation/survey/findings/{foreign.pk}/"
    # the admin answers PermissionDenied with a redirect to the dashboard and a message
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"action": "promote", "title": "Fremd"}).status_code in (302, 403)
    assert not foreign.measures.exists()
    listing = client.get("/admin/survey_findings/").content.decode()
    assert "Schule" not in listing


@pytest.mark.parametrize(
    "data",
    [
        {"action": "promote", "title": ""},
        {"action": "promote", "title": "x" * 300},
        {"action": "link", "measure": "999999"},
        {"action": "link", "measure": "abc"},
        {"action": "evidence", "answers": ["999999"]},
        {"action": "bogus"},
    ],
)
def test_bad_finding_actions_change_nothing(admin_client, finding, data):
    response = admin_client.post(f"/admin/participation/survey/findings/{finding.pk}/", data)
    assert response.status_code == 400
    assert not finding.measures.exists() and not finding.answers.exists()


def test_a_measure_of_another_topic_field_cannot_be_linked(admin_client, finding, other_topic_field):
    foreign = publish(MeasurePageFactory(parent=other_topic_field))
    response = admin_client.post(
        f"/admin/participation/survey/findings/{finding.pk}/", {"action": "link", "measure": foreign.pk}
    )
    assert response.status_code == 400
    assert not finding.measures.exists()


def test_finding_form_refuses_html_and_other_topic_fields(client, sponsor, survey_page, other_topic_field):
    client.force_login(sponsor)
    response = client.post(
        "/admin/survey_findings/new/",
        {
            "survey": survey_page.pk,
            "topic_field": other_topic_field.pk,
            "title": "<script>x</script>",
            "summary": "ok",
            "is_public": "on",
        },
    )
    assert response.status_code == 200  # the form again, with errors
    assert not SurveyFinding.objects.exists()


def test_measure_lists_the_finding_and_the_finding_shows_measure_status_and_projects(
    client, admin_user, finding, topic_field, survey_page
):
    measure = publish(MeasurePageFactory(parent=topic_field, title="Online-Terminvergabe"))
    survey.link_finding(admin_user, finding, measure)
    html = client.get(measure.url).content.decode()
    assert 'id="origins-survey_findings"' in html
    assert finding.get_absolute_url() in html
    finding_html = client.get(finding.get_absolute_url()).content.decode()
    assert measure.url in finding_html


def test_the_need_score_of_a_topic_field_feeds_the_demand_term(survey_page, topic_field, other_topic_field):
    from participation.models import SurveyScoringSettings

    here = publish(MeasurePageFactory(parent=topic_field))
    there = publish(MeasurePageFactory(parent=other_topic_field))
    need_answers(survey_page, topic_field, [5, 5, 4])  # mean 4.67 → need score 91.7
    scores = dict(MeasurePage.objects.with_scores().values_list("pk", "demand_score"))
    assert scores[there.pk] == 0  # no supports, no survey answers for that field
    assert scores[here.pk] == pytest.approx(scoring.demand_score(0, 14 / 3, 0.5))
    assert scores[here.pk] == pytest.approx(0.5 * 25 * (14 / 3 - 1))
    SurveyScoringSettings.objects.create(need_weight=0)
    scores = dict(MeasurePage.objects.with_scores().values_list("pk", "demand_score"))
    assert scores[here.pk] == 0


def test_need_scores_of_an_unpublished_survey_do_not_count(survey_page, topic_field):
    measure = publish(MeasurePageFactory(parent=topic_field))
    need_answers(survey_page, topic_field, [5])
    survey_page.unpublish()
    assert MeasurePage.objects.with_scores().get(pk=measure.pk).demand_score == 0


def test_council_member_walks_from_an_implemented_measure_to_survey_answers_and_from_an_idea_to_the_project(
    client, roles, admin_user, home, topic_field, finding, survey_page, dialogue
):
    """Two clicks each way, following only links on the public pages."""
    from tests.projects.factories import build_project, build_project_index_page

    need_answers(survey_page, topic_field, [4], text="Termine nur per Telefon")
    finding.answers.set(SurveyAnswer.objects.exclude(text=""))
    project = build_project(build_project_index_page(home), title="Terminportal")
    measure = MeasurePageFactory(parent=topic_field, title="Online-Termine", status=MeasureStatus.IMPLEMENTED)
    measure.projects.set([project])
    measure = publish(measure)
    survey.link_finding(admin_user, finding, measure)
    idea = IdeaFactory(dialogue=dialogue, topic_field=topic_field, title="Termine per App")
    idea.measures.add(measure)

    council = UserFactory()
    council.groups.add(roles["council_members"])
    client.force_login(council)

    def links(url):
        response = client.get(url)
        assert response.status_code == 200, url
        soup = BeautifulSoup(response.content, "html.parser")
        return soup, {a["href"] for a in soup.select("main a[href], article a[href]")}

    # backwards: measure → finding (1 click) → the answers are on the finding page; measure → idea (1 click)
    _soup, measure_links = links(measure.url)
    assert finding.get_absolute_url() in measure_links
    assert idea.get_absolute_url() in measure_links
    soup, finding_links = links(finding.get_absolute_url())
    assert "Termine nur per Telefon" in soup.get_text()
    assert survey_page.url + "results/" in finding_links  # 2nd click: all answers of the survey

    # forwards: idea → measure (1 click) → project (2nd click), the project's status already on the idea page
    soup, idea_links = links(idea.get_absolute_url())
    assert measure.url in idea_links
    assert project.url in idea_links
    assert project.get_status_display() in soup.get_text()
    _soup, measure_links = links(measure.url)
    assert project.url in measure_links
    assert client.get(project.url).status_code == 200


def test_findings_api_lists_public_findings_with_their_measures(client, admin_user, finding, topic_field):
    measure = publish(MeasurePageFactory(parent=topic_field, title="Online-Termine", percent_done=40))
    survey.link_finding(admin_user, finding, measure)
    SurveyFinding.objects.create(
        survey=finding.survey, topic_field=topic_field, title="Intern", summary="-", is_public=False
    )
    data = client.get(f"/api/v1/survey-findings/?topic_field={topic_field.pk}").json()
    assert [item["title"] for item in data["items"]] == [finding.title]
    assert data["items"][0]["measures"][0]["percent_done"] == 40
    assert client.get(f"/api/v1/survey-findings/{finding.pk + 1}/").status_code == 404


def test_measures_api_carries_the_origins_of_every_kind(client, admin_user, finding, topic_field):
    measure = publish(MeasurePageFactory(parent=topic_field))
    survey.link_finding(admin_user, finding, measure)
    data = client.get(f"/api/v2/measures/{measure.pk}/").json()
    assert [item["id"] for item in data["origins"]["survey_findings"]] == [finding.pk]
    assert data["origins"]["ideas"] == []


def test_agenda_page_counts_measures_from_findings(client, admin_user, finding, topic_field):
    measure = publish(MeasurePageFactory(parent=topic_field))
    survey.link_finding(admin_user, finding, measure)
    rows, total = origins.origin_counts([measure])
    assert {kind.key: n for kind, n in rows}["survey_findings"] == 1
    assert total == 1
    html = client.get(topic_field.get_parent().url).content.decode()
    assert 'id="origin-counts-heading"' in html


def test_editors_may_change_the_need_weight(roles):
    from django.contrib.auth.models import Group

    from agenda.roles import ensure_roles

    ensure_roles()
    codenames = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert "change_surveyscoringsettings" in codenames


def test_measure_page_queries_do_not_grow_with_findings(client, admin_user, survey_page, topic_field):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    measure = publish(MeasurePageFactory(parent=topic_field))

    def add(count):
        findings = SurveyFinding.objects.bulk_create(
            SurveyFinding(survey=survey_page, topic_field=topic_field, title=f"Bedarf {n}", summary="-")
            for n in range(count)
        )
        for finding in findings:
            finding.measures.add(measure)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(measure.url).status_code == 200
        return len(ctx)

    add(1)
    queries()
    one = queries()
    add(99)
    assert SurveyFinding.objects.filter(measures=measure).count() == 100
    assert queries() == one


def test_only_editors_delete_findings(sponsor, finding):
    from participation.survey.admin_views import FindingPolicy

    policy = FindingPolicy(SurveyFinding)
    assert policy.user_has_permission_for_instance(sponsor, "change", finding)
    assert not policy.user_has_permission_for_instance(sponsor, "delete", finding)
