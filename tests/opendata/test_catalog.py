"""The DCAT-AP.de catalogue: JSON-LD that parses as RDF and carries the required properties."""

import json

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

from opendata.datasets import all_datasets

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
DL_BY_DE = "http://dcat-ap.de/def/licenses/dl-by-de/2.0"


@pytest.fixture
def catalog_response(client, data):
    from website.models.settings import SiteSettings

    site_settings = SiteSettings.for_site(data["home"].get_site())
    site_settings.organisation_name = "Stadt Flensburg"
    site_settings.email = "digital@flensburg.example"
    site_settings.save()
    return client.get("/open-data/catalog.jsonld")


@pytest.fixture
def catalog(catalog_response):
    return catalog_response.json()


@pytest.fixture
def graph(catalog_response):
    return Graph().parse(data=catalog_response.content.decode("utf-8"), format="json-ld")


def test_catalogue_is_json_ld(catalog_response):
    assert catalog_response.status_code == 200
    assert catalog_response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert catalog_response["Access-Control-Allow-Origin"] == "*"


def test_catalogue_has_the_required_catalogue_properties(catalog):
    assert catalog["@type"] == "dcat:Catalog"
    assert catalog["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert catalog["@context"]["dct"] == "http://purl.org/dc/terms/"
    assert {title["@language"] for title in catalog["dct:title"]} == {"de", "da", "en"}
    assert {text["@language"] for text in catalog["dct:description"]} == {"de", "da", "en"}
    assert catalog["dct:publisher"]["foaf:name"] == "Stadt Flensburg"
    assert catalog["dct:license"] == {"@id": DL_BY_DE}
    assert catalog["dct:modified"]["@type"] == "xsd:dateTime"
    assert catalog["foaf:homepage"]["@id"].startswith("http")


def test_every_dataset_is_described_with_the_required_properties(catalog):
    datasets = catalog["dcat:dataset"]

    assert [item["@id"].rsplit("#", 1)[1] for item in datasets] == [dataset.key for dataset in all_datasets()]
    for item in datasets:
        assert item["@type"] == "dcat:Dataset"
        for required in (
            "dct:title",
            "dct:description",
            "dct:publisher",
            "dcat:contactPoint",
            "dct:license",
            "dcat:theme",
            "dct:identifier",
            "dcat:distribution",
            "dct:accessRights",
        ):
            assert required in item, (item["@id"], required)
        assert {title["@language"] for title in item["dct:title"]} == {"de", "da", "en"}
        assert item["dcat:contactPoint"]["vcard:hasEmail"] == {"@id": "mailto:digital@flensburg.example"}
        assert len(item["dcat:distribution"]) == 6  # CSV and JSON, each in three languages


def test_distributions_point_at_working_downloads(client, catalog):
    for item in catalog["dcat:dataset"]:
        for distribution in item["dcat:distribution"]:
            assert distribution["@type"] == "dcat:Distribution"
            assert distribution["dct:license"] == {"@id": DL_BY_DE}
            assert distribution["dcatde:licenseAttributionByText"] == "Stadt Flensburg"
            url = distribution["dcat:downloadURL"]["@id"]
            assert distribution["dcat:accessURL"]["@id"] == url
            fmt = distribution["dct:format"]["@id"].rsplit("/", 1)[1].lower()
            assert fmt in ("csv", "json")
            path = url.split("testserver", 1)[1]
            assert path.startswith(f"/open-data/{item['@id'].rsplit('#', 1)[1]}.{fmt}?lang=")
    sample = catalog["dcat:dataset"][0]["dcat:distribution"][0]["dcat:downloadURL"]["@id"]
    assert client.get(sample.split("testserver", 1)[1]).status_code == 200


def test_modified_is_the_latest_change_of_the_data(catalog, data):
    from agenda.models import MeasureProgressUpdate

    measures = next(item for item in catalog["dcat:dataset"] if item["@id"].endswith("#measures"))
    latest = max(
        [MeasureProgressUpdate.objects.latest("changed_at").changed_at]
        + [page.last_published_at for page in (data["e_akte"], data["termine"], data["ampeln"])]
    )
    from opendata.export import plain_value

    assert measures["dct:modified"] == {"@value": plain_value(latest), "@type": "xsd:dateTime"}
    assert measures["dct:temporal"]["@type"] == "dct:PeriodOfTime"
    assert measures["dct:temporal"]["dcat:startDate"]["@value"] == "2021-03-01"


def test_catalogue_parses_as_rdf_with_catalogue_datasets_and_distributions(graph):
    catalogues = list(graph.subjects(RDF.type, DCAT.Catalog))
    assert len(catalogues) == 1
    datasets = list(graph.objects(catalogues[0], DCAT.dataset))
    assert len(datasets) == len(all_datasets())
    for dataset in datasets:
        assert (dataset, RDF.type, DCAT.Dataset) in graph
        assert (dataset, DCTERMS.license, URIRef(DL_BY_DE)) in graph
        assert {title.language for title in graph.objects(dataset, DCTERMS.title)} == {"de", "da", "en"}
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert len(distributions) == 6
        for distribution in distributions:
            assert (distribution, RDF.type, DCAT.Distribution) in graph
            assert graph.value(distribution, DCAT.downloadURL) is not None
    assert (catalogues[0], DCTERMS.title, Literal("Open data of the Digital Agenda", lang="en")) in graph


def test_licence_comes_from_the_environment_setting(client, data, settings):
    settings.OPEN_DATA_LICENSE = "http://dcat-ap.de/def/licenses/dl-zero-de/2.0"

    catalog = client.get("/open-data/catalog.jsonld").json()

    assert catalog["dct:license"] == {"@id": "http://dcat-ap.de/def/licenses/dl-zero-de/2.0"}
    assert client.get("/open-data/measures.json").json()["license"] == settings.OPEN_DATA_LICENSE


def test_site_settings_override_licence_contact_and_geocoding(client, data):
    from opendata.models import OpenDataSettings

    open_data = OpenDataSettings.for_site(data["home"].get_site())
    open_data.licence = "http://dcat-ap.de/def/licenses/cc-by/4.0"
    open_data.contact_email = "opendata@flensburg.example"
    open_data.municipality_key = "01001000"
    open_data.contributor_id = "http://dcat-ap.de/def/contributors/stadtFlensburg"
    open_data.save()

    catalog = client.get("/open-data/catalog.jsonld").json()

    dataset = catalog["dcat:dataset"][0]
    assert dataset["dct:license"] == {"@id": "http://dcat-ap.de/def/licenses/cc-by/4.0"}
    assert dataset["dcat:contactPoint"]["vcard:hasEmail"] == {"@id": "mailto:opendata@flensburg.example"}
    assert dataset["dcatde:politicalGeocodingURI"] == {
        "@id": "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/01001000"
    }
    assert dataset["dcatde:contributorID"] == {"@id": "http://dcat-ap.de/def/contributors/stadtFlensburg"}
    assert dataset["dcatde:politicalGeocodingLevelURI"] == {
        "@id": "http://dcat-ap.de/def/politicalGeocoding/Level/municipality"
    }


def test_catalogue_with_an_empty_site_is_still_valid(client, home):
    response = client.get("/open-data/catalog.jsonld")

    assert response.status_code == 200
    document = json.loads(response.content)
    assert len(document["dcat:dataset"]) == len(all_datasets())
    Graph().parse(data=response.content.decode(), format="json-ld")
