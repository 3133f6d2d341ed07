"""Demo content of "Flensburg digital", built in code, idempotently, in German with Danish and
English translations made through wagtail-localize (so every translation stays linked to its
German source and editors can keep syncing it in the admin).

`manage.py load_demo_content` calls `load()`, which builds the site's own pages here and then
calls `load(context)` of every app demo module registered in `website.demo_registry` (the apps
register them in their `AppConfig.ready()`, so this package names none of them). With
`--reset`, each of those modules that defines `delete_demo_content(context)` is called first
(in reverse order), so it can remove what would block deleting the page trees (e.g. rows
that point at its pages with `on_delete=PROTECT`); then the page trees go.

Helper API for the other apps' demo modules (import from `website.demo`)
-------------------------------------------------------------------------

Texts
    `T(de, da, en)` — one text in three languages. Plain text, or rich-text HTML when it starts
    with "<" (then all three must have the same number of paragraphs / list items).

Finding things
    `get_home("de")` — the HomePage of the default site in a language.
    `get_locale("da")`, `get_demo_collection()` (Wagtail collection "Demo" for demo images).
    `demo_image(key, title, palette)` — an abstract picture drawn with Pillow, created once
    (palettes: harbour, fjord, evening, border, green).

Pages (German page under a German parent; translations follow automatically)
    `build_page(parent, Model, slug, **fields)` — fields (and the slug) may contain `T`
    anywhere, also inside StreamField data. Creates or updates the German page (a revision is
    saved and published only when a value differs), then translates it. Returns the German
    page. Parents must be built (and so translated) before their children.

    Lower level: `upsert_page(parent, Model, slug, **fields) -> (page, changed)` and
    `translate_page(page, {"da": {german: danish}, "en": {...}}, changed=changed)`; the
    mapping is keyed by German source string (as `split_languages` produces it). Missing
    strings raise `DemoContentError` unless `fallback=True`.

Snippets (TranslatableMixin models)
    `build_snippet(Model, {"name": ...}, **fields)` — found by the lookup in German; or
    `upsert_snippet(...)` + `translate_snippet(obj, mapping, changed=changed)`.
    Translate snippets before pages that point to them (wagtail-localize requires it).

StreamField data for `website.blocks.BaseStreamBlock`
    `heading`, `paragraph`, `image_block`, `quote`, `call_to_action`, `faq`, `timeline`,
    `key_figures`, `contact_person`, and `featured_section` for the home page.

Context passed to the apps' `load(context)`
    `context.home` (German HomePage), `context.contacts` (dict of German ContactPerson by key:
    "cdo", "portal", "agenda", "smart_city", "accessibility"), `context.pages` (dict of German
    pages by slug: "buergerportal", "digitale-agenda" (the agenda app's AgendaPage, built by
    the page builder the agenda registers as "agenda_page"), "ozg", "smart-city", "chatbot", ...),
    `context.stdout`, `context.reset`.
"""

import importlib
import warnings
from dataclasses import dataclass, field

from bs4 import MarkupResemblesLocatorWarning

from django.db import transaction

from website import demo_registry

from . import site_content
from .api import (
    DemoContentError,
    T,
    build_page,
    build_snippet,
    call_to_action,
    contact_person,
    faq,
    featured_section,
    get_demo_collection,
    get_home,
    get_locale,
    heading,
    image_block,
    key_figures,
    merge_translations,
    paragraph,
    quote,
    split_languages,
    timeline,
    translate,
    translate_page,
    translate_snippet,
    upsert_page,
    upsert_snippet,
    without_automatic_redirects,
)
from .images import demo_image

__all__ = [
    "DemoContentError",
    "DemoContext",
    "T",
    "build_page",
    "build_snippet",
    "call_to_action",
    "contact_person",
    "demo_image",
    "faq",
    "featured_section",
    "get_demo_collection",
    "get_home",
    "get_locale",
    "heading",
    "image_block",
    "key_figures",
    "load",
    "merge_translations",
    "paragraph",
    "quote",
    "split_languages",
    "timeline",
    "translate",
    "translate_page",
    "translate_snippet",
    "upsert_page",
    "upsert_snippet",
]


@dataclass
class DemoContext:
    home: object = None
    contacts: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)
    stdout: object = None
    reset: bool = False

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)


def load(reset=False, stdout=None, app_modules=None):
    """Build (or bring up to date) the whole demo site. Safe to run any number of times.

    ``app_modules`` (dotted paths) replaces the registered app demo modules, e.g. in tests.
    """
    if app_modules is None:
        app_modules = demo_registry.demo_modules()
    context = DemoContext(stdout=stdout, reset=reset)
    # Slug-change signals fire on commit, so the commit happens inside the redirect switch-off.
    with without_automatic_redirects(), transaction.atomic(), warnings.catch_warnings():
        # wagtail-localize parses every plain string (e-mail addresses too) with BeautifulSoup.
        warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)
        modules = _import_app_modules(app_modules)
        if reset:
            # Apps first (newest last): they remove what protects their pages from deletion.
            for module in reversed(modules):
                if hasattr(module, "delete_demo_content"):
                    module.delete_demo_content(context)
            site_content.delete_demo_content(context)
        site_content.build(context)
        for module in modules:
            context.log(f"Demo content of {module.__name__} …")
            module.load(context)
    return context


def _import_app_modules(module_names):
    modules = []
    for module_name in module_names:
        try:
            modules.append(importlib.import_module(module_name))
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
    return modules
