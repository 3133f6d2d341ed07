"""The search page in Chromium: WCAG 2.1 AA (axe-core), the suggestion combobox by keyboard,
and the plain form without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from tests.browser.test_accessibility import CHROMIUM, CHROMIUM_ARGS, WCAG_TAGS, readable

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def site(fresh_site):
    """A live server needs committed data: this test's own site, not the module's."""
    return fresh_site


@pytest.fixture
def chromium(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_search_results_with_facets_have_no_wcag_violations(live_server, site, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{live_server.url}/de/search/?q=Leistungen&type=measurepage")
    assert page.locator(".search-result").count() >= 1
    assert page.locator("mark").count() >= 1
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, readable(results)
    assert not [error for error in errors if "Content Security Policy" in error]


def test_suggestions_are_a_keyboard_combobox(live_server, site, chromium):
    page = chromium.new_page()
    page.goto(f"{live_server.url}/de/")
    box = page.locator("#site-search-q")
    box.fill("Chatb")
    page.wait_for_selector("#site-search-q[aria-expanded=true]")
    assert box.get_attribute("role") == "combobox"
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    assert listbox.get_attribute("role") == "listbox"
    assert "Chatbot-Pilot" in listbox.inner_text()
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    box.press("ArrowDown")
    page.wait_for_selector("#site-search-q[aria-expanded=true]")
    box.press("ArrowDown")
    with page.expect_navigation():
        box.press("Enter")
    assert page.url.endswith("/chatbot-pilot/")


def test_search_works_without_javascript(live_server, site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/de/")
    page.fill("#site-search-q", "Bürgerportale")
    with page.expect_navigation():
        page.press("#site-search-q", "Enter")
    assert "/de/search/?q=B%C3%BCrgerportale" in page.url
    assert "Bürgerportal ausbauen" in page.inner_text(".search-results")
    page.check("text=Maßnahme")
    with page.expect_navigation():
        page.click(".search-facets__actions button")
    assert "type=measurepage" in page.url
    page.go_back()
    assert "type=measurepage" not in page.url
    context.close()
