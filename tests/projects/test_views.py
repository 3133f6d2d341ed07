"""Public pages: the portfolio listing and its filters, project pages, the Smart City
programme and the OZG catalogue; drafts stay hidden; query counts do not grow."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import ProjectPage
from tests.factories import NewsIndexPageFactory, NewsPageFactory, publish, translate
from tests.projects.factories import (
    AdministrativeServiceFactory,
    FundingProgrammeFactory,
    OrganisationFactory,
    ProjectPageFactory,
    ServiceCatalogPageFactory,
    SmartCityProgrammePageFactory,
    build_project,
)

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed_titles(response):
    return {link.get_text(strip=True) for link in soup(response).select(".project-card .card__title a")}


def test_portfolio_lists_live_projects_with_status_as_text(client, portfolio):
    build_project(portfolio, title="Bürgerportal", status="live")

    page = soup(client.get(portfolio.url))

    card = page.select_one(".project-card")
    assert "Bürgerportal" in card.get_text()
    assert card.select_one(".project-status").get_text(" ", strip=True).endswith("In Betrieb")


def test_portfolio_filters_by_status(client, portfolio):
    build_project(portfolio, title="Chatbot-Pilot", status="pilot")
    build_project(portfolio, title="Bürgerportal", status="live")

    titles = listed_titles(client.get(portfolio.url, {"status": "pilot"}))

    assert titles == {"Chatbot-Pilot"}


def test_portfolio_filters_by_funding(client, portfolio):
    programme = FundingProgrammeFactory(name="Digitale Modellkommune SH")
    build_project(portfolio, title="Digitale Agenda", funding=[programme])
    build_project(portfolio, title="Bürgerportal")

    titles = listed_titles(client.get(portfolio.url, {"funding": str(programme.pk)}))

    assert titles == {"Digitale Agenda"}


def test_portfolio_filters_by_topic_field(client, home, portfolio):
    from tests.agenda.factories import build_topic_field

    topic_field = build_topic_field(home, title="Verwaltung und Bürgerservice")
    project = build_project(portfolio, title="OZG-Umsetzung")
    project.topic_fields.set([topic_field])
    publish(project)
    build_project(portfolio, title="Parksensorik")

    titles = listed_titles(client.get(portfolio.url, {"topic_field": str(topic_field.pk)}))

    assert titles == {"OZG-Umsetzung"}


def test_danish_portfolio_filters_by_the_danish_funding_translation(client, portfolio):
    programme = FundingProgrammeFactory(name="Digitale Modellkommune SH")
    danish_programme = programme.copy_for_translation(programme.locale.__class__.objects.get(language_code="da"))
    danish_programme.save()
    build_project(portfolio, title="Digitale Agenda", funding=[programme])
    danish_portfolio = translate(portfolio, "da")
    translate(ProjectPage.objects.get(title="Digitale Agenda"), "da")

    titles = listed_titles(client.get(danish_portfolio.url, {"funding": str(danish_programme.pk)}))

    assert titles == {"Digitale Agenda"}


@pytest.mark.parametrize(
    "query",
    [
        {"status": "bogus"},
        {"status": "\x00"},
        {"funding": "abc"},
        {"funding": "99999999999999999999999"},
        {"funding": "-1"},
        {"topic_field": "1 OR 1=1"},
        {"page": "9999"},
        {"page": "-3"},
        {"funding": ["", "x"], "topic_field": ""},
        {"status": "<script>alert(1)</script>"},
    ],
)
def test_hostile_filter_values_are_ignored(client, portfolio, query):
    build_project(portfolio, title="Bürgerportal", status="live")

    response = client.get(portfolio.url, query)

    assert response.status_code == 200
    assert "Bürgerportal" in listed_titles(response)
    assert b"<script>alert(1)</script>" not in response.content


def test_filter_form_is_a_labelled_get_form(client, portfolio):
    page = soup(client.get(portfolio.url))

    form = page.select_one("form.filter-form")
    assert form["method"] == "get"
    for select in form.select("select"):
        assert page.select_one(f'label[for="{select["id"]}"]') is not None


def test_selected_filter_is_kept_in_the_form_and_pagination(client, portfolio):
    for number in range(portfolio.page_size + 1):
        build_project(portfolio, title=f"Projekt {number:02d}", status="planned")

    page = soup(client.get(portfolio.url, {"status": "planned"}))

    assert page.select_one('select[name="status"] option[selected]')["value"] == "planned"
    assert "status=planned" in page.select_one('.pagination a[rel="next"]')["href"]


def test_draft_projects_are_hidden_from_anonymous_visitors(client, portfolio):
    draft = ProjectPageFactory.build(title="Geheimes Projekt", live=False)
    portfolio.add_child(instance=draft)

    assert "Geheimes Projekt" not in listed_titles(client.get(portfolio.url))
    assert client.get(f"{portfolio.url}{draft.slug}/").status_code == 404


def count_listing_queries(client, portfolio, number):
    programme = FundingProgrammeFactory()
    partner = OrganisationFactory()
    for index in range(number):
        project = ProjectPageFactory.build(title=f"Projekt {index:03d}", slug=f"projekt-{index:03d}")
        project.funding.set([programme])
        project.partners.set([partner])
        portfolio.add_child(instance=project)
    client.get(portfolio.url)  # warm the site root cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(portfolio.url, {"status": "live"})
    assert response.status_code == 200
    return len(queries)


def test_portfolio_query_count_does_not_grow_with_the_number_of_projects(client, home):
    from tests.projects.factories import ProjectIndexPageFactory

    small = publish(ProjectIndexPageFactory(parent=home, slug="klein"))
    large = publish(ProjectIndexPageFactory(parent=home, slug="gross"))

    assert count_listing_queries(client, small, 10) == count_listing_queries(client, large, 120)


def test_project_page_shows_facts_milestones_partners_and_funding(client, portfolio):
    project = build_project(
        portfolio,
        title="Chatbot-Pilot",
        start_date=datetime.date(2021, 3, 1),
        end_date=datetime.date(2023, 5, 31),
        funding=[FundingProgrammeFactory(name="Digitale Modellkommune SH")],
        partners=[OrganisationFactory(name="Govii UG", kind="company")],
        milestones=2,
    )
    project.milestones.first().done = False

    page = soup(client.get(project.url))

    text = page.get_text(" ", strip=True)
    assert "Govii UG" in text
    assert "Digitale Modellkommune SH" in text
    assert len(page.select(".milestone")) == 2
    assert page.select_one(".milestone__state").get_text(strip=True).rstrip(":") in {"Erledigt", "Offen"}


def test_project_page_lists_the_measures_it_implements(client, home, portfolio):
    from tests.agenda.factories import MeasurePageFactory, build_topic_field

    project = build_project(portfolio, title="Bürgerportal")
    measure = MeasurePageFactory.build(title="Digitale Terminvergabe")
    measure.projects.set([project])
    build_topic_field(home).add_child(instance=measure)
    publish(measure)

    page = soup(client.get(project.url))

    assert "Digitale Terminvergabe" in [link.get_text(strip=True) for link in page.select("#project-measures ~ ul a")]


def test_each_language_of_a_project_lists_the_measures_of_that_language(client, home_pages, portfolio):
    """Translations of a measure link the German project (wagtail-localize synchronises the field)."""
    from tests.agenda.factories import MeasurePageFactory, build_topic_field

    project = build_project(portfolio, title="Bürgerportal")
    measure = MeasurePageFactory.build(title="Digitale Terminvergabe")
    measure.projects.set([project])
    build_topic_field(home_pages["de"]).add_child(instance=measure)
    publish(measure)
    danish_measure = translate(measure, "da")
    danish_measure.title = "Digital tidsbestilling"
    danish_measure.projects.set([project])
    publish(danish_measure)
    danish_project = translate(project, "da")

    german_titles = [a.get_text(strip=True) for a in soup(client.get(project.url)).select("#project-measures ~ ul a")]
    danish_titles = [
        a.get_text(strip=True) for a in soup(client.get(danish_project.url)).select("#project-measures ~ ul a")
    ]

    assert german_titles == ["Digitale Terminvergabe"]
    assert danish_titles == ["Digital tidsbestilling"]


def test_danish_project_page_shows_danish_partner_names(client, portfolio, locales):
    partner = OrganisationFactory(name="Kreis Nordfriesland")
    danish_partner = partner.copy_for_translation(locales["da"])
    danish_partner.name = "Nordfrislands Amt"
    danish_partner.save()
    project = build_project(portfolio, title="Smart City", partners=[partner])

    page = soup(client.get(translate(project, "da").url))

    assert "Nordfrislands Amt" in page.get_text()


def test_service_catalog_shows_how_many_services_are_online(client, home, locales):
    AdministrativeServiceFactory(topic_area="mobility_travel", online_status="online")
    AdministrativeServiceFactory(topic_area="mobility_travel", online_status="in_progress")
    AdministrativeServiceFactory(topic_area="health", online_status="online")
    catalog = publish(ServiceCatalogPageFactory(parent=home))

    page = soup(client.get(catalog.url))

    assert "2 von 3 Leistungen online" in page.select_one(".service-summary").get_text(" ", strip=True)
    rows = {
        row.th.get_text(strip=True): [td.get_text(strip=True) for td in row.select("td")]
        for row in page.select("table:first-of-type tbody tr")
    }
    assert rows["Mobilität & Reisen"][:3] == ["1", "1", "2"]


def test_service_catalog_filters_by_topic_area_and_ignores_bad_values(client, home, locales):
    AdministrativeServiceFactory(name="Bewohnerparkausweis", topic_area="mobility_travel")
    AdministrativeServiceFactory(name="Belehrung Infektionsschutz", topic_area="health")
    catalog = publish(ServiceCatalogPageFactory(parent=home))

    filtered = soup(client.get(catalog.url, {"topic_area": "health"})).get_text()
    hostile = soup(client.get(catalog.url, {"topic_area": "'; DROP TABLE", "online_status": "\x00"})).get_text()

    assert "Belehrung Infektionsschutz" in filtered and "Bewohnerparkausweis" not in filtered
    assert "Belehrung Infektionsschutz" in hostile and "Bewohnerparkausweis" in hostile


def test_service_catalog_shows_only_services_of_its_language(client, home, locales):
    service = AdministrativeServiceFactory(name="Gewerbe anmelden")
    danish = service.copy_for_translation(locales["da"])
    danish.name = "Anmeldelse af erhverv"
    danish.save()
    catalog = publish(ServiceCatalogPageFactory(parent=home))

    text = soup(client.get(translate(catalog, "da").url)).get_text()

    assert "Anmeldelse af erhverv" in text and "Gewerbe anmelden" not in text


def test_smart_city_page_shows_chosen_live_news_only(client, home):
    news_index = publish(NewsIndexPageFactory(parent=home))
    published = publish(NewsPageFactory(parent=news_index, title="Flensburg ist Modellprojekt"))
    draft = NewsPageFactory.build(title="Noch nicht veröffentlicht", live=False)
    news_index.add_child(instance=draft)
    programme = SmartCityProgrammePageFactory.build()
    programme.news_links.set([programme.news_links.model(news=published), programme.news_links.model(news=draft)])
    home.add_child(instance=programme)
    publish(programme)

    text = soup(client.get(programme.url)).get_text()

    assert "Flensburg ist Modellprojekt" in text
    assert "Noch nicht veröffentlicht" not in text


def test_smart_city_page_shows_themes_phases_and_partners(client, home):
    programme = SmartCityProgrammePageFactory.build()
    programme.partners.set([OrganisationFactory(name="Kreis Schleswig-Flensburg")])
    home.add_child(instance=programme)
    publish(programme)

    text = soup(client.get(programme.url)).get_text(" ", strip=True)

    assert "Grüne Energie und vernetzte Mobilität" in text
    assert "Strategiephase" in text
    assert "Kreis Schleswig-Flensburg" in text


def test_danish_project_page_links_the_danish_topic_field(client, home, portfolio):
    from tests.agenda.factories import build_topic_field

    topic_field = build_topic_field(home, title="Verwaltung und Bürgerservice")
    danish_topic_field = translate(topic_field, "da")
    danish_topic_field.title = "Forvaltning og borgerservice"
    publish(danish_topic_field)
    project = build_project(portfolio, title="Bürgerportal")
    project.topic_fields.set([topic_field])
    publish(project)

    page = soup(client.get(translate(project, "da").url))

    links = page.select("#project-topic-fields ~ ul a")
    assert [link.get_text(strip=True) for link in links] == ["Forvaltning og borgerservice"]
    assert links[0]["href"] == danish_topic_field.url


def count_catalog_queries(client, home, slug, number):
    from projects.models import AdministrativeService
    from tests.projects.factories import AdministrativeServiceFactory as Factory

    AdministrativeService.objects.bulk_create(
        [Factory.build(leika_key=f"99{number:04d}{index:08d}") for index in range(number)]
    )
    catalog = publish(ServiceCatalogPageFactory(parent=home, slug=slug))
    client.get(catalog.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(catalog.url, {"online_status": "online"})
    assert response.status_code == 200
    return len(queries)


def test_service_catalog_query_count_does_not_grow_with_the_number_of_services(client, home, locales):
    assert count_catalog_queries(client, home, "klein", 10) == count_catalog_queries(client, home, "gross", 500)
