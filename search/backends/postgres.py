"""PostgreSQL full text search with each object analysed in its own language (see database.py)."""

import copy

from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

from .languages import DEFAULT_LANGUAGE_CONFIGS, default_language, locale_languages, object_language


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
