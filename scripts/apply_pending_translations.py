"""Fill the de/da catalogues from translation files in ``locale/pending/*.json``.

Work on a feature branch cannot touch the shared ``.po`` files without conflicts, so new
strings travel as JSON next to the code: ``{"msgid": {"de": "…", "da": "…"}}``, with
``[singular, plural]`` lists for plural entries. Run after ``make extract-messages``:

    python scripts/apply_pending_translations.py [--keep]

Entries that are empty or fuzzy are filled (fuzzy flags removed); translated entries are
left alone. Lists what is still untranslated and, without ``--keep``, deletes the JSON
files whose strings all landed.
"""

import json
import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("de", "da")


def load_pending():
    pending = {}
    files = sorted((LOCALE_DIR / "pending").glob("*.json"))
    for path in files:
        for msgid, translations in json.loads(path.read_text(encoding="utf-8")).items():
            pending.setdefault(msgid, {}).update(translations)
    return pending, files


def fill(entry, value):
    if entry.msgid_plural:
        forms = value if isinstance(value, list) else [value, value]
        entry.msgstr_plural = {0: forms[0], 1: forms[-1]}
    else:
        entry.msgstr = value[0] if isinstance(value, list) else value
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = None


def needs_translation(entry):
    return "fuzzy" in entry.flags or not entry.translated()


def main(keep=False):
    pending, files = load_pending()
    missing = {}
    for language in LANGUAGES:
        path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(path))
        for entry in catalogue:
            if entry.obsolete or not needs_translation(entry):
                continue
            value = pending.get(entry.msgid, {}).get(language)
            if value:
                fill(entry, value)
            else:
                missing.setdefault(language, []).append(entry.msgid)
        catalogue.save()
    for language, msgids in missing.items():
        print(f"{language}: {len(msgids)} still untranslated")
        for msgid in msgids:
            print(f"  {msgid!r}")
    if not missing and not keep:
        for path in files:
            path.unlink()
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(keep="--keep" in sys.argv))
