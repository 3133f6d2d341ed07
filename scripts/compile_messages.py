"""Compile locale/ and locale_allauth/ */LC_MESSAGES/django.po to .mo without GNU gettext.

Django's compilemessages needs the `msgfmt` binary; polib (a Wagtail dependency)
writes the same files in pure Python, so a fresh machine needs nothing extra.
Only catalogues whose .po is newer than their .mo are rebuilt.
"""

from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent
# Every directory of settings.LOCALE_PATHS (kept in step by hand: no Django import needed here).
LOCALE_DIRS = [BASE_DIR / "locale", BASE_DIR / "locale_allauth"]


def main():
    for po_path in sorted(path for locale_dir in LOCALE_DIRS for path in locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        print(f"compiled {mo_path.relative_to(BASE_DIR)}")  # noqa: T201


if __name__ == "__main__":
    main()
