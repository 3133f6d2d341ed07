"""Validation and named queries of the portfolio and the OZG catalogue."""

import datetime
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError

from projects.models import AdministrativeService, FundingProgramme, Organisation, ProjectPage
from tests.projects.factories import (
    AdministrativeServiceFactory,
    FundingProgrammeFactory,
    OrganisationFactory,
    ProjectPageFactory,
    build_project,
)

pytestmark = pytest.mark.django_db


def test_project_ending_before_it_starts_is_refused(portfolio):
    project = ProjectPageFactory.build(start_date=datetime.date(2022, 1, 1), end_date=datetime.date(2021, 12, 31))

    with pytest.raises(ValidationError) as error:
        portfolio.add_child(instance=project)

    assert "end_date" in error.value.message_dict
    assert not ProjectPage.objects.exists()


def test_project_with_negative_budget_is_refused(portfolio):
    project = ProjectPageFactory.build(budget=Decimal("-1.00"))

    with pytest.raises(ValidationError) as error:
        portfolio.add_child(instance=project)

    assert "budget" in error.value.message_dict
    assert not ProjectPage.objects.exists()


def test_project_with_a_budget_of_zero_and_open_end_is_valid(portfolio):
    project = ProjectPageFactory.build(budget=Decimal("0"), end_date=None)

    portfolio.add_child(instance=project)

    assert ProjectPage.objects.get().budget == 0


def test_funding_period_ending_before_it_starts_is_refused(locales):
    programme = FundingProgrammeFactory.build(
        period_start=datetime.date(2022, 6, 30), period_end=datetime.date(2020, 11, 1)
    )

    with pytest.raises(ValidationError) as error:
        programme.full_clean()

    assert "period_end" in error.value.message_dict


def test_funding_with_negative_amount_is_refused(locales):
    programme = FundingProgrammeFactory.build(amount=Decimal("-100"))

    with pytest.raises(ValidationError) as error:
        programme.full_clean()

    assert "amount" in error.value.message_dict


@pytest.mark.parametrize(
    "key",
    [
        "9910201300000",  # 13 digits
        "991020130000001",  # 15 digits
        "9910201300000a",
        "99 102013000000",
        "99102013000000\n",
        "٩٩١٠٢٠١٣٠٠٠٠٠٠",  # Arabic-Indic digits
        "",
    ],
)
def test_malformed_leika_key_is_refused(locales, key):
    service = AdministrativeServiceFactory.build(leika_key=key)

    with pytest.raises(ValidationError) as error:
        service.full_clean()

    assert "leika_key" in error.value.message_dict


def test_fourteen_digit_leika_key_is_accepted(locales):
    service = AdministrativeServiceFactory.build(leika_key="99102013000000")

    service.full_clean()


def test_same_leika_key_twice_in_one_language_is_refused(locales):
    AdministrativeServiceFactory(leika_key="99102013000000")
    duplicate = AdministrativeServiceFactory.build(leika_key="99102013000000")

    with pytest.raises(ValidationError):
        duplicate.full_clean()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "not a url", "ftp//missing-colon"])
def test_service_link_must_be_a_web_address(locales, url):
    service = AdministrativeServiceFactory.build(online_service_url=url)

    with pytest.raises(ValidationError) as error:
        service.full_clean()

    assert "online_service_url" in error.value.message_dict


def test_organisation_website_must_be_a_web_address(locales):
    organisation = OrganisationFactory.build(website="javascript:alert(1)")

    with pytest.raises(ValidationError) as error:
        organisation.full_clean()

    assert "website" in error.value.message_dict


def test_online_summary_counts_overall_and_per_topic_area(locales, django_assert_num_queries):
    AdministrativeServiceFactory(topic_area="mobility_travel", online_status="online")
    AdministrativeServiceFactory(topic_area="mobility_travel", online_status="not_yet")
    AdministrativeServiceFactory(topic_area="health", online_status="in_progress")

    with django_assert_num_queries(2):
        summary = AdministrativeService.objects.online_summary()

    assert (summary["online"], summary["in_progress"], summary["total"]) == (1, 1, 3)
    rows = {row["topic_area"]: row for row in summary["by_topic_area"]}
    assert set(rows) == {"mobility_travel", "health"}
    assert (rows["mobility_travel"]["online"], rows["mobility_travel"]["total"]) == (1, 2)
    assert (rows["health"]["online"], rows["health"]["total"]) == (0, 1)


def test_online_summary_of_an_empty_catalogue_is_zero(locales):
    summary = AdministrativeService.objects.online_summary()

    assert (summary["online"], summary["total"], summary["by_topic_area"]) == (0, 0, [])


def test_by_status_lists_every_status_in_lifecycle_order(portfolio):
    build_project(portfolio, status="live")
    build_project(portfolio, status="live")
    build_project(portfolio, status="stopped")

    counts = ProjectPage.objects.live().by_status()

    assert [row["status"] for row in counts] == ["idea", "planned", "pilot", "live", "completed", "stopped"]
    assert {row["status"]: row["count"] for row in counts}["live"] == 2
    assert {row["status"]: row["count"] for row in counts}["idea"] == 0


def test_translated_snippets_keep_synchronised_values(locales):
    programme = FundingProgrammeFactory()
    translation = programme.copy_for_translation(locales["da"])
    translation.save()

    assert translation.amount == programme.amount
    assert FundingProgramme.objects.filter(translation_key=programme.translation_key).count() == 2
    assert Organisation.Kind.DANISH_PARTNER.label
