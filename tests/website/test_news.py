"""News: RSS and Atom feeds per language, and the paginated index."""

import pytest
from defusedxml import ElementTree

from django.core.exceptions import ValidationError

from tests.factories import ImageFactory, NewsIndexPageFactory, NewsPageFactory, translate

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news_index(home):
    index = NewsIndexPageFactory(parent=home)
    for number in range(3):
        NewsPageFactory(parent=index, title=f"Bürgerportal erweitert, Schritt {number}")
    return index


def test_rss_feed_is_valid_xml_with_the_news_items(client, news_index):
    response = client.get(f"{news_index.url}feed/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert len(titles) == 3
    assert all(title.startswith("Bürgerportal erweitert") for title in titles)
    assert all(item.findtext("link").startswith("http://testserver/de/") for item in channel.findall("item"))


def test_atom_feed_is_valid_xml_with_the_news_items(client, news_index):
    response = client.get(f"{news_index.url}feed/atom/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert len(feed.findall(f"{ATOM}entry")) == 3


def test_each_language_has_its_own_feed(client, home_pages, news_index):
    danish_item = translate(news_index.get_children().first().specific, "da")
    danish_index = danish_item.get_parent()

    response = client.get(f"{danish_index.url}feed/rss/")

    assert response.status_code == 200
    links = [item.findtext("link") for item in ElementTree.fromstring(response.content).iter("item")]
    assert links == [f"http://testserver{danish_item.url}"]


def test_news_index_links_its_feeds(client, news_index):
    response = client.get(news_index.url)

    assert f'href="{news_index.url}feed/rss/"'.encode() in response.content
    assert f'href="{news_index.url}feed/atom/"'.encode() in response.content


def test_news_index_shows_the_second_page(client, home):
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory.create_batch(index.page_size + 2, parent=index)

    response = client.get(index.url, {"page": "2"})

    assert response.status_code == 200
    assert len(response.context["news_page"]) == 2


@pytest.mark.parametrize(
    "hostile", ["abc", "-1", "0", "99999999999999999999", "1e9", "", "1;DROP TABLE x", "\x00", "²"]
)
def test_news_index_survives_hostile_page_numbers(client, news_index, hostile):
    response = client.get(news_index.url, {"page": hostile})

    assert response.status_code == 200
    assert response.context["news_page"].number == 1


def test_news_page_image_without_alt_text_is_invalid(home):
    page = NewsPageFactory(parent=NewsIndexPageFactory(parent=home))
    page.image, page.image_alt = ImageFactory(), "  "

    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "image_alt" in error.value.message_dict
