"""The whole citizen path of issue 4, in Debian's Chromium over a live server, in German and Danish.

A new citizen signs up (verification mail from the locmem outbox), posts an idea with a
photo in an open city dialogue, supports and comments another idea and votes in a poll;
a topic sponsor answers the idea and turns it into a draft measure in the Wagtail admin,
an editor publishes the measure with progress and adds a progress note; the citizen sees
the measure and its progress on the idea, finds the notification with its unsubscribe
link, downloads their data and deletes the account, after which the idea stays with
"deleted account" as author.

Every public page is operated with the keyboard only (Tab to reach a control, typing,
Enter/Space to submit; the file of the photo is the one exception, because the operating
system's file dialog is outside the page) and checked with axe-core (WCAG 2.1 A/AA) and
for its `<html lang>`. Admin pages are operated with the mouse and not checked with axe.
Set BROWSER_SCREENSHOT_DIR to keep a full-page screenshot of every step.
"""

import io
import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import sync_playwright

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from agenda.models import MeasurePage, MeasureProgressUpdate
from agenda.roles import EDITORS, create_topic_sponsor_group, ensure_roles
from participation.models import Comment, Idea, NotificationSettings, PollBallot, Support
from tests.accounts.factories import UserFactory
from tests.agenda.factories import build_topic_field
from tests.browser.test_accessibility import CHROMIUM, CHROMIUM_ARGS, SCREENSHOT_DIR, WCAG_TAGS, readable
from tests.factories import translate
from tests.participation.factories import IdeaFactory, build_dialogue
from tests.participation.poll_factories import PollFactory, translate_poll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "Förde-Brücke-2026!"
STAFF_PASSWORD = "staff-password-2026"
MAX_TABS = 80

TEXTS = {
    "de": {
        "idea_title": "Sperrmüll online anmelden",
        "idea_text": "Den Sperrmülltermin möchte ich im Bürgerportal buchen können, ohne anzurufen.",
        "alt": "Ein alter Schrank steht am Straßenrand",
        "comment": "Das würde ich sofort nutzen.",
        "answer": "Danke! Wir nehmen die Anmeldung von Sperrmüll in das Bürgerportal auf.",
        "dialogue": "Stadtdialog Digitale Verwaltung",
        "other_idea": "Bibliotheksausweis in der App",
        "poll": "Welchen digitalen Service soll die Stadt als Nächstes anbieten?",
        "choices": ["Online-Terminvergabe", "Digitaler Bauantrag", "Mängelmelder"],
    },
    "da": {
        "idea_title": "Tilmeld storskrald online",
        "idea_text": "Jeg vil gerne bestille afhentning af storskrald i borgerportalen uden at ringe.",
        "alt": "Et gammelt skab står ved vejkanten",
        "comment": "Det ville jeg bruge med det samme.",
        "answer": "Tak! Vi tager tilmelding af storskrald med i borgerportalen.",
        "dialogue": "Borgerdialog om digital forvaltning",
        "other_idea": "Bibliotekskort i appen",
        "poll": "Hvilken digital service skal byen tilbyde som den næste?",
        "choices": ["Online tidsbestilling", "Digital byggeansøgning", "Fejlmelder"],
    },
}
DELETED_ACCOUNT = {"de": "gelöschtes Konto", "da": "slettet konto"}
# allauth's Danish catalogue lacks many texts and Django falls back to German, the default
# language; the project's own sign-up templates avoid that. Seen on Danish pages, these are German.
GERMAN_ON_DANISH_PAGES = ("Bitte", "Wir haben", "Hallo", "Unterstützte")


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


class Journey:
    """A browser tab of one visitor, with the checks every public page gets."""

    def __init__(self, page, base_url, language):
        self.page, self.base_url, self.language = page, base_url, language
        self.step = 0

    def go(self, path):
        self.page.goto(self.base_url + path)

    def check(self, name, lang=None):
        """`<html lang>` (the journey's language unless `lang` says otherwise), zero axe-core
        WCAG 2.1 A/AA violations, and a screenshot if asked for."""
        self.step += 1
        page = self.page
        page.wait_for_load_state("load")
        if SCREENSHOT_DIR:
            page.screenshot(path=f"{SCREENSHOT_DIR}/journey-{self.language}-{self.step:02d}-{name}.png", full_page=True)
        assert page.locator("html").get_attribute("lang") == (lang or self.language), f"{name}: wrong <html lang>"
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, f"axe found violations on {name} ({page.url}):\n{readable(results)}"

    def assert_no_german(self, text=None):
        if self.language == "da":
            text = self.page.locator("main").inner_text() if text is None else text
            assert not [word for word in GERMAN_ON_DANISH_PAGES if word in text], f"German on {self.page.url}:\n{text}"

    def tab_to(self, selector, max_presses=MAX_TABS, backwards=False):
        """Press Tab (Shift+Tab if `backwards`) until the focused element matches `selector`;
        proves it is reachable by keyboard."""
        for _press in range(max_presses):
            self.page.keyboard.press("Shift+Tab" if backwards else "Tab")
            if self.page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"{selector!r} not reached with {max_presses} presses of Tab on {self.page.url}")

    def assert_focus_visible(self):
        style = self.page.evaluate(
            """() => {
                const s = getComputedStyle(document.activeElement);
                return {outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow};
            }"""
        )
        has_outline = style["outline"] != "none" and style["width"] not in ("0px", "")
        assert has_outline or style["shadow"] != "none", f"no visible focus on {self.page.url}: {style}"

    def type_into(self, selector, text):
        self.tab_to(selector)
        self.assert_focus_visible()
        self.page.keyboard.type(text)

    def press_on(self, selector, key="Enter", backwards=False):
        """Reach a link or button by Tab and activate it; waits for the page it leads to."""
        self.tab_to(selector, backwards=backwards)
        self.assert_focus_visible()
        with self.page.expect_navigation():
            self.page.keyboard.press(key)


def photo_upload():
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), "#7a5c3e").save(buffer, format="JPEG")
    return {"name": "schrank.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def first_link(body, contains):
    for url in re.findall(r"https?://\S+", body):
        if contains in url:
            return url
    raise AssertionError(f"no link with {contains!r} in:\n{body}")


def admin_login(context, base_url, username):
    page = context.new_page()
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


@pytest.fixture
def city(home_pages, settings):
    """An open dialogue on one topic field (German source, Danish translation), another
    citizen's idea, a poll in both languages, a topic sponsor and an editor."""
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0  # the browser types faster than a person
    ensure_roles()
    home = home_pages["de"]
    topic_field = build_topic_field(home, title="Verwaltung und Bürgerservice")
    dialogue = build_dialogue(home, topic_fields=[topic_field], title=TEXTS["de"]["dialogue"], slug="stadtdialog")
    translations = {"de": dialogue, "da": translate(dialogue, "da")}
    translations["da"].title = TEXTS["da"]["dialogue"]
    translations["da"].save_revision().publish()
    danish_topic_field = translate(topic_field, "da")
    danish_topic_field.title = "Forvaltning og borgerservice"
    danish_topic_field.save_revision().publish()
    other_ideas = {
        code: IdeaFactory(dialogue=dialogue, topic_field=topic_field, title=TEXTS[code]["other_idea"])
        for code in ("de", "da")
    }
    poll = PollFactory(question=TEXTS["de"]["poll"], choices=TEXTS["de"]["choices"])
    translate_poll(poll, "da", question=TEXTS["da"]["poll"], choice_texts=TEXTS["da"]["choices"])

    sponsor = UserFactory(username="sponsor", is_staff=False)
    sponsor.set_password(STAFF_PASSWORD)
    sponsor.save()
    sponsor.groups.add(create_topic_sponsor_group(topic_field))
    editor = UserFactory(username="editor")
    editor.set_password(STAFF_PASSWORD)
    editor.save()
    editor.groups.add(Group.objects.get(name=EDITORS))
    return {
        "dialogues": translations,
        "topic_field": topic_field,
        "other_ideas": other_ideas,
        "poll": poll,
    }


@pytest.fixture
def browser(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# ---------------------------------------------------------------------------
# The journey
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "da"])
def test_citizen_journey_from_sign_up_to_account_deletion(live_server, city, browser, settings, language):
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # links in notification e-mails
    texts = TEXTS[language]
    email = f"neue.buergerin.{language}@example.org"
    citizen_context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    citizen_context.set_default_timeout(15000)
    me = Journey(citizen_context.new_page(), live_server.url, language)

    # 1. Sign up, confirm the address from the verification mail.
    me.go(f"/{language}/accounts/signup/")
    me.check("signup")
    me.type_into("input[name=email]", email)
    me.type_into("input[name=password1]", PASSWORD)
    me.type_into("input[name=password2]", PASSWORD)
    me.press_on("main form button[type=submit]")
    me.check("verification-sent")
    me.assert_no_german()
    [verification] = mails_to(email)
    me.assert_no_german(verification.body)
    me.page.goto(first_link(verification.body, "/confirm-email/"))
    me.check("confirm-email")
    me.assert_no_german()
    me.press_on("main button[type=submit]")
    me.check("after-confirmation")
    user = get_user_model().objects.get(email=email)
    assert me.page.url.endswith(f"/{language}/accounts/me/"), "not logged in on the profile after confirming"

    # 2. Post an idea with a photo, support and comment another idea, vote in a poll.
    dialogue = city["dialogues"][language]
    me.go(dialogue.url)
    me.check("dialogue")
    me.press_on("a[href*='/ideas/new/']")
    me.check("idea-form")
    me.assert_no_german()
    me.type_into("input[name=title]", texts["idea_title"])
    me.type_into("textarea[name=text]", texts["idea_text"])
    me.tab_to("input[type=file]")
    me.page.set_input_files("input[type=file]", files=[photo_upload()])
    me.type_into("input[name=image_alt]", texts["alt"])
    me.press_on("form.dialogue-form button[type=submit]")
    idea = Idea.objects.get(author=user)
    assert idea.image is not None and idea.image_alt == texts["alt"]
    assert me.page.url.endswith(f"/{language}/ideas/{idea.pk}/")
    me.check("my-idea")

    other = city["other_ideas"][language]
    me.go(dialogue.url)
    me.press_on(f"a[href$='/ideas/{other.pk}/']")
    me.check("other-idea")
    me.press_on("#support button[type=submit]", key="Space")
    assert Support.objects.filter(idea=other, user=user).exists()
    me.check("other-idea-supported")
    me.type_into("textarea[name=text]", texts["comment"])
    me.press_on("#comments button[type=submit]")
    assert Comment.objects.filter(idea=other, author=user, text=texts["comment"]).exists()
    me.check("other-idea-commented")

    me.go(f"/{language}/polls/")
    me.check("polls")
    me.press_on(".card__title a")
    me.check("poll")
    me.tab_to("input[name=choice]")
    me.assert_focus_visible()
    me.page.keyboard.press("Space")
    me.press_on(".poll__form button[type=submit]")
    assert PollBallot.objects.filter(user=user).count() == 1
    me.check("poll-voted")

    # 3. The topic sponsor answers the idea and turns it into a draft measure; an editor publishes it.
    staff = browser.new_context(viewport={"width": 1280, "height": 900})
    admin = admin_login(staff, live_server.url, "sponsor")
    admin.goto(live_server.url + "/admin/participation/moderation/")
    admin.click(f"a[href$='/moderation/ideas/{idea.pk}/']")
    answer = texts["answer"]
    admin.fill("textarea[name=official_answer]", answer)
    admin.click("form:has(input[value=answer]) button[type=submit]")
    admin.fill("input[name=title]", f"Sperrmüll digital anmelden ({language})")
    admin.click("form:has(input[value=promote]) button[type=submit]")
    measure = MeasurePage.objects.get(title=f"Sperrmüll digital anmelden ({language})")
    assert not measure.live
    staff.close()

    staff = browser.new_context(viewport={"width": 1280, "height": 900})
    admin = admin_login(staff, live_server.url, "editor")
    admin.goto(f"{live_server.url}/admin/pages/{measure.pk}/edit/")
    admin.select_option("select[name=status]", "assessed")
    admin.fill("input[name=percent_done]", "10")
    admin.click("footer .w-dropdown-button .w-dropdown__toggle")
    admin.click("button[name=action-publish]")
    admin.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    measure.refresh_from_db()
    assert measure.live and measure.status == "assessed" and measure.percent_done == 10
    admin.goto(f"{live_server.url}/admin/agenda/measures/{measure.pk}/note/")
    admin.fill("textarea[name=note]", "Anforderungen mit dem Abfallbetrieb abgestimmt.")
    admin.click("main button[type=submit]")
    assert MeasureProgressUpdate.objects.filter(measure=measure, note__startswith="Anforderungen").exists()
    staff.close()

    # 4. Back as the citizen: the measure, its status and progress on the idea; the notification.
    me.go(idea.get_absolute_url().replace("/de/", f"/{language}/", 1))
    me.check("my-idea-with-measure")
    body = me.page.locator("main").inner_text()
    assert answer in body
    assert measure.title in body
    assert "10" in me.page.locator(".idea-measures").inner_text()
    # The measure is published in German only (no Danish translation yet): the Danish idea
    # page marks its title as German, and the measure page itself is declared German.
    link = me.page.locator(".idea-measures a")
    assert link.get_attribute("lang") == (None if language == "de" else "de")
    me.press_on(".idea-measures a")
    me.check("measure", lang="de")
    assert "10" in me.page.locator("main").inner_text()

    notifications = [m for m in mails_to(email) if m is not verification]
    assert notifications, "no notification about the answer or the measure"
    assert any(measure.title in m.body for m in notifications)
    assert all(f"/{language}/ideas/{idea.pk}/" in m.body for m in notifications), "mail not in the citizen's language"
    for message in notifications:
        assert "/notifications/unsubscribe/" in message.body
        assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    me.page.goto(first_link(notifications[-1].body, "/notifications/unsubscribe/"))
    me.check("unsubscribe")
    me.press_on("main button[type=submit]")
    me.check("unsubscribed")
    assert not NotificationSettings.objects.get(user=user).idea_updates

    # 5. Download my data (JSON and HTML), delete the account.
    me.go(f"/{language}/accounts/me/my-data/")
    me.check("my-data")
    me.tab_to("a[href='?format=json']")
    me.assert_focus_visible()
    with me.page.expect_download() as download_info:
        me.page.keyboard.press("Enter")
    exported = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert texts["idea_title"] in json.dumps(exported, ensure_ascii=False)
    me.tab_to("a[href='?format=html']")
    with me.page.expect_download() as download_info:
        me.page.keyboard.press("Enter")
    html_export = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert texts["idea_title"] in html_export and f'lang="{language}"' in html_export

    me.press_on("a[href$='/accounts/me/delete/']", backwards=True)  # the account menu is above
    me.check("delete-account")
    me.type_into("input[name=password]", PASSWORD)
    me.press_on("form.account-form button[type=submit]")
    me.check("account-deleted")
    assert not get_user_model().objects.filter(email=email).exists()

    me.go(f"/{language}/ideas/{idea.pk}/")
    me.check("idea-after-deletion")
    assert DELETED_ACCOUNT[language].lower() in me.page.locator("main .meta").first.inner_text().lower()
    citizen_context.close()
