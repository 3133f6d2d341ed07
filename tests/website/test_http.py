"""Language redirects, privacy (no cookies for readers) and the Content Security Policy."""

import pytest

from tests.factories import ContentPageFactory, NewsIndexPageFactory, NewsPageFactory


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        (None, "/de/"),
        ("da", "/da/"),
        ("da-DK,da;q=0.9,en;q=0.5", "/da/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9", "/de/"),
        ("xx;;;q=abc,\x00", "/de/"),
    ],
)
def test_root_redirects_by_browser_language_falling_back_to_german(client, home_pages, accept_language, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}

    response = client.get("/", **headers)

    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("path", ["/de/", "/da/", "/en/"])
def test_anonymous_reader_gets_no_cookie_on_a_home_page(client, home_pages, path):
    response = client.get(path)

    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response.headers


def test_anonymous_reader_gets_no_cookie_on_content_news_and_search_pages(client, home):
    content = ContentPageFactory(parent=home)
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home))

    for url in (content.url, news.url, news.get_parent().url, "/de/search/?q=digital"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Set-Cookie" not in response.headers, url


def csp_directives(response):
    header = response.headers.get("Content-Security-Policy", "")
    directives = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition(" ")
        if name:
            directives[name] = value.split()
    return directives


def test_public_page_has_a_strict_content_security_policy(client, home):
    directives = csp_directives(client.get("/de/"))

    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert "'unsafe-inline'" not in directives.get("style-src", [])
    assert directives["object-src"] == ["'none'"]


def test_search_page_has_the_strict_content_security_policy(client, home):
    directives = csp_directives(client.get("/de/search/?q=test"))

    assert "'unsafe-inline'" not in directives["script-src"]


def test_admin_has_its_relaxed_content_security_policy(client, home):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert "'unsafe-inline'" in csp_directives(response)["script-src"]


@pytest.mark.parametrize("path", ["/api/v2/pages/999999/", "/api/v2/no-such-endpoint/", "/documents/999999/x.pdf"])
def test_unknown_api_and_document_urls_are_404_not_a_language_redirect(client, home_pages, path):
    response = client.get(path)

    assert response.status_code == 404


def test_unknown_public_path_without_language_still_redirects_to_german(client, home_pages):
    response = client.get("/no-such-page/")

    assert response.status_code == 302
    assert response["Location"] == "/de/no-such-page/"
