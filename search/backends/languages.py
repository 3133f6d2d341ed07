"""Which language an indexed object is written in, and the analysis used for it."""

import re
import unicodedata

from django.conf import settings

#: PostgreSQL text search configurations / Elasticsearch analysers per content language.
DEFAULT_LANGUAGE_CONFIGS = {"de": "german", "da": "danish", "en": "english"}

_SUFFIXES = ("ern", "en", "er", "es", "e", "n", "s")


def default_language():
    return settings.LANGUAGE_CODE.split("-")[0]


def object_language(obj, locale_languages):
    """Language of `obj`: its own locale, else its page's locale, else the default language.

    `locale_languages` maps Locale pk to language code (one query per indexing batch).
    Objects without a locale (citizens' ideas) count as the default language.
    """
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        page = getattr(obj, "page", None)
        locale_id = getattr(page, "locale_id", None)
    return locale_languages.get(locale_id, default_language())


def locale_languages():
    from wagtail.models import Locale

    return dict(Locale.objects.values_list("pk", "language_code"))


def fold(text):
    """Lower-case and spell ß as ss, so "Strasse" and "Straße" compare equal."""
    return text.lower().replace("ß", "ss")


def light_stem(term):
    """Cut one common inflection suffix (kept at least four letters long).

    Only used where the database has no stemmer (SQLite FTS5): the stem is then
    searched as a prefix, so "Bürgerportale" finds "Bürgerportal" and "Bürgerportals".
    """
    for suffix in _SUFFIXES:
        if term.endswith(suffix) and len(term) - len(suffix) >= 4:
            return term[: -len(suffix)]
    return term


def spelling_variants(term):
    """The term as typed, plus ss/ß written the other way round."""
    term = term.lower()
    variants = [term]
    if "ß" in term:
        variants.append(term.replace("ß", "ss"))
    elif "ss" in term:
        variants.append(term.replace("ss", "ß"))
    return variants


WORD_RE = re.compile(r"\w+", re.UNICODE)


def fold_ascii(text):
    """Lower case without diacritics, ß as ss: "Bürgerportale" -> "burgerportale"."""
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
