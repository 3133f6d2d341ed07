"""The public Open data page and its footer link, in the three languages."""

from tests.factories import translate
from tests.opendata.factories import build_open_data_page


def test_open_data_page_lists_every_dataset_with_links_and_licence(client, data):
    page = translate(build_open_data_page(data["home"]), "en")

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Measures of the Digital Agenda" in html
    assert 'href="/open-data/measures.csv?lang=en"' in html
    assert 'href="/open-data/polls.json?lang=en"' in html
    assert 'href="/open-data/catalog.jsonld"' in html
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in html
    assert 'rel="license"' in html
    assert "<h1>" in html and "<h2" in html and "<h3>" in html


def test_open_data_page_renders_in_german_and_danish_with_their_links(client, data):
    german = build_open_data_page(data["home"])
    danish = translate(german, "da")

    assert 'href="/open-data/measures.csv?lang=de"' in client.get(german.url).content.decode()
    assert 'href="/open-data/measures.csv?lang=da"' in client.get(danish.url).content.decode()


def test_footer_links_the_open_data_page_in_the_visitors_language(client, data):
    page = build_open_data_page(data["home"])
    danish = translate(page, "da")

    assert f'href="{page.url}"' in client.get("/de/").content.decode()
    assert f'href="{danish.url}"' in client.get("/da/").content.decode()


def test_footer_has_no_open_data_link_without_the_page(client, data):
    assert "Offene Daten" not in client.get("/de/").content.decode()
