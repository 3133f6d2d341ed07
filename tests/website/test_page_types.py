"""Every page type of the project: registered factory, renders in all three languages,
declares its language and alternates, and offers a working language switcher.

When this fails with "no factory", register one in `tests/<app>/factories.py`
(see the docstring of `tests/factories.py`).
"""

import pytest
from bs4 import BeautifulSoup

from tests.factories import PAGE_FACTORIES, project_page_models, translate
from tests.skeleton import LANGUAGE_CODES

PAGE_MODELS = project_page_models()


def model_id(model):
    return model._meta.label


def build(model, home):
    builder = PAGE_FACTORIES.get(model)
    if builder is None:
        pytest.fail(f"{model_id(model)} has no factory: register one with tests.factories.register_page_factory")
    page = builder(home)
    assert isinstance(page, model), f"the factory of {model_id(model)} returned {type(page).__name__}"
    return page


def fetch(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, f"{page.url} answered {response.status_code}"
    return BeautifulSoup(response.content, "html.parser")


def switcher_links(soup):
    switcher = soup.select_one("nav.language-switcher")
    assert switcher is not None, "no language switcher"
    return {link["hreflang"]: link["href"] for link in switcher.select("a[hreflang]")}


def alternates(soup):
    return {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}


def test_every_page_model_has_a_registered_factory():
    missing = sorted(model_id(model) for model in PAGE_MODELS if model not in PAGE_FACTORIES)
    assert not missing, f"page models without a factory in tests.factories.PAGE_FACTORIES: {missing}"


def test_the_meta_test_sees_the_website_page_models():
    assert {"website.HomePage", "website.ContentPage", "website.NewsIndexPage", "website.NewsPage"} <= {
        model_id(model) for model in PAGE_MODELS
    }


@pytest.mark.parametrize("language", LANGUAGE_CODES)
@pytest.mark.parametrize("model", PAGE_MODELS, ids=model_id)
def test_translated_page_renders_with_lang_alternates_and_switcher(client, home_pages, model, language):
    source = build(model, home_pages["de"])
    pages = {code: translate(source, code) for code in LANGUAGE_CODES}

    soup = fetch(client, pages[language])

    assert soup.html["lang"] == language
    assert alternates(soup) == {code: f"http://testserver{page.url}" for code, page in pages.items()}
    assert switcher_links(soup) == {code: page.url for code, page in pages.items() if code != language}
    current = soup.select_one("nav.language-switcher [aria-current]")
    assert current is not None and current["lang"] == language


@pytest.mark.parametrize("model", [m for m in PAGE_MODELS if m._meta.label != "website.HomePage"], ids=model_id)
def test_untranslated_page_switches_to_the_other_home_pages(client, home_pages, model):
    page = build(model, home_pages["de"])

    soup = fetch(client, page)

    assert soup.html["lang"] == "de"
    assert alternates(soup) == {"de": f"http://testserver{page.url}"}
    assert switcher_links(soup) == {"da": home_pages["da"].url, "en": home_pages["en"].url}
