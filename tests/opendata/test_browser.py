"""The Open data page passes axe-core's WCAG 2.1 A/AA checks in Chromium and works by keyboard."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from tests.factories import translate
from tests.opendata.factories import build_open_data_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize("language", ["de", "da"])
def test_open_data_page_has_no_axe_violations_and_columns_open_by_keyboard(live_server, data, monkeypatch, language):
    page = build_open_data_page(data["home"])
    url = live_server.url + translate(page, language).url if language != "de" else live_server.url + page.url
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.goto(url)
        result = Axe().run(tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        summary = tab.locator("#dataset-measures summary")
        summary.focus()
        tab.keyboard.press("Enter")
        opened = tab.locator("#dataset-measures details").get_attribute("open")
        csv_link = tab.locator("#dataset-measures a", has_text="CSV")
        href = csv_link.get_attribute("href")
        browser.close()

    assert result.violations_count == 0, [v["id"] for v in result.response["violations"]]
    assert opened is not None
    assert href == f"/open-data/measures.csv?lang={language}"
