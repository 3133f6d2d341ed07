"""The home page's query count does not grow with the number of news items."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ContactPersonFactory,
    ContentPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_home_page_query_count_is_the_same_with_3_and_30_news_items(client, home):
    home.cdo_contact = ContactPersonFactory(photo=ImageFactory())
    home.save()
    ContentPageFactory(parent=home, show_in_menus=True)
    ContentPageFactory(parent=home, show_in_menus=True)
    index = NewsIndexPageFactory(parent=home)
    image = ImageFactory()
    NewsPageFactory.create_batch(3, parent=index, image=image, image_alt="Der Hafen")
    client.get("/de/")  # warm the site-root and rendition caches

    with_3 = count_queries(client, "/de/")
    NewsPageFactory.create_batch(27, parent=index, image=image, image_alt="Der Hafen")
    with_30 = count_queries(client, "/de/")

    assert with_3 == with_30
