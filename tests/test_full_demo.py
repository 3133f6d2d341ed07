"""`make run`'s demo, whole: `load_demo_content` with every app, built once for this module.

The demo is built from the migrated site, then built a second time (that run must change
nothing), inside a transaction rolled back when the module is done; every test reads it in
its own nested transaction. What is checked here: the site is complete and translated through
wagtail-localize, every live page renders in every language, the demo content is searchable,
the needs survey's demo is closed with published results, and `--reset` rebuilds the same tree.
It is the slowest fixture of the suite, so all of the demo's tests share it.
"""

import datetime
import hashlib
import json

import pytest

from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from modelcluster.models import get_serializable_data_for_fields
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from agenda.models import AgendaPage, MeasurePage
from participation.models import Idea, NeedsSurveyPage, SurveyAnswer, SurveyFinding, SurveyResponse
from tests.skeleton import back_to_the_migrated_site, data_for_the_module
from website.demo.pages_content import remove_replaced_pages
from website.models import ContactPerson, ContentPage, HomePage, SiteSettings

pytestmark = pytest.mark.xdist_group("full_demo")  # one worker builds the demo, once


def snapshot():
    """Counts of everything the demo builds, and a digest of every stored field value."""
    pages = [page.specific for page in Page.objects.order_by("path")]
    records = [get_serializable_data_for_fields(page) for page in pages]
    records += [get_serializable_data_for_fields(person) for person in ContactPerson.objects.order_by("pk")]
    records += [get_serializable_data_for_fields(item) for item in SiteSettings.objects.order_by("pk")]
    records += [get_serializable_data_for_fields(image) for image in get_image_model().objects.order_by("pk")]
    digest = hashlib.sha256(json.dumps(records, cls=DjangoJSONEncoder, sort_keys=True).encode()).hexdigest()
    counts = {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Revision,
            ContactPerson,
            get_image_model(),
            TranslationSource,
            Translation,
            StringTranslation,
            Redirect,
            Idea,
            NeedsSurveyPage,
            SurveyResponse,
            SurveyAnswer,
            SurveyFinding,
        )
    }
    return counts, digest


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with data_for_the_module(django_db_blocker):
        back_to_the_migrated_site()
        call_command("load_demo_content", verbosity=0)
        first = snapshot()
        call_command("load_demo_content", verbosity=0)
        second = snapshot()
        yield {"first": first, "second": second}


@pytest.fixture
def site(demo, db):
    return demo


@pytest.fixture
def loaded(demo, db):
    return demo


@pytest.fixture
def demo_site(demo, db):
    return demo


def test_second_run_changes_nothing(site):
    assert site["second"][0] == site["first"][0]
    assert site["second"][1] == site["first"][1]


# The pages and settings.


@pytest.mark.parametrize(
    ("path", "text"),
    [
        # List blocks (questions and answers) are translated, not only the page fields.
        ("/da/digital-dagsorden/", "Hvilke digitale tilbud findes allerede"),
        ("/en/digital-agenda/", "Which digital services already exist"),
        # Topic fields have their own slugs in every language.
        ("/da/digital-dagsorden/forvaltning/", "Forvaltning"),
        ("/en/digital-agenda/administration/", "Administration"),
        ("/de/digitale-agenda/verwaltung/", "Verwaltung"),
    ],
)
def test_demo_pages_are_translated(loaded, client, path, text):
    response = client.get(path)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_agenda_phases_are_translated(loaded):
    german = AgendaPage.objects.get(locale__language_code="de")
    danish = AgendaPage.objects.get(locale__language_code="da")
    assert [p.starts_on for p in danish.phases.all()] == [p.starts_on for p in german.phases.all()]
    assert danish.phases.first().title != german.phases.first().title


def test_progress_lists_are_not_empty(loaded, client):
    measures = MeasurePage.objects.live().filter(locale__language_code="de")
    assert measures.overdue().exists()
    assert measures.recently_changed(timezone.now() - datetime.timedelta(days=30)).exists()
    for path in ("/de/fortschritt/", "/da/fremskridt/", "/en/progress/"):
        assert client.get(path).status_code == 200


def test_every_live_page_renders_in_every_language(loaded, client):
    failures = []
    for page in Page.objects.live().filter(depth__gt=1).specific().iterator():
        url = page.get_url()
        if url is None:
            continue
        status = client.get(url).status_code
        if status != 200:
            failures.append((url, status))
    assert failures == []


def test_builds_a_real_site(site):
    counts = site["first"][0]
    assert counts["Page"] >= 1 + 3 * 18
    assert counts["ContactPerson"] == 3 * 4
    assert counts["Redirect"] == 0


def test_german_home_is_the_default_sites_root(site):
    default_site = Site.objects.get(is_default_site=True)
    home = default_site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "de"
    assert home.title == "Flensburg digital"
    assert default_site.site_name == "Flensburg digital"
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()  # welcome page gone


def test_every_german_page_has_published_linked_translations(site):
    # Live pages: a draft measure promoted from a group result is German until an editor has it translated.
    german_pages = Page.objects.live().filter(locale__language_code="de", depth__gte=2)
    assert german_pages.count() >= 18
    for page in german_pages:
        for code in ("da", "en"):
            translation = Page.objects.filter(translation_key=page.translation_key, locale__language_code=code).first()
            assert translation is not None, f"{page} has no {code} translation"
            assert translation.live and not translation.has_unpublished_changes
            assert translation.title != "" and translation.specific_class is page.specific_class
            assert Translation.objects.filter(
                source__object_id=page.translation_key, target_locale__language_code=code
            ).exists(), f"{page} ({code}) was not translated through wagtail-localize"


def test_contacts_are_translated_through_wagtail_localize(site):
    cdo = ContactPerson.objects.get(name="Dr. Marcus Ott", locale__language_code="de")
    english = cdo.get_translation(Locale.objects.get(language_code="en"))
    assert english.unit == "E-Government and Digitalisation Unit"
    assert english.email == cdo.email == "digitalisierung@flensburg.example"
    assert TranslationSource.objects.filter(object_id=cdo.translation_key).exists()


def test_site_settings_are_set(site):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.organisation_name.startswith("Stadt Flensburg")
    assert settings.postal_code_city == "24937 Flensburg"
    assert settings.main_contact.name == "Dr. Marcus Ott"
    assert settings.accessibility_feedback_email
    for name in ("imprint_page", "privacy_page", "accessibility_page", "easy_language_page", "sign_language_page"):
        assert getattr(settings, name) is not None, name


def test_main_navigation_lists_the_sections(site):
    home = Site.objects.get(is_default_site=True).root_page
    slugs = set(home.get_children().live().in_menu().values_list("slug", flat=True))
    assert {"buergerportal", "digitale-agenda", "ozg-leistungen", "smarte-grenzregion", "chatbot", "aktuelles"} <= slugs


def test_smart_city_and_ozg_are_only_the_typed_pages(site):
    assert not Page.objects.filter(slug__in=["smart-city", "ozg"], depth=3).exists()
    assert Page.objects.get(slug="smarte-grenzregion", locale__language_code="de").specific_class.__name__ == (
        "SmartCityProgrammePage"
    )
    assert Page.objects.get(slug="ozg-leistungen", locale__language_code="de").specific_class.__name__ == (
        "ServiceCatalogPage"
    )


def test_an_older_runs_smart_city_content_page_is_deleted_in_every_language(site):
    german_home = HomePage.objects.get(locale__language_code="de")
    legacy = german_home.add_child(instance=ContentPage(title="Smart City", slug="smart-city"))
    for code in ("da", "en"):
        legacy.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=False)
    assert Page.objects.filter(translation_key=legacy.translation_key).count() == 3
    remove_replaced_pages(german_home)
    assert not Page.objects.filter(translation_key=legacy.translation_key).exists()


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/de/", "Wie die Stadt Flensburg Verwaltung"),
        ("/da/", "Sådan gør Flensborg Kommune"),
        ("/en/", "How the City of Flensburg"),
        ("/de/digitale-agenda/", "Genutzt wird nur, was auch gebraucht wird."),
        ("/da/digital-dagsorden/", "Kun det, der er brug for, bliver brugt."),
        ("/en/digital-agenda/", "Only what is needed gets used."),
        ("/en/smart-border-region/", "one of 28 out of 94"),
        ("/de/smarte-grenzregion/", "von November 2020 bis Mitte 2022 mit 100.000 Euro"),
        ("/da/smart-graenseregion/", "Grøn energi og forbundet mobilitet"),
        ("/de/ozg-leistungen/", "bis Ende 2022"),
        ("/da/ozg-ydelser/", "Efter princippet „Én for alle“"),
        ("/da/nyheder/", "Chatbotten Govii er online"),
        ("/en/news/smart-city-selected/", "Great news for the border region"),
    ],
)
def test_pages_render_translated_text(site, client, path, text):
    response = client.get(path)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_featured_sections_link_to_the_same_language(site, client):
    body = client.get("/da/").content.decode()
    assert 'href="/da/borgerportal/"' in body
    assert 'href="/de/buergerportal/"' not in body
    assert 'href="/da/smart-graenseregion/"' in body
    assert 'href="/da/ozg-ydelser/"' in body


# The demo is searchable right after it is built (indexed through Wagtail's signals).


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("de", "Chatbot", "Chatbot-Pilot Govii"),
        ("de", "Bürgerportale", "Bürgerportal"),
        ("de", "Straße", "Sondernutzung öffentlicher Straßen beantragen"),
        ("de", "Mobilität", "Grüne Energie und vernetzte Mobilität"),
        ("da", "borgerportal", "Borgerportal"),
        ("en", "chatbot", "Govii chatbot pilot"),
    ],
)
def test_demo_searches_find_what_a_newcomer_looks_for(client, demo_site, language, query, expected):
    body = client.get("/api/v1/search/", {"q": query, "lang": language}).json()
    assert expected in [hit["title"] for hit in body["results"]]
    page = client.get(f"/{language}/search/", {"q": query})
    assert page.status_code == 200 and expected in page.content.decode()


def test_demo_topic_field_filter(client, demo_site):
    body = client.get("/api/v1/search/", {"q": "Mobilität"}).json()
    topic = body["facets"]["topic"][0]
    filtered = client.get("/api/v1/search/", {"q": "Mobilität", "topic": topic["value"]}).json()
    assert filtered["count"] == topic["count"]
    assert all(topic["value"] in [str(t["id"]) for t in hit["topic_fields"]] for hit in filtered["results"])


# The needs survey's demo: closed, results published, findings linked, translated.


def test_demo_survey_is_closed_published_and_translated(site, client):
    first = site["first"][0]
    pages, responses, findings = first["NeedsSurveyPage"], first["SurveyResponse"], first["SurveyFinding"]
    assert pages == 3  # de, da, en
    assert responses >= 300 and findings >= 3
    german = NeedsSurveyPage.objects.get(locale__language_code="de")
    assert german.status() == "closed" and german.results_published
    assert SurveyFinding.objects.filter(measures__isnull=False).exists()
    danish = NeedsSurveyPage.objects.get(locale__language_code="da")
    assert danish.form_fields.get(clean_name="need_score").label.startswith("Hvor presserende")
    response = client.get(danish.url + "results/")
    assert response.status_code == 200
    assert "<svg" in response.content.decode()


# Reset: what protects the pages (ideas, groups) is removed first, then the same tree is built.


def test_reset_rebuilds_the_same_tree(site, client):
    before = sorted(Page.objects.values_list("url_path", flat=True))
    ideas = Idea.objects.count()
    measures = MeasurePage.objects.count()
    call_command("load_demo_content", reset=True, verbosity=0)
    assert sorted(Page.objects.values_list("url_path", flat=True)) == before
    assert Idea.objects.count() == ideas
    assert MeasurePage.objects.count() == measures
    assert ContactPerson.objects.count() == 12
    assert client.get("/da/digital-dagsorden/forvaltning/").status_code == 200
