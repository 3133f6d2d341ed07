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

import copy

from modelsearch.backends.database import SearchBackend as vendor_backend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
)
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText

from django.db import connection

from .languages import (
    DEFAULT_LANGUAGE_CONFIGS,
    default_language,
    light_stem,
    locale_languages,
    object_language,
    spelling_variants,
)


class LanguagePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        languages = locale_languages()
        groups = {}
        for obj in objs:
            groups.setdefault(self.backend.config_for(object_language(obj, languages)), []).append(obj)
        query_config = self.backend.config
        try:
            for config, group in groups.items():
                # Wagtail's ObjectIndexer reads ``backend.config`` when it is created.
                self.backend.config = config
                super().add_items(model, group)
        finally:
            self.backend.config = query_config


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguagePostgresIndex

    def __init__(self, params):
        params = dict(params)
        self.language_configs = {**DEFAULT_LANGUAGE_CONFIGS, **params.pop("LANGUAGE_CONFIGS", {})}
        params.setdefault("SEARCH_CONFIG", self.language_configs.get(default_language()))
        super().__init__(params)

    def config_for(self, language):
        return self.language_configs.get(language, self.language_configs.get(default_language()))

    def for_language(self, language):
        backend = copy.copy(self)
        backend.config = self.config_for(language)
        return backend


class PrefixStemSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        combined = None
        for term in query.query_string.split():
            alternatives = None
            for variant in spelling_variants(light_stem(term.lower())):
                lexeme = Lexeme(variant, prefix=True)
                alternatives = lexeme if alternatives is None else alternatives | lexeme
            if combined is None:
                combined = alternatives
            elif query.operator.upper() == "AND":
                combined = combined & alternatives
            else:
                combined = combined | alternatives
        if combined is None:
            return None
        return SearchQueryExpression(combined, config=config)


class PrefixStemSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = PrefixStemSQLiteSearchQueryCompiler

    def for_language(self, language):
        return self


def SearchBackend(params):  # noqa: N802 - Wagtail looks up this name
    backend = vendor_backend(params)
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    if isinstance(backend, SQLiteSearchBackend):
        return PrefixStemSQLiteSearchBackend(params)
    backend.for_language = lambda language: backend
    return backend
