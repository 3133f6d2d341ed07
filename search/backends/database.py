"""Wagtail's database search backend, analysing each object in its own language.

Wagtail (django-modelsearch) picks PostgreSQL full text, SQLite FTS5 or a plain
fallback by database vendor and uses one ``SEARCH_CONFIG`` for everything. This
backend keeps that choice and adds languages:

- PostgreSQL: every object is indexed with the text search configuration of its
  locale (``LANGUAGE_CONFIGS``, German/Danish/English snowball stemmers; the German
  one also folds umlauts and ß), and ``for_language()`` gives a backend whose queries
  use the configuration of the reader's language.
- SQLite FTS5 (no stemmers): the ``unicode61`` tokenizer already folds umlauts; query
  terms are searched as prefixes of a light stem and with ß/ss spelled both ways.
"""

from modelsearch.backends.database import SearchBackend as vendor_backend

from django.db import connection


def SearchBackend(params):  # noqa: N802 - Wagtail looks up this name
    backend = vendor_backend(params)
    # Only the backend of the database in use is imported: each builds on its vendor's full-text module.
    if connection.vendor == "postgresql":
        from .postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        from .sqlite import PrefixStemSQLiteSearchBackend

        return PrefixStemSQLiteSearchBackend(params)
    backend.for_language = lambda language: backend
    return backend
