"""Fixtures shared by the whole suite: a minimal three-language site built in code.

Every `tests/<app>/factories.py` is imported here, so page factories registered
there (see `tests/factories.py`) are known to the page-type meta-test.
"""

import importlib
from pathlib import Path

import pytest

from django.core.cache import cache

from wagtail.models import Locale, Page, Site

from tests.factories import HomePageFactory, publish

LANGUAGE_CODES = ("de", "da", "en")

for _factories_module in sorted(Path(__file__).parent.glob("*/factories.py")):
    importlib.import_module(f"tests.{_factories_module.parent.name}.factories")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths; a page tree from an earlier test must not leak in."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}


@pytest.fixture
def home_pages(locales):
    """A published HomePage per language, linked as translations; the default Site
    points at the German one (Wagtail's welcome page is removed)."""
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home = publish(HomePageFactory(parent=root, slug="home", locale=locales["de"]))
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page, site.site_name = "localhost", 80, home, "Flensburg digital"
    site.save()
    pages = {"de": home}
    for code in LANGUAGE_CODES[1:]:
        pages[code] = publish(home.copy_for_translation(locales[code]))
    return pages


@pytest.fixture
def home(home_pages):
    return home_pages["de"]
