"""The test site skeleton: three locales and a published HomePage per language (linked as
translations) with the default Site on the German one. `tests/conftest.py` builds it once per
test database; module-scoped fixtures build their shared data on it with `data_for_the_module`."""

import contextlib

from django.core.cache import cache
from django.db import transaction

from wagtail.models import Locale, Page, Site

from tests.factories import HomePageFactory, publish
from website.models import HomePage

LANGUAGE_CODES = ("de", "da", "en")


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}


def build_home_pages(locales):
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


def skeleton_home_pages():
    """The skeleton's home pages {language code: HomePage}, or None when they are not (all) there."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.depth != 2 or site.root_page.slug != "home":
        return None
    german = site.root_page
    pages = {
        page.locale.language_code: page
        for page in HomePage.objects.filter(translation_key=german.translation_key, live=True).select_related("locale")
    }
    if set(pages) != set(LANGUAGE_CODES) or pages["de"].pk != german.pk:
        return None
    return pages


@contextlib.contextmanager
def data_for_the_module(django_db_blocker):
    """For a module-scoped fixture: build shared test data in a transaction that is rolled
    back when the module is done (Django's `setUpTestData`). Yields the skeleton's home pages.
    Each test still runs in its own transaction (a savepoint inside this one); fixtures should
    hand each test a `copy.deepcopy` of the objects built here. Not for transactional tests."""
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        yield skeleton_home_pages() or build_home_pages(ensure_locales())
        transaction.set_rollback(True)
    cache.clear()


def back_to_the_migrated_site():
    """Remove the skeleton: the tree and Site as the migrations alone leave them (Wagtail's
    welcome page below the root, the default Site on it, only the default locale). The demo
    builder is tested from there, as on a new installation. Inside a test's transaction only."""
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    default_locale = Locale.get_default()
    Locale.objects.exclude(pk=default_locale.pk).delete()
    welcome = root.add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="home", locale=default_locale)
    )
    # Deleting the home pages deleted the Site on them (CASCADE): a new one, as the migration makes it.
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)
    cache.clear()
