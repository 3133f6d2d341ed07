"""The demo content builds the Open data page in three languages, idempotently."""

from wagtail.models import Page, Revision, Site

from opendata.models import OpenDataPage, OpenDataSettings
from tests.skeleton import back_to_the_migrated_site
from website import demo


def test_demo_builds_the_open_data_page_in_three_languages_once(db, client):
    back_to_the_migrated_site()
    demo.load(app_modules=("opendata.demo",))
    counts = (Page.objects.count(), Revision.objects.count())
    demo.load(app_modules=("opendata.demo",))

    assert (Page.objects.count(), Revision.objects.count()) == counts
    pages = {page.locale.language_code: page for page in OpenDataPage.objects.live().select_related("locale")}
    assert set(pages) == {"de", "da", "en"}
    assert pages["da"].title == "Åbne data"
    assert pages["en"].url == "/en/open-data/"
    assert OpenDataSettings.for_site(Site.objects.get(is_default_site=True)).municipality_key == "01001000"
    assert client.get("/en/open-data/").status_code == 200
    assert 'href="/de/offene-daten/"' in client.get("/de/").content.decode()
