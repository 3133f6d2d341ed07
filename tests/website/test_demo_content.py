"""`manage.py load_demo_content`: complete, translated through wagtail-localize, idempotent.

The demo site (with the projects app's pages: Smart City and OZG are typed pages of that app)
is built once per module inside a transaction that is rolled back at the end; every test reads
it in its own nested transaction.
"""

import hashlib
import json

import pytest

from django.core.serializers.json import DjangoJSONEncoder

from modelcluster.models import get_serializable_data_for_fields
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests.skeleton import back_to_the_migrated_site, data_for_the_module
from website import demo
from website.demo.pages_content import remove_replaced_pages
from website.models import ContactPerson, ContentPage, HomePage, SiteSettings

pytestmark = pytest.mark.xdist_group("demo_content")  # one worker builds the demo, once

LANGUAGES = ("de", "da", "en")
APP_MODULES = ("projects.demo",)


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
        )
    }
    return counts, digest


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    with data_for_the_module(django_db_blocker):
        back_to_the_migrated_site()
        demo.load(app_modules=APP_MODULES)
        first = snapshot()
        demo.load(app_modules=APP_MODULES)
        second = snapshot()
        yield {"first": first, "second": second}


@pytest.fixture
def site(demo_site, db):
    return demo_site


def test_second_run_changes_nothing(site):
    assert site["second"][0] == site["first"][0]
    assert site["second"][1] == site["first"][1]


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
    german_pages = Page.objects.filter(locale__language_code="de", depth__gte=2)
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


def test_reset_rebuilds_the_same_tree(site):
    before = sorted(Page.objects.values_list("url_path", flat=True))
    demo.load(reset=True, app_modules=APP_MODULES)
    assert sorted(Page.objects.values_list("url_path", flat=True)) == before
    assert ContactPerson.objects.count() == 12
