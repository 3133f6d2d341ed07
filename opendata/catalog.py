"""The DCAT-AP.de catalogue of the open datasets, as JSON-LD.

One ``dcat:Catalog`` with a ``dcat:Dataset`` per dataset and a ``dcat:Distribution`` per
format and language (CSV and JSON, each in de/da/en). Titles, descriptions and keywords
are language-tagged in all three languages. Vocabularies: the EU authority tables for
languages, file types, frequencies and data themes; DCAT-AP.de for licences and the
political geocoding. See https://www.dcat-ap.de/def/ for the German application profile.
"""

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from website.models.settings import SiteSettings

from .datasets import all_datasets
from .export import language_codes, plain_value
from .models import OpenDataPage, OpenDataSettings

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
LANGUAGE_URIS = {"de": EU_LANGUAGE + "DEU", "da": EU_LANGUAGE + "DAN", "en": EU_LANGUAGE + "ENG"}
FILE_TYPES = {
    "csv": (
        "http://publications.europa.eu/resource/authority/file-type/CSV",
        "https://www.iana.org/assignments/media-types/text/csv",
    ),
    "json": (
        "http://publications.europa.eu/resource/authority/file-type/JSON",
        "https://www.iana.org/assignments/media-types/application/json",
    ),
}
THEME_GOVERNMENT = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
FREQUENCY_CONTINUOUS = "http://publications.europa.eu/resource/authority/frequency/UPDATE_CONT"
GEOCODING_LEVEL_MUNICIPALITY = "http://dcat-ap.de/def/politicalGeocoding/Level/municipality"
GEOCODING_MUNICIPALITY_KEY = "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/"
GEOCODING_REGIONAL_KEY = "http://dcat-ap.de/def/politicalGeocoding/regionalKey/"


CATALOGUE_TITLE = _("Open data of the Digital Agenda")
CATALOGUE_DESCRIPTION = _(
    "Measures, projects, topic fields, OZG services and aggregated participation figures of the "
    "city's Digital Agenda, as CSV and JSON in German, Danish and English."
)


def tagged(text_lazy):
    """[{"@value", "@language"}] of a lazy translatable text in every content language."""
    values = []
    for code in language_codes():
        with translation.override(code):
            values.append({"@value": str(text_lazy), "@language": code})
    return values


def date_time(value):
    if value is None:
        return None
    return {"@value": plain_value(value), "@type": "xsd:dateTime"}


def day(value):
    return {"@value": value.isoformat(), "@type": "xsd:date"}


def publisher_info(site, home):
    """(name, e-mail, homepage, licence URI, municipality key) from the site's settings."""
    site_settings = SiteSettings.for_site(site)
    open_data = OpenDataSettings.for_site(site)
    return {
        "name": site_settings.organisation_name or site.site_name or "",
        "email": open_data.contact_email or site_settings.email,
        "homepage": site.root_url.rstrip("/") + "/",
        "licence": open_data.licence_uri,
        "municipality_key": open_data.municipality_key,
        "contributor_id": open_data.contributor_id,
    }


def build_catalog(ctx, site, base_url):
    """The catalogue as a JSON-LD dict; ``base_url`` like ``https://host`` (no trailing slash)."""
    info = publisher_info(site, ctx.home)
    catalog_url = base_url + reverse("opendata:catalog")
    publisher = {"@id": info["homepage"] + "#publisher", "@type": "foaf:Organization", "foaf:name": info["name"]}
    contact = {"@type": "vcard:Organization", "vcard:fn": info["name"]}
    if info["email"]:
        contact["vcard:hasEmail"] = {"@id": f"mailto:{info['email']}"}
    licence = {"@id": info["licence"]}
    geocoding = {}
    key = info["municipality_key"]
    if key:
        geocoding = {
            "dcatde:politicalGeocodingLevelURI": {"@id": GEOCODING_LEVEL_MUNICIPALITY},
            "dcatde:politicalGeocodingURI": {
                "@id": (GEOCODING_MUNICIPALITY_KEY if len(key) == 8 else GEOCODING_REGIONAL_KEY) + key
            },
        }
    landing = OpenDataPage.objects.live().public().child_of(ctx.home).first()
    landing_url = landing.get_full_url(ctx.request) if landing else None
    dataset_extra = dict(geocoding)
    if info["contributor_id"]:
        dataset_extra["dcatde:contributorID"] = {"@id": info["contributor_id"]}
    languages = [{"@id": LANGUAGE_URIS.get(code, EU_LANGUAGE + code.upper())} for code in language_codes()]

    datasets = []
    latest = None
    for dataset in all_datasets():
        modified = dataset.modified(ctx)
        latest = max(filter(None, [latest, modified]), default=None)
        download = base_url + reverse("opendata:download", args=[dataset.key, "csv"])[: -len(".csv")]
        item = {
            "@id": f"{catalog_url}#{dataset.key}",
            "@type": "dcat:Dataset",
            "dct:identifier": f"{catalog_url}#{dataset.key}",
            "dct:title": tagged(dataset.title),
            "dct:description": tagged(dataset.description),
            "dcat:keyword": [value for keyword in dataset.keywords for value in tagged(keyword)],
            "dcat:theme": {"@id": THEME_GOVERNMENT},
            "dct:publisher": publisher,
            "dcatde:maintainer": publisher,
            "dcat:contactPoint": contact,
            "dct:license": licence,
            "dct:accessRights": {"@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC"},
            "dct:accrualPeriodicity": {"@id": FREQUENCY_CONTINUOUS},
            "dct:language": languages,
            "dcat:landingPage": {"@id": landing_url} if landing_url else None,
            **dataset_extra,
        }
        if modified:
            item["dct:modified"] = date_time(modified)
        if dataset.temporal is not None:
            period = dataset.temporal(ctx)
            if period and period[0]:
                temporal = {"@type": "dct:PeriodOfTime", "dcat:startDate": day(period[0])}
                if period[1]:
                    temporal["dcat:endDate"] = day(period[1])
                item["dct:temporal"] = temporal
        item["dcat:distribution"] = [
            distribution(dataset, fmt, code, download, licence, modified, info["name"])
            for fmt in FILE_TYPES
            for code in language_codes()
        ]
        datasets.append({key: value for key, value in item.items() if value is not None})

    catalog = {
        "@context": CONTEXT,
        "@id": catalog_url,
        "@type": "dcat:Catalog",
        "dct:title": tagged(CATALOGUE_TITLE),
        "dct:description": tagged(CATALOGUE_DESCRIPTION),
        "dct:publisher": publisher,
        "foaf:homepage": {"@id": info["homepage"]},
        "dct:language": languages,
        "dct:license": licence,
        "dct:issued": date_time(ctx.home.first_published_at),
        "dct:modified": date_time(latest or timezone.now()),
        **geocoding,
        "dcat:dataset": datasets,
    }
    return {key: value for key, value in catalog.items() if value is not None}


def distribution(dataset, fmt, code, download, licence, modified, publisher_name):
    file_type, media_type = FILE_TYPES[fmt]
    url = f"{download}.{fmt}?lang={code}"
    with translation.override(code):
        title = f"{dataset.title} ({fmt.upper()}, {code})"
    item = {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": [{"@value": title, "@language": code}],
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dct:format": {"@id": file_type},
        "dcat:mediaType": {"@id": media_type},
        "dct:language": {"@id": LANGUAGE_URIS.get(code, EU_LANGUAGE + code.upper())},
        "dct:license": licence,
        "dcatde:licenseAttributionByText": publisher_name,
    }
    if modified:
        item["dct:modified"] = date_time(modified)
    return item
