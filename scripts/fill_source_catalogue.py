"""Fill the English catalogue from its msgids.

The UI's msgids are English, so `locale/en` repeats them; keeping the catalogue
complete lets the completeness test treat all three languages alike.
"""

from pathlib import Path

import polib

PO_PATH = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def main():
    catalogue = polib.pofile(str(PO_PATH))
    catalogue.metadata["Language"] = "en"
    catalogue.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    for entry in catalogue:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save()


if __name__ == "__main__":
    main()
