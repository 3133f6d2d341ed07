"""The gettext catalogues are complete: no missing, untranslated or fuzzy entries."""

from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def catalogue_path(language):
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("language", ["de", "da", "en"])
def test_catalogue_exists(language):
    assert catalogue_path(language).is_file(), f"{catalogue_path(language)} is missing"


@pytest.mark.parametrize("language", ["de", "da", "en"])
def test_catalogue_has_no_untranslated_entries(language):
    if not catalogue_path(language).is_file():
        pytest.fail(f"{catalogue_path(language)} is missing")
    untranslated = [entry.msgid for entry in polib.pofile(str(catalogue_path(language))).untranslated_entries()]

    assert not untranslated, f"{len(untranslated)} untranslated in {language}: {untranslated[:10]}"


@pytest.mark.parametrize("language", ["de", "da", "en"])
def test_catalogue_has_no_fuzzy_entries(language):
    if not catalogue_path(language).is_file():
        pytest.fail(f"{catalogue_path(language)} is missing")
    fuzzy = [entry.msgid for entry in polib.pofile(str(catalogue_path(language))).fuzzy_entries()]

    assert not fuzzy, f"{len(fuzzy)} fuzzy in {language}: {fuzzy[:10]}"
