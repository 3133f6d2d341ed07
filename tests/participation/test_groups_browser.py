"""The members' area in Chromium: no axe-core WCAG 2.1 A/AA violations, and a member rates a
measure with the keyboard."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from django.conf import settings
from django.test import Client
from django.urls import reverse

from participation.models import FeedbackRating

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def world(fresh_world):
    """A live server needs committed data: this test's own world, not the module's."""
    return fresh_world


@pytest.fixture
def member_page(world, live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    client = Client()
    client.force_login(world["people"]["member"])
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
        yield context.new_page(), live_server.url
        browser.close()


def test_members_area_pages_pass_axe(world, member_page):
    page, base = member_page
    axe = Axe()
    for url in (
        reverse("groups:index"),
        reverse("groups:detail", args=[world["focus"].pk]),
        reverse("groups:session", args=[world["session"].pk]),
        reverse("groups:round", args=[world["round"].pk]),
        reverse("groups:summary", args=[world["focus"].pk]),
        reverse("groups:result", args=[world["result"].pk]),
    ):
        page.goto(base + url)
        assert "/login/" not in page.url
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = [(v["id"], v["nodes"][0]["html"][:120]) for v in results.response["violations"]]
        assert violations == [], url


def test_a_member_rates_with_the_keyboard(world, member_page):
    page, base = member_page
    page.goto(base + reverse("groups:round", args=[world["round"].pk]))
    measure = world["measures"][0]
    page.focus(f"#verdict-{measure.pk}-changes")
    page.keyboard.press("Space")
    page.fill(f"#comment-{measure.pk}", "Bitte auch auf Dänisch")
    page.focus(f"#comment-{measure.pk}")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "#rated" in page.url
    rating = FeedbackRating.objects.get()
    assert (rating.measure_id, rating.verdict, rating.comment) == (measure.pk, "changes", "Bitte auch auf Dänisch")
