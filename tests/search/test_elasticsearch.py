"""Elasticsearch: index settings, mappings and queries checked without a server, and the
fallback to the database backend when the cluster cannot be reached."""

import logging
import socket

import pytest

from wagtail.models import Page
from wagtail.search.query import Phrase, PlainText

from agenda.models import MeasurePage
from participation.models import Idea
from search import engine
from search.backends.elasticsearch import LanguageElasticsearchSearchBackend


def closed_port():
    """A local port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def es_params(language, port=9):
    return {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": [f"http://127.0.0.1:{port}"],
        "INDEX_PREFIX": "flensburg_test_",
        "LANGUAGE": language,
        "TIMEOUT": 1,
        "AUTO_UPDATE": False,
    }


@pytest.mark.parametrize(("language", "analyzer"), [("de", "german"), ("da", "danish"), ("en", "english")])
def test_each_language_has_its_own_indexes_and_analyser(language, analyzer):
    backend = LanguageElasticsearchSearchBackend(es_params(language))
    analysis = backend.settings["settings"]["analysis"]["analyzer"]
    assert analysis["default"] == {"type": analyzer}
    assert {"ngram_analyzer", "edgengram_analyzer"} <= set(analysis)  # Wagtail's own stay
    assert backend.get_index_for_model(MeasurePage).name == f"flensburg_test_{language}_wagtailcore_page"
    assert backend.get_index_for_model(Idea).name == f"flensburg_test_{language}_participation_idea"


def test_mapping_boosts_titles_and_keeps_body_text_searchable():
    mapping = LanguageElasticsearchSearchBackend(es_params("de")).mapping_class(MeasurePage).get_mapping()
    properties = mapping["properties"]
    assert properties["title"]["copy_to"] == ["_all_text", "_all_text_boost_2_0"]
    assert properties["agenda_measurepage__problem"] == {"type": "text", "copy_to": "_all_text"}
    assert properties["agenda_measurepage__status_filter"] == {"type": "keyword"}
    assert "analyzer" not in properties["title"]  # the index's default (language) analyser applies
    assert properties["locale_id_filter"] == {"type": "integer"}


def test_idea_mapping_has_the_public_filters():
    properties = LanguageElasticsearchSearchBackend(es_params("de")).mapping_class(Idea).get_mapping()["properties"]
    assert properties["is_hidden_filter"] == {"type": "boolean"}
    assert properties["is_approved_filter"] == {"type": "boolean"}
    assert properties["title"]["copy_to"] == ["_all_text", "_all_text_boost_2_0"]


@pytest.mark.django_db
def test_queries_search_all_text_with_title_boost_and_filters(locales):
    backend = LanguageElasticsearchSearchBackend(es_params("de"))
    queryset = Page.objects.live().filter(locale=locales["de"], depth__gt=1)
    query = backend.query_compiler_class(queryset, PlainText("Bürgerportal", operator="and")).get_query()
    match = query["bool"]["must"]["multi_match"]
    assert match["fields"] == ["_all_text", "_all_text_boost_2_0^2.0"]
    assert match["operator"] == "and"
    filters = query["bool"]["filter"][1]["bool"]["must"]
    assert {"term": {"live_filter": True}} in filters
    assert {"term": {"locale_id_filter": locales["de"].pk}} in filters
    phrase = backend.query_compiler_class(queryset, Phrase("Bürgerportal ausbauen")).get_query()
    assert phrase["bool"]["must"]["multi_match"]["type"] == "phrase"


@pytest.mark.django_db
def test_each_language_index_holds_only_its_own_objects(site):
    german = LanguageElasticsearchSearchBackend(es_params("de"))
    danish = LanguageElasticsearchSearchBackend(es_params("da"))
    objects = [site["measure"], site["danish_measure"], site["english_measure"], site["public_idea"], site["event"]]
    assert german.get_index_for_model(MeasurePage)._own(objects) == [
        site["measure"],
        site["public_idea"],
        site["event"],
    ]
    assert danish.get_index_for_model(MeasurePage)._own(objects) == [site["danish_measure"]]


@pytest.mark.django_db
def test_unreachable_cluster_falls_back_to_the_database_and_logs(client, site, settings, caplog):
    port = closed_port()
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": es_params("de", port),
        "da": es_params("da", port),
        "en": es_params("en", port),
        "database": {"BACKEND": "search.backends.database"},
    }
    engine.reset_backends()
    with caplog.at_level(logging.WARNING, logger="search.engine"):
        response = client.get("/api/v1/search/", {"q": "Chatbot"})
        page = client.get("/de/search/", {"q": "Chatbot"})
        suggest = client.get("/de/search/suggest/", {"q": "Chat"})
    assert response.status_code == 200
    assert "Chatbot-Pilot" in [hit["title"] for hit in response.json()["results"]]
    assert page.status_code == 200 and "Chatbot-Pilot" in page.content.decode()
    assert suggest.status_code == 200 and suggest.json()["suggestions"]
    assert any("answering from 'database'" in record.getMessage() for record in caplog.records)


@pytest.mark.django_db
def test_unreachable_cluster_without_fallback_is_a_polite_error_not_a_500(client, site, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": es_params("de", closed_port())}
    engine.reset_backends()
    assert client.get("/api/v1/search/", {"q": "Chatbot"}).status_code == 503
    page = client.get("/en/search/", {"q": "Chatbot"})
    assert page.status_code == 200
    assert "Search is not available at the moment" in page.content.decode()
    assert client.get("/de/search/suggest/", {"q": "Chat"}).json() == {"query": "Chat", "suggestions": []}


def test_settings_configure_one_backend_per_language_with_database_fallback(monkeypatch):
    import importlib

    from website.settings import base

    monkeypatch.setenv("ELASTICSEARCH_URL", "http://search.example:9200")
    try:
        configured = importlib.reload(base).WAGTAILSEARCH_BACKENDS
    finally:
        monkeypatch.delenv("ELASTICSEARCH_URL")
        importlib.reload(base)
    assert {alias: params.get("LANGUAGE") for alias, params in configured.items()} == {
        "default": "de",
        "da": "da",
        "en": "en",
        "database": None,
    }
    assert configured["da"]["BACKEND"] == "search.backends.elasticsearch"
    assert configured["database"]["BACKEND"] == "search.backends.database"
