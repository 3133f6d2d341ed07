"""The search page and its JSON endpoint, on whichever database the suite runs on."""

import pytest

from search.models import SearchQueryStat

from .conftest import titles

pytestmark = pytest.mark.django_db

API = "/api/v1/search/"


def api(client, **params):
    return client.get(API, params)


def test_finds_pages_of_every_type_ideas_events_and_services(client, site):
    body = api(client, q="Bürgerportal").json()
    assert "Bürgerportal ausbauen" in [hit["title"] for hit in body["results"]]
    assert {"measurepage"} <= {hit["type"] for hit in body["results"]}
    assert "Chatbot-Pilot" in titles(api(client, q="Chatbot"))
    assert "Bürgerwerkstatt Mobilität" in titles(api(client, q="Bürgerwerkstatt"))
    assert "Fahrradstraße am Hafen" in titles(api(client, q="Fahrradstraße"))
    assert "Wohnsitz ummelden" in titles(api(client, q="Wohnsitz"))


def test_hidden_and_unmoderated_ideas_are_never_found(client, site):
    found = titles(api(client, q="Fahrradstraße"))
    assert "Fahrradstraße am Hafen" in found
    assert "Fahrradstraße versteckt" not in found
    assert "Fahrradstraße wartet" not in found
    assert api(client, q="Beleidigender").json()["count"] == 0


def test_german_inflection_and_sharp_s(client, site):
    assert "Bürgerportal ausbauen" in titles(api(client, q="Bürgerportale"))
    assert "Bürgerportal ausbauen" in titles(api(client, q="Strasse"))
    assert "Fahrradstraße am Hafen" in titles(api(client, q="Fahrradstrasse"))


def test_results_are_in_the_readers_language(client, site):
    danish = titles(api(client, q="borgerportal", lang="da"))
    assert danish == ["Borgerportaler udbygges"]
    english = titles(api(client, q="portal", lang="en"))
    assert "Expanding the citizen portals" in english
    assert "Bürgerportal ausbauen" not in english


def test_result_carries_type_snippet_topic_status_and_year(client, site):
    hit = next(hit for hit in api(client, q="Strasse").json()["results"] if hit["title"] == "Bürgerportal ausbauen")
    assert hit["type"] == "measurepage"
    assert hit["status"] == "planned"
    assert hit["topic_fields"] == [{"id": site["topic"].pk, "title": "Verwaltung und Bürgerservice"}]
    assert hit["year"] == site["measure"].first_published_at.year
    assert "<mark>Straße</mark>" in hit["snippet"]


def test_snippet_is_escaped(client, site):
    site["public_idea"].text = "<script>alert(1)</script> Fahrradstraße <b>fett</b>"
    site["public_idea"].save()
    hit = next(h for h in api(client, q="Fahrradstraße").json()["results"] if h["type"] == "idea")
    assert "<script>" not in hit["snippet"]
    assert "&lt;" not in hit["snippet"] or "<b>" not in hit["snippet"]
    assert "<mark>Fahrradstraße</mark>" in hit["snippet"]


def test_facets_count_and_filters_combine(client, site):
    body = api(client, q="Leistungen").json()
    types = {value["value"]: value["count"] for value in body["facets"]["type"]}
    assert types["measurepage"] >= 1 and types["projectpage"] == 1
    filtered = api(client, q="Leistungen", type="projectpage").json()
    assert titles_of(filtered) == ["Chatbot-Pilot"]
    combined = api(client, q="Leistungen", type="measurepage", status="planned").json()
    assert titles_of(combined) == ["Bürgerportal ausbauen"]
    none = api(client, q="Leistungen", type="projectpage", status="planned").json()
    assert none["count"] == 0
    topic = api(client, q="Leistungen", topic=str(site["topic"].pk)).json()
    assert {"Bürgerportal ausbauen", "Chatbot-Pilot"} <= set(titles_of(topic))
    year = str(site["year"])
    assert api(client, q="Leistungen", year=year).json()["count"] == body["count"]
    assert api(client, q="Leistungen", year="1999").json()["count"] == 0


def titles_of(body):
    return [hit["title"] for hit in body["results"]]


def test_facet_counts_ignore_their_own_filter(client, site):
    body = api(client, q="Leistungen", type="projectpage").json()
    types = {value["value"]: value for value in body["facets"]["type"]}
    assert types["projectpage"]["selected"] is True
    assert types["measurepage"]["count"] >= 1


def test_search_page_shows_count_facets_and_keeps_filters_in_the_url(client, site):
    response = client.get("/en/search/", {"q": "Leistungen", "type": "measurepage"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="status"' in html and "1 result" in html
    assert 'name="type" value="measurepage" checked' in html
    assert 'name="q" value="Leistungen"' in html
    assert "<mark>" in html


def test_empty_query_page_lists_topic_fields(client, site):
    response = client.get("/de/search/")
    assert response.status_code == 200
    assert "Verwaltung und Bürgerservice" in response.content.decode()
    assert "search-count" not in response.content.decode()


def test_no_results_page_suggests_spelling_and_topics(client, site):
    response = client.get("/de/search/", {"q": "Bürgerportl"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="search-suggestion"' in html and "?q=B%C3%BCrgerportal" in html
    assert "Verwaltung und Bürgerservice" in html
    assert api(client, q="Chatbott").json()["suggestion"] == "Chatbot"


def test_typo_suggestion_not_offered_when_results_exist(client, site):
    assert api(client, q="Chatbot").json()["suggestion"] == ""


def test_pagination_keeps_query_and_filters(client, site):
    from tests.agenda.factories import MeasurePageFactory
    from tests.factories import publish

    for number in range(12):
        publish(MeasurePageFactory(parent=site["topic"], title=f"Fahrplan Nummer {number}", slug=f"fahrplan-{number}"))
    assert api(client, q="Fahrplan", type="measurepage").json()["count"] == 12
    response = client.get("/de/search/", {"q": "Fahrplan", "type": "measurepage"})
    html = response.content.decode()
    assert "?q=Fahrplan&amp;type=measurepage&amp;page=2" in html
    second = client.get("/de/search/", {"q": "Fahrplan", "type": "measurepage", "page": "2"})
    assert second.content.decode().count('class="search-result"') == 2
    assert api(client, q="Fahrplan", page="2", page_size="10").json()["results"]


def test_promoted_results_come_first(client, site):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    query = Query.get("chatbot")
    SearchPromotion.objects.create(query=query, page=site["measure"], sort_order=0, description="Empfohlen")
    body = api(client, q="Chatbot").json()
    assert [hit["title"] for hit in body["promoted"]] == ["Bürgerportal ausbauen"]
    assert body["promoted"][0]["promoted"] is True
    danish = api(client, q="Chatbot", lang="da").json()
    assert [hit["title"] for hit in danish["promoted"]] == ["Borgerportaler udbygges"]
    html = client.get("/en/search/", {"q": "chatbot"}).content.decode()
    assert "Recommended" in html


def test_query_log_counts_searches_and_misses(client, site):
    client.get("/de/search/", {"q": "Chatbot"})
    client.get("/de/search/", {"q": "  chatbot "})
    client.get("/de/search/", {"q": "Xylophonzauber"})
    api(client, q="Xylophonzauber")
    client.get("/de/search/", {"q": "Chatbot", "page": "2"})
    rows = {row.query: row for row in SearchQueryStat.objects.all()}
    assert rows["chatbot"].hits == 2 and rows["chatbot"].zero_result_hits == 0
    assert rows["xylophonzauber"].hits == 2 and rows["xylophonzauber"].zero_result_hits == 2
    assert SearchQueryStat.objects.filter(language="de").count() == 2


def test_suggest_endpoint(client, site):
    body = client.get("/de/search/suggest/", {"q": "Chat"}).json()
    assert body["suggestions"][0]["title"] == "Chatbot-Pilot"
    assert body["suggestions"][0]["url"].startswith("/de/")
    assert client.get("/de/search/suggest/", {"q": ""}).json()["suggestions"] == []
    assert client.get("/de/search/suggest/", {"q": "x" * 10_000}).status_code == 200


def test_search_box_is_a_plain_get_form_enhanced_by_a_static_script(client, site):
    html = client.get("/de/").content.decode()
    assert 'role="search"' in html and 'method="get"' in html
    assert 'data-autocomplete-url="/de/search/suggest/"' in html
    assert 'src="/static/search/js/autocomplete.js"' in html
    assert "<script>" not in html


def test_frequent_searches_are_shown_once_searched_often_and_found(client, site):
    for _ in range(3):
        client.get("/de/search/", {"q": "Chatbot"})
    client.get("/de/search/", {"q": "Seltenheit"})
    html = client.get("/de/search/").content.decode()
    assert "?q=chatbot" in html
    assert "seltenheit" not in html


def test_update_index_rebuilds_the_index(client, site):
    from io import StringIO

    from django.core.management import call_command

    from wagtail.search.models import IndexEntry

    IndexEntry.objects.all().delete()
    assert api(client, q="Chatbot").json()["count"] == 0
    out = StringIO()
    call_command("update_index", stdout=out)
    assert "participation.Idea" in out.getvalue() or "participation.idea" in out.getvalue().lower()
    assert "Chatbot-Pilot" in titles(api(client, q="Chatbot"))
    assert "Bürgerportal ausbauen" in titles(api(client, q="Bürgerportale"))
    assert "Fahrradstraße am Hafen" in titles(api(client, q="Fahrradstrasse"))
    assert "Fahrradstraße versteckt" not in titles(api(client, q="Fahrradstrasse"))


def test_search_report_for_editors_only(client, site, django_user_model):
    from django.contrib.auth.models import Group

    from agenda.roles import EDITORS

    client.get("/de/search/", {"q": "Chatbot"})
    client.get("/de/search/", {"q": "Xylophonzauber"})
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    citizen = django_user_model.objects.create_user("citizen", "citizen@example.org", "pw")
    client.force_login(citizen)
    assert client.get("/admin/search/report/").status_code in (302, 403)
    client.force_login(editor)
    response = client.get("/admin/search/report/?days=7")
    assert response.status_code == 200
    html = response.content.decode()
    assert "chatbot" in html and "xylophonzauber" in html
    assert client.get("/admin/search/report/?days=abc").status_code == 200
    assert editor.has_perm("wagtailsearchpromotions.add_searchpromotion")
