"""The API documentation page renders in Chromium under the site's strict CSP, with no request off the host."""

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.test_accessibility import CHROMIUM, CHROMIUM_ARGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_swagger_ui_renders_from_local_files_without_csp_violations(live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    console, foreign = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("console", lambda message: console.append(message.text))
        page.on(
            "request",
            lambda request: None
            if request.url.startswith((live_server.url, "data:", "blob:"))
            else foreign.append(request.url),
        )
        page.goto(f"{live_server.url}/api/docs/")
        page.wait_for_selector(".opblock", timeout=30_000)
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        browser.close()

    assert "/api/v1/polls/" in paths
    assert "/api/v2/measures/" in paths
    assert not foreign
    assert not [text for text in console if "Content Security Policy" in text or "Refused" in text]
