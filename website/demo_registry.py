"""Who contributes to the demo site: a registry the apps fill from their ``AppConfig.ready()``.

``website.demo.load`` builds the site's own pages and then runs every registered app demo
module, so ``website`` (the bottom of the app ladder) never names the apps above it. Modules
are registered by dotted path and imported only when the demo is loaded, which keeps start-up
light. ``order`` decides the sequence (each step may use what the earlier ones built):

    10 agenda.demo            the agenda page's topic fields and measures
    20 projects.demo          portfolio, Smart City programme, OZG catalogue
    25 agenda.demo_projects   which measures those projects implement
    30 participation.demo     polls, city dialogues, groups, the needs survey
    40 agenda.demo_progress   the progress page
    50 opendata.demo          the open data page

Page builders let the site's own content put text on a page type an app owns: the site's
demo writes the Digital Agenda's text, the agenda app builds the ``AgendaPage``.
"""

from django.utils.module_loading import import_string

_modules: dict[str, int] = {}
_page_builders: dict[str, str] = {}


def register_demo_module(path, order):
    """``path`` names a module with ``load(context)`` and optionally ``delete_demo_content(context)``."""
    _modules[path] = order


def demo_modules():
    """Dotted paths of the registered demo modules, in the order they run."""
    return tuple(sorted(_modules, key=lambda path: (_modules[path], path)))


def register_page_builder(key, path):
    """``path`` names ``builder(context, parent, **fields) -> page`` for the page known as ``key``."""
    _page_builders[key] = path


def page_builder(key):
    """The builder registered for ``key``, or None when no installed app provides that page."""
    path = _page_builders.get(key)
    return import_string(path) if path else None
