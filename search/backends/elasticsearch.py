"""Wagtail's ``elasticsearch9`` backend with one index set per content language.

Each language's backend (``WAGTAILSEARCH_BACKENDS`` "default" for German, "da", "en")
writes to indexes named ``<INDEX_PREFIX><language>_…``, holds only the objects written
in its language (plus citizens' ideas, which have no locale and count as the default
language) and analyses every text field with Elasticsearch's built-in language
analyser (``german`` folds umlauts and ß through its normalisation filter).
"""

from modelsearch.backends.elasticsearch9 import Elasticsearch9Index, Elasticsearch9SearchBackend

from .languages import default_language, locale_languages, object_language

#: Elasticsearch's built-in analysers per content language.
LANGUAGE_ANALYZERS = {"de": "german", "da": "danish", "en": "english"}


class LanguageIndex(Elasticsearch9Index):
    def _own(self, items):
        languages = locale_languages()
        return [item for item in items if object_language(item, languages) == self.backend.language]

    def add_item(self, item):
        if self._own([item]):
            super().add_item(item)

    def add_items(self, model, items):
        items = self._own(items)
        if items:
            super().add_items(model, items)


class LanguageElasticsearchSearchBackend(Elasticsearch9SearchBackend):
    index_class = LanguageIndex

    def __init__(self, params):
        params = dict(params)
        self.language = params.pop("LANGUAGE", default_language())
        analyzer = params.pop("ANALYZER", LANGUAGE_ANALYZERS.get(self.language, "standard"))
        params["INDEX_PREFIX"] = f"{params.get('INDEX_PREFIX', '')}{self.language}_"
        language_settings = {"settings": {"analysis": {"analyzer": {"default": {"type": analyzer}}}}}
        params["INDEX_SETTINGS"] = _deep_merge(language_settings, params.get("INDEX_SETTINGS", {}))
        super().__init__(params)

    def for_language(self, language):
        return self


def _deep_merge(base, extra):
    merged = dict(base)
    for key, value in extra.items():
        merged[key] = _deep_merge(merged[key], value) if isinstance(merged.get(key), dict) else value
    return merged


SearchBackend = LanguageElasticsearchSearchBackend
