"""allauth's account pages speak Danish in /da/ and address citizens with "Sie" in /de/.

allauth's own Danish catalogue has gaps, and Django falls back to LANGUAGE_CODE (German)
for them; its German says "du". `locale_allauth/` fills both (see README, Languages).
"""

import re
from html import unescape
from pathlib import Path

import allauth
import polib
import pytest
from allauth.account.models import EmailAddress

from tests.accounts.factories import UserFactory

SUPPLEMENT_DIR = Path(__file__).resolve().parent.parent.parent / "locale_allauth"
ALLAUTH_GERMAN = Path(allauth.__file__).parent / "locale" / "de" / "LC_MESSAGES" / "django.po"

ANONYMOUS_PAGES = [
    "accounts/login/",
    "accounts/password/reset/",
    "accounts/password/reset/done/",
    "accounts/password/reset/key/1-invalid-key/",
]
CITIZEN_PAGES = ["accounts/email/", "accounts/password/change/", "accounts/logout/", "accounts/reauthenticate/"]


def visible_text(response):
    html = response.content.decode()
    main = re.search(r"<main\b.*?</main>", html, re.S).group(0)
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", main)).split())


def german_phrases():
    """Every German phrase allauth or our supplement could show: fallback German is one of them."""
    phrases = set()
    for path in (ALLAUTH_GERMAN, SUPPLEMENT_DIR / "de" / "LC_MESSAGES" / "django.po"):
        for entry in polib.pofile(str(path)):
            text = entry.msgstr
            if " " in text and "%" not in text and "<" not in text and text != entry.msgid:
                phrases.add(text.strip())
    return phrases


@pytest.fixture
def citizen(db):
    return UserFactory()


def fetch(client, citizen, path, language):
    if path in CITIZEN_PAGES:
        client.force_login(citizen)
    response = client.get(f"/{language}/{path}")
    assert response.status_code == 200, path
    return visible_text(response)


@pytest.mark.parametrize("path", ANONYMOUS_PAGES + CITIZEN_PAGES)
def test_danish_account_page_shows_no_german_phrase(client, home, citizen, path):
    text = fetch(client, citizen, path, "da")

    german = sorted(phrase for phrase in german_phrases() if phrase in text)

    assert not german, f"German on /da/{path}: {german}"
    assert not re.search(r"\b(Sie|Ihr|Ihre|Passwort|Bitte|bitte)\b", text), text


@pytest.mark.parametrize(
    ("path", "danish"),
    [
        ("accounts/login/", ["Log ind", "Adgangskode", "Glemt din adgangskode?"]),
        (
            "accounts/password/reset/",
            ["Har du glemt din adgangskode? Indtast din e-mailadresse nedenfor", "Nulstil min adgangskode"],
        ),
        ("accounts/password/reset/done/", ["Vi har sendt dig en e-mail.", "kig i din spam-mappe"]),
        ("accounts/email/", ["Nuværende e-mailadresse", "Skift til", "Skift e-mailadresse"]),
        ("accounts/password/change/", ["Skift adgangskode", "Nuværende adgangskode", "Glemt adgangskode?"]),
        ("accounts/logout/", ["Er du sikker på, at du vil logge ud?"]),
    ],
)
def test_danish_account_page_wording(client, home, citizen, path, danish):
    text = fetch(client, citizen, path, "da")

    for phrase in danish:
        assert phrase in text, f"{phrase!r} missing on /da/{path}: {text}"


@pytest.mark.parametrize(
    ("path", "german"),
    [
        ("accounts/login/", ["Anmelden", "Sie haben noch kein Konto?", "registrieren Sie sich"]),
        (
            "accounts/password/reset/",
            ["Geben Sie unten Ihre E-Mail-Adresse ein", "Bitte wenden Sie sich an uns"],
        ),
        ("accounts/password/reset/done/", ["Wir haben Ihnen eine E-Mail geschickt.", "sehen Sie bitte"]),
        ("accounts/email/", ["Aktuelle E-Mail-Adresse", "Ändern in", "E-Mail-Adresse ändern"]),
        ("accounts/password/change/", ["Passwort ändern", "Aktuelles Passwort"]),
        ("accounts/logout/", ["Möchten Sie sich wirklich abmelden?"]),
        ("accounts/reauthenticate/", ["Geben Sie Ihr Passwort ein:"]),
    ],
)
def test_german_account_page_addresses_citizens_formally(client, home, citizen, path, german):
    text = fetch(client, citizen, path, "de")

    for phrase in german:
        assert phrase in text, f"{phrase!r} missing on /de/{path}: {text}"
    assert not re.search(r"\b(du|dich|dir|dein|deine|deinen|Du|Dein|Deine)\b", text), text


def test_wrong_password_error_is_danish(client, home, citizen):
    response = client.post("/da/accounts/login/", {"login": citizen.email, "password": "<script>x</script>"})

    assert response.status_code == 200
    assert "Den angivne e-mailadresse og/eller adgangskode er ikke korrekt." in visible_text(response)


def test_invalid_password_reset_link_page_is_danish(client, home, citizen):
    text = fetch(client, citizen, "accounts/password/reset/key/1-invalid-key/", "da")

    assert "Ugyldigt link" in text
    assert "Linket til nulstilling af adgangskoden er ugyldigt" in text


def test_pending_email_change_is_shown_in_danish(client, home, citizen):
    EmailAddress.objects.create(user=citizen, email="ny@example.org", verified=False, primary=False)

    text = fetch(client, citizen, "accounts/email/", "da")

    assert "Din e-mailadresse afventer stadig bekræftelse." in text
    assert "Send bekræftelse igen" in text
    assert "Annuller ændring" in text
    assert not [phrase for phrase in german_phrases() if phrase in text]


def test_password_reset_mail_is_danish_and_formal_german(client, home, citizen, mailoutbox):
    client.post("/da/accounts/password/reset/", {"email": citizen.email})
    client.post("/de/accounts/password/reset/", {"email": citizen.email})

    danish, german = mailoutbox
    assert not [phrase for phrase in german_phrases() if phrase in danish.subject + danish.body]
    assert "E-mail til nulstilling af adgangskode" in danish.subject
    assert "du eller en anden har bedt om at nulstille adgangskoden" in danish.body
    assert "E-Mail zum Zurücksetzen des Passworts" in german.subject
    assert "weil Sie oder eine andere Person" in german.body


@pytest.mark.parametrize("language", ["de", "da"])
def test_supplement_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    catalogue = polib.pofile(str(SUPPLEMENT_DIR / language / "LC_MESSAGES" / "django.po"))

    assert len(catalogue) > 100
    assert not catalogue.untranslated_entries()
    assert not catalogue.fuzzy_entries()


@pytest.mark.parametrize("language", ["de", "da"])
def test_supplement_catalogue_holds_allauth_msgids_only_with_their_placeholders(language):
    allauth_msgids = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(ALLAUTH_GERMAN))}
    placeholder = re.compile(r"%\(\w+\)[sd]|%[sd]")

    for entry in polib.pofile(str(SUPPLEMENT_DIR / language / "LC_MESSAGES" / "django.po")):
        assert (entry.msgctxt, entry.msgid) in allauth_msgids, entry.msgid
        assert sorted(placeholder.findall(entry.msgstr)) == sorted(placeholder.findall(entry.msgid)), entry.msgid


def test_german_supplement_never_says_du():
    informal = re.compile(r"\b(du|dich|dir|dein\w*|Du|Dich|Dir|Dein\w*)\b")

    for entry in polib.pofile(str(SUPPLEMENT_DIR / "de" / "LC_MESSAGES" / "django.po")):
        assert not informal.search(entry.msgstr), entry.msgstr


def test_project_catalogue_wins_over_the_supplement(settings):
    paths = [Path(path).name for path in settings.LOCALE_PATHS]

    assert paths == ["locale", "locale_allauth"]
