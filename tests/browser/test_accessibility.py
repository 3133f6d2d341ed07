"""WCAG 2.1 A/AA checks with axe-core and keyboard use, in Debian's Chromium over a live server.

Playwright's sync API runs an event loop in the test thread, so Django's ORM needs
DJANGO_ALLOW_ASYNC_UNSAFE while the browser is open; the pages are built with the
factories before it starts. Set BROWSER_SCREENSHOT_DIR to keep full-page screenshots.
"""

import datetime
import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from wagtail.models import Site
from wagtail.rich_text import RichText

from tests.factories import (
    ContactPersonFactory,
    ContentPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    heading,
    paragraph,
)
from website.models import SiteSettings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT_DIR = os.environ.get("BROWSER_SCREENSHOT_DIR")  # set it to look at the pages the test checked
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def browser_page(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        yield page
        browser.close()


@pytest.fixture
def demo_site(home):
    """Real text and an image on the home page, a content page and a news page."""
    image = ImageFactory(title="Flensburger Förde")
    cdo = ContactPersonFactory(photo=ImageFactory(title="Portrait"))
    about = ContentPageFactory(
        parent=home,
        title="Digitale Agenda",
        slug="digitale-agenda",
        show_in_menus=True,
        intro="Die Digitale Agenda bündelt, was Flensburg in den nächsten Jahren digital verändern will.",
        body=[
            heading("Was ist eine Digitale Agenda?"),
            paragraph(
                "Sie ist ein Arbeitsprogramm, das Verwaltung, Politik und Stadtgesellschaft gemeinsam schreiben."
            ),
            (
                "image",
                {
                    "image": image,
                    "alt_text": "Segelboote auf der Flensburger Förde",
                    "decorative": False,
                    "caption": "Die Förde verbindet Deutschland und Dänemark.",
                    "credit": "Stadt Flensburg",
                },
            ),
            ("quote", {"quote": "Digital ist kein Selbstzweck.", "attribution": "Aus dem Bürgerdialog"}),
            (
                "faq",
                {
                    "title": "Häufige Fragen",
                    "items": [
                        {
                            "question": "Wer kann mitmachen?",
                            "answer": RichText("<p>Alle, die in Flensburg leben oder arbeiten.</p>"),
                        },
                    ],
                },
            ),
            (
                "timeline",
                {
                    "title": "Zeitplan",
                    "steps": [
                        {
                            "date_label": "Mitte 2021",
                            "date": datetime.date(2021, 7, 15),
                            "title": "Auftakt",
                            "text": "Start der Bedarfsanalyse.",
                        },
                        {
                            "date_label": "2022",
                            "date": None,
                            "title": "Maßnahmen",
                            "text": "Die Themenpaten priorisieren die Ideen.",
                        },
                    ],
                },
            ),
            (
                "key_figures",
                {
                    "title": "In Zahlen",
                    "figures": [
                        {"value": "28 von 94", "label": "Bewerbungen als Modellprojekt Smart City ausgewählt"},
                    ],
                },
            ),
            (
                "call_to_action",
                {
                    "title": "Machen Sie mit",
                    "text": "Bringen Sie Ihre Ideen ein.",
                    "link_text": "Zum Bürgerdialog",
                    "target": {"page": None, "url": "https://example.org/"},
                },
            ),
            ("contact_person", {"person": cdo, "heading": "Ansprechperson"}),
        ],
    )
    legal = ContentPageFactory(parent=home, title="Impressum", slug="impressum")
    index = NewsIndexPageFactory(parent=home, title="Neuigkeiten", slug="neuigkeiten", show_in_menus=True)
    news = NewsPageFactory(
        parent=index,
        title="Chatbot Govii beantwortet Fragen",
        image=image,
        image_alt="Segelboote auf der Flensburger Förde",
    )
    NewsPageFactory(parent=index, title="Bürgerportal mit neuen Leistungen")
    home.hero_image, home.hero_image_alt, home.cdo_contact = image, "Blick über die Förde auf die Altstadt", cdo
    home.featured_sections = [("section", {"title": "Digitale Agenda", "text": "Was die Stadt vorhat.", "page": about})]
    home.save()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Stadt Flensburg"
    settings.email = "digitalisierung@example.org"
    settings.accessibility_feedback_email = "barrierefreiheit@example.org"
    settings.imprint_page = legal
    settings.save()
    return {"home": home, "content": about, "news": news}


def readable(results):
    lines = []
    for violation in results.response["violations"]:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.extend(f"    {node['target']}: {node['failureSummary']}" for node in violation["nodes"])
    return "\n".join(lines)


@pytest.mark.parametrize("page_name", ["home", "content", "news"])
def test_german_page_has_no_wcag_21_aa_violations(live_server, demo_site, browser_page, page_name):
    browser_page.goto(live_server.url + demo_site[page_name].url)
    if SCREENSHOT_DIR:
        browser_page.screenshot(path=f"{SCREENSHOT_DIR}/{page_name}.png", full_page=True)

    results = Axe().run(browser_page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})

    assert browser_page.locator("html").get_attribute("lang") == "de"
    assert results.violations_count == 0, f"axe found violations on {page_name}:\n{readable(results)}"


def test_skip_link_is_the_first_focusable_element_and_moves_focus_to_main(live_server, demo_site, browser_page):
    browser_page.goto(live_server.url + demo_site["content"].url)

    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate(
        "document.activeElement.className + '|' + document.activeElement.getAttribute('href')"
    )
    assert focused == "skip-link|#main"
    assert browser_page.locator(".skip-link").is_visible()

    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"
