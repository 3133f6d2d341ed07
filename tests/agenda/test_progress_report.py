"""Figures of the progress report (agenda.reports) on a small known dataset."""

import datetime

import pytest

from agenda.reports import build_report
from tests.agenda.progress_factories import build_progress_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(home):
    return build_progress_dataset(home)


def by_status(figures):
    return {c.key: c.count for c in figures.by_status if c.count}


def test_today_counts_published_measures_by_status(home, dataset):
    report = build_report(home)
    assert by_status(report.totals) == {"implemented": 1, "in_progress": 1, "proposed": 1, "planned": 1, "rejected": 1}
    assert report.totals.total == 5


def test_share_implemented_per_topic_field(home, dataset):
    report = build_report(home)
    field_a, field_b = report.topic_fields
    assert (field_a.title, field_a.total, field_a.implemented, field_a.share_implemented) == (
        "Verwaltung und Bürgerservice",
        3,
        1,
        33,
    )
    assert (field_b.total, field_b.share_implemented) == (2, 0)
    assert report.totals.share_implemented == 20


def test_overdue_means_open_and_past_target(home, dataset):
    report = build_report(home)
    assert [m.title for m in report.totals.overdue] == ["Online-Terminvergabe"]
    assert [m.title for m in report.topic_fields[0].overdue] == ["Online-Terminvergabe"]
    assert report.topic_fields[1].overdue == []


def test_recently_changed_uses_the_window_newest_first(home, dataset):
    report = build_report(home, recent_days=30)
    assert [m.title for m in report.totals.recently_changed] == ["Chatbot", "E-Akte"]


def test_projects_by_status_overall_and_per_field(home, dataset):
    report = build_report(home)
    assert {c.key: c.count for c in report.projects_by_status if c.count} == {"live": 1, "pilot": 1}
    assert [f.projects_total for f in report.topic_fields] == [2, 1]


def test_services_online_x_of_y_by_topic_area(home, dataset):
    report = build_report(home)
    assert (report.services_online, report.services_total, report.services_share_online) == (3, 5, 60)
    areas = {row["key"]: (row["online"], row["in_progress"], row["not_yet"]) for row in report.services_by_topic_area}
    assert areas == {"family_children": (1, 0, 1), "mobility_travel": (2, 1, 0)}


def test_unpublished_measures_and_projects_only_with_include_unpublished(home, dataset):
    report = build_report(home, include_unpublished=True)
    assert report.totals.total == 6
    assert by_status(report.topic_fields[1]) == {"planned": 1, "rejected": 1, "in_progress": 1}
    assert report.projects_total == 3


def test_past_date_is_reconstructed_from_the_progress_log(home, dataset):
    report = build_report(home, as_of=datetime.date(2021, 12, 31))
    assert report.totals.total == 4  # the chatbot measure did not exist yet
    assert by_status(report.totals) == {"proposed": 2, "planned": 1, "in_progress": 1}
    assert report.totals.implemented == 0


def test_past_date_overdue_uses_the_status_of_that_day(home, dataset):
    report = build_report(home, as_of=datetime.date(2021, 12, 31))
    assert sorted(m.title for m in report.totals.overdue) == ["Carsharing", "Online-Terminvergabe"]
    assert {m.title: m.status for m in report.totals.overdue}["Carsharing"] == "proposed"


def test_past_report_does_not_change_when_measures_change_later(home, dataset):
    before = build_report(home, as_of=datetime.date(2021, 12, 31))
    measure = dataset["ladesaeulen"]
    measure.status = "in_progress"
    measure.percent_done = 10
    measure.save_revision().publish()
    after = build_report(home, as_of=datetime.date(2021, 12, 31))
    assert by_status(after.totals) == by_status(before.totals)
    assert by_status(build_report(home).totals)["in_progress"] == 2


def test_titles_follow_the_active_language(home, dataset):
    from django.utils import translation

    from tests.factories import translate

    danish = translate(dataset["termine"], "da")
    danish.title = "Online tidsbestilling"
    danish.save_revision().publish()
    with translation.override("da"):
        report = build_report(home)
    assert [m.title for m in report.totals.overdue] == ["Online tidsbestilling"]
