"""Fixtures shared by the whole suite: a minimal three-language site built in code.

The test database is a copy of a template migrated once per set of migrations
(`tests/template_db.py`). The site skeleton (the three locales, a published HomePage per
language linked as translations, the default Site pointing at the German one) is built ONCE
per test database, right after the copy (`django_db_setup` below). Every test still runs
in its own transaction that is rolled back, so it sees the skeleton as built and may
change it freely. Transactional tests (`transaction=True`) flush the tables afterwards;
with `serialized_rollback=True` they get the skeleton back (it is part of the serialized
state), and `home_pages` rebuilds it if it is missing all the same.

Every `tests/<app>/factories.py` is imported here, so page factories registered
there (see `tests/factories.py`) are known to the page-type meta-test.
"""

import importlib
from pathlib import Path

import pytest

from django.core.cache import cache
from django.db import connections

from tests import template_db
from tests.skeleton import build_home_pages, ensure_locales, skeleton_home_pages

for _factories_module in sorted(Path(__file__).parent.glob("*/factories.py")):
    importlib.import_module(f"tests.{_factories_module.parent.name}.factories")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths; a page tree from an earlier test must not leak in."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """The test database: a copy of a once-migrated template (tests/template_db.py), then the
    skeleton, built once per test database (so once per xdist worker)."""
    with django_db_blocker.unblock():
        made = template_db.setup_databases()
        build_home_pages(ensure_locales())
        cache.clear()
        # Transactional tests with serialized_rollback restore this state, skeleton included.
        for connection in connections.all(initialized_only=True):
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    yield
    with django_db_blocker.unblock():
        template_db.teardown_databases(made)


@pytest.fixture
def locales(db):
    return ensure_locales()


@pytest.fixture
def home_pages(locales):
    """The skeleton's published HomePage per language, linked as translations; the default
    Site points at the German one (Wagtail's welcome page is removed). Rebuilt when a
    transactional test has flushed it away."""
    return skeleton_home_pages() or build_home_pages(locales)


@pytest.fixture
def home(home_pages):
    return home_pages["de"]
