"""Compile locale/*/LC_MESSAGES/django.po to .mo without needing GNU gettext.

Django's compilemessages needs the `msgfmt` binary; polib (a Wagtail dependency)
writes the same files in pure Python, so a fresh machine needs nothing extra.
Only catalogues whose .po is newer than their .mo are rebuilt.
"""

from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def main():
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        print(f"compiled {mo_path.relative_to(LOCALE_DIR.parent)}")  # noqa: T201


if __name__ == "__main__":
    main()
