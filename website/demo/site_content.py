"""The site's own demo pages: home, contacts, content pages, legal pages, news, site settings."""

from wagtail.images import get_image_model
from wagtail.models import Page

from website.models import ContactPerson, ContentPage, HomePage, NewsIndexPage, NewsPage, SiteSettings

from . import pages_content
from .api import (
    DEMO_COLLECTION_NAME,
    SOURCE_LANGUAGE,
    T,
    build_page,
    build_snippet,
    ensure_locales,
    get_default_site,
    split_languages,
    translate_page,
    upsert_page,
)
from .images import demo_image

SITE_NAME = "Flensburg digital"
HOME_SLUG = T("startseite", "forside", "home")

CONTACTS = {
    "cdo": {
        "name": "Dr. Marcus Ott",
        "role": T("Chief Digital Officer", "Chief Digital Officer", "Chief Digital Officer"),
        "unit": T(
            "Stabsstelle E-Government und Digitalisierung",
            "Stabsfunktionen for e-forvaltning og digitalisering",
            "E-Government and Digitalisation Unit",
        ),
        "email": "digitalisierung@flensburg.example",
        "phone": "+49 461 000-0000",
    },
    "portal": {
        "name": "Jana Petersen",
        "role": T("Projektleitung Bürgerportal", "Projektleder for borgerportalen", "Project lead, citizen portal"),
        "unit": T(
            "Stabsstelle E-Government und Digitalisierung",
            "Stabsfunktionen for e-forvaltning og digitalisering",
            "E-Government and Digitalisation Unit",
        ),
        "email": "buergerportal@flensburg.example",
        "phone": "+49 461 000-0001",
    },
    "smart_city": {
        "name": "Lars Christiansen",
        "role": T(
            "Koordination Smarte Grenzregion",
            "Koordinator for den smarte grænseregion",
            "Coordinator, Smart Border Region",
        ),
        "unit": T(
            "Stabsstelle E-Government und Digitalisierung",
            "Stabsfunktionen for e-forvaltning og digitalisering",
            "E-Government and Digitalisation Unit",
        ),
        "email": "smartcity@flensburg.example",
        "phone": "+49 461 000-0002",
    },
    "accessibility": {
        "name": "Meike Hansen",
        "role": T(
            "Ansprechperson für Barrierefreiheit",
            "Kontaktperson for tilgængelighed",
            "Accessibility contact",
        ),
        "unit": T("Stadt Flensburg", "Flensborg Kommune", "City of Flensburg"),
        "email": "barrierefreiheit@flensburg.example",
        "phone": "+49 461 000-0003",
    },
}


def build(context):
    ensure_locales()
    context.log("Contacts …")
    for key, fields in CONTACTS.items():
        lookup = {"name": fields["name"]}
        rest = {name: value for name, value in fields.items() if name != "name"}
        context.contacts[key] = build_snippet(ContactPerson, lookup, **rest)

    context.log("Home page …")
    home = build_home(context)
    context.home = home
    pages_content.build_sections(context)
    pages_content.build_news(context)
    finish_home(context)
    build_site_settings(context)
    context.log(f"Demo content ready: {HomePage.objects.count()} home pages, {Page.objects.count()} pages in all.")


def _home_fields(context, featured=(), with_body=False):
    hero = demo_image("home-hero", "Flensburg digital – Titelbild", "harbour")
    fields = {
        "title": T("Flensburg digital", "Flensborg digital", "Flensburg digital"),
        "intro": T(
            "Wie die Stadt Flensburg Verwaltung, Stadtleben und Region mit digitalen Angeboten "
            "einfacher macht – und wie Sie mitreden können.",
            "Sådan gør Flensborg Kommune forvaltningen, bylivet og regionen enklere med digitale "
            "tilbud – og sådan kan du være med til at bestemme.",
            "How the City of Flensburg makes its administration, city life and the region simpler "
            "with digital services – and how you can have your say.",
        ),
        "hero_image": hero.pk,
        "hero_image_alt": T(
            "Abstrakte Grafik in Hafenblau: Wellen, Lichtkreise und kleine Segel über der Förde",
            "Abstrakt grafik i havneblå: bølger, lyscirkler og små sejl over fjorden",
            "Abstract graphic in harbour blue: waves, circles of light and small sails above the fjord",
        ),
        "news_heading": T("Aktuelles", "Nyheder", "News"),
        "cdo_contact": context.contacts["cdo"].pk,
        "seo_title": T(
            "Flensburg digital – Digitalisierung in der Stadt Flensburg",
            "Flensborg digital – digitalisering i Flensborg",
            "Flensburg digital – digitalisation in the City of Flensburg",
        ),
    }
    if featured:
        fields["featured_sections"] = list(featured)
    if with_body:
        fields["body"] = pages_content.home_body(context)
    return fields


def build_home(context):
    """The German home page as root of the default site, replacing Wagtail's welcome page.

    On the first run the home page starts without featured sections (their pages do not exist
    yet) and is translated at once, because translated children need translated parents.
    """
    from wagtail.models import Site

    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale__language_code=SOURCE_LANGUAGE, depth=2).first()
    created = home is None
    if created:
        fields = _home_fields(context)
        home, _changed = upsert_page(root, HomePage, HOME_SLUG.de, **_plain(fields))
    site = get_default_site()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    if site.root_page_id != home.pk or site.site_name != SITE_NAME:
        welcome = site.root_page
        site.root_page = home
        site.site_name = SITE_NAME
        site.save()
        _delete_welcome_page(welcome, home)
    if created:
        translations = split_languages(fields)[1]
        for code in translations:
            translations[code][HOME_SLUG.de] = HOME_SLUG.get(code)
        translate_page(home, translations, changed=True)
    return home


def _plain(fields):
    return split_languages(fields)[0]


def _delete_welcome_page(page, home):
    """Wagtail's "Welcome to your new Wagtail site!" page, if nothing else uses it."""
    if page is None or page.pk == home.pk or page.depth != 2:
        return
    if type(page.specific) is Page and page.numchild == 0:
        page.delete()


def finish_home(context):
    """Home page with everything that points at other pages; translated once complete."""
    pages = context.pages
    featured = [
        pages_content.featured(key, pages[key])
        for key in ("buergerportal", "digitale-agenda", "ozg", "smart-city", "chatbot")
        if key in pages
    ]
    root = Page.get_first_root_node()
    context.home = build_page(root, HomePage, HOME_SLUG, **_home_fields(context, featured, with_body=True))


def build_site_settings(context):
    site = get_default_site()
    settings = SiteSettings.for_site(site)
    pages = context.pages
    values = {
        "organisation_name": "Stadt Flensburg – Stabsstelle E-Government und Digitalisierung",
        "street_address": "Rathausplatz 1",
        "postal_code_city": "24937 Flensburg",
        "email": "digitalisierung@flensburg.example",
        "phone": "+49 461 000-0000",
        "accessibility_feedback_email": "barrierefreiheit@flensburg.example",
        "main_contact_id": context.contacts["cdo"].pk,
        "imprint_page_id": pages["impressum"].pk,
        "privacy_page_id": pages["datenschutz"].pk,
        "accessibility_page_id": pages["barrierefreiheit"].pk,
        "easy_language_page_id": pages["leichte-sprache"].pk,
        "sign_language_page_id": pages["gebaerdensprache"].pk,
    }
    if any(getattr(settings, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(settings, name, value)
        settings.save()


def delete_demo_content(context):
    """`--reset`: remove every home page tree (all languages), demo contacts and demo images."""
    from wagtail.models import Collection
    from wagtail_localize.models import TranslationSource

    context.log("Deleting the demo content …")
    site = get_default_site()
    root = Page.get_first_root_node()
    if site is not None and site.root_page_id != root.pk:
        site.root_page = root
        site.save()
    for home in HomePage.objects.all():
        TranslationSource.objects.filter(object_id=home.translation_key).delete()
        home.delete()
    # Sources of pages deleted with the trees (wagtail-localize keeps them otherwise).
    existing_keys = set(Page.objects.values_list("translation_key", flat=True)) | set(
        ContactPerson.objects.values_list("translation_key", flat=True)
    )
    for source in TranslationSource.objects.all():
        model = source.specific_content_type.model_class()
        if model is not None and issubclass(model, Page | ContactPerson) and source.object_id not in existing_keys:
            source.delete()
    names = [fields["name"] for fields in CONTACTS.values()]
    for person in ContactPerson.objects.filter(name__in=names):
        TranslationSource.objects.filter(object_id=person.translation_key).delete()
        person.delete()
    collection = Collection.objects.filter(name=DEMO_COLLECTION_NAME).first()
    if collection is not None:
        for image in get_image_model().objects.filter(collection=collection):
            image.delete()  # Wagtail removes the file and its renditions itself


__all__ = ["build", "delete_demo_content", "ContentPage", "NewsIndexPage", "NewsPage"]
