"""sitemap.xml, robots.txt, the 404 and 500 pages, and the search view under hostile input."""

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree

from django.test import RequestFactory

from tests.factories import ContentPageFactory, translate
from website import urls as root_urls
from website.views import server_error

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_lists_the_pages_of_every_language(client, home_pages):
    page = ContentPageFactory(parent=home_pages["de"], title="Bürgerportal", slug="buergerportal")
    danish = translate(page, "da")

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    locations = {loc.text for loc in ElementTree.fromstring(response.content).iter(f"{SITEMAP}loc")}
    assert {p.get_full_url() for p in (*home_pages.values(), page, danish)} <= locations


def test_sitemap_leaves_out_unpublished_pages(client, home):
    draft = ContentPageFactory(parent=home, live=False)

    response = client.get("/sitemap.xml")

    assert draft.slug.encode() not in response.content


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.parametrize("language", ["de", "da", "en"])
def test_unknown_address_gives_an_accessible_404_in_the_current_language(client, home_pages, language):
    response = client.get(f"/{language}/gibt-es-nicht/")

    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    assert soup.select_one("a.skip-link")["href"] == "#main"
    assert soup.select_one("main#main h1") is not None
    assert soup.title.text.strip()
    assert soup.select_one("main a[href]")["href"] == home_pages[language].url


def test_500_handler_renders_the_static_error_page(db):
    response = server_error(RequestFactory().get("/de/"))

    assert response.status_code == 500
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "de"
    assert soup.select_one("main h1") is not None


def test_500_handler_is_installed():
    assert root_urls.handler500 == "website.views.server_error"


def test_search_finds_a_published_page_in_the_current_language(client, home_pages):
    page = ContentPageFactory(parent=home_pages["de"], title="Bürgerportal für Unternehmen")

    response = client.get("/de/search/", {"q": "Bürgerportal"})

    assert response.status_code == 200
    assert page.specific in [hit.obj for hit in response.context["search_results"]]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": "agenda\x00\x01\x1b[31m\u202e"},
        {"q": "' OR 1=1; DROP TABLE wagtailcore_page; --"},
        {"q": 'title:(a OR b) AND "unbalanced + - && || ! ( ) { } [ ] ^ ~ * ? : \\ /'},
        {"q": "*"},
        {"q": "NEAR/2 MATCH"},
        {"q": "%_%"},
        {"q": "digital", "page": "abc"},
        {"q": "digital", "page": "-3"},
        {"q": "digital", "page": "99999999999999999999"},
        {"q": ""},
        {"page": "abc"},
    ],
    ids=lambda params: repr(params)[:40],
)
def test_search_survives_hostile_input(client, home, params):
    ContentPageFactory(parent=home, title="Digitale Agenda")

    response = client.get("/de/search/", params)

    assert response.status_code == 200
