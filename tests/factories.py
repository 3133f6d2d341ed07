"""Site-wide factories and the registry of page factories.

`PAGE_FACTORIES` maps every concrete page model of the project to a function that
builds a live example of it below a German home page:

    builder(home: HomePage) -> Page

The builder creates whatever parents the page type needs (its own index page,
for instance), fills the fields with realistic text and returns the page.
`tests/website/test_page_types.py` renders every page model in the three
languages and FAILS when a page model has no entry here.

To register a page type of your app, put this in `tests/<app>/factories.py`
(`tests/conftest.py` imports every such module automatically):

    from tests.factories import register_page_factory

    @register_page_factory(AgendaPage)
    def build_agenda_page(home):
        return AgendaPageFactory(parent=home)
"""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.utils import timezone

from wagtail.models import Collection, Locale, Page
from wagtail.rich_text import RichText

from website.models import ContactPerson, ContentPage, HomePage, NewsIndexPage, NewsPage

PAGE_FACTORIES = {}


def register_page_factory(model):
    """Decorator: register `builder(home) -> page` as the example builder of `model`."""

    def decorator(builder):
        PAGE_FACTORIES[model] = builder
        return builder

    return decorator


def publish(page):
    """Publish the page's current state as a revision (sets live, first_published_at, …)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


def translate(page, language_code):
    """The published translation of `page` into `language_code`, creating it (and any
    untranslated parents) with Wagtail's own copy-for-translation action."""
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    for ancestor in page.get_ancestors().filter(depth__gte=2).specific():
        if ancestor.get_translation_or_none(locale) is None:
            publish(ancestor.copy_for_translation(locale))
    return publish(page.copy_for_translation(locale))


def paragraph(text):
    return ("paragraph", RichText(f"<p>{text}</p>"))


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection (wagtail-factories would create a new root)."""

    title = factory.Sequence(lambda n: f"Flensburger Hafen {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=1200, height=800, color="#2a6f97", filename="hafen.png")


class ContactPersonFactory(DjangoModelFactory):
    name = "Dr. Karin Petersen"
    role = "Chief Digital Officer"
    unit = "Stabsstelle E-Government und Digitalisierung"
    email = factory.Sequence(lambda n: f"digital{n}@example.org")
    phone = "0461 85-0"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = ContactPerson


class WebsitePageFactory(wagtail_factories.PageFactory):
    """Common defaults: a realistic title, intro and a German locale."""

    intro = "Flensburg gestaltet die Digitalisierung gemeinsam mit den Menschen der Stadt."

    class Meta:
        abstract = True


class HomePageFactory(WebsitePageFactory):
    title = "Flensburg digital"
    slug = factory.Sequence(lambda n: f"home-{n}")
    intro = "Die Digitale Agenda der Stadt Flensburg: wie Verwaltung und Stadtgesellschaft digitaler werden."
    news_heading = "Neuigkeiten"
    body = factory.LazyFunction(
        lambda: [paragraph("Hier erfahren Sie, welche digitalen Angebote die Stadt plant und was schon läuft.")]
    )

    class Meta:
        model = HomePage


class ContentPageFactory(WebsitePageFactory):
    title = factory.Sequence(lambda n: f"Was ist eine Digitale Agenda? {n}")
    body = factory.LazyFunction(
        lambda: [
            heading("Worum es geht"),
            paragraph(
                "Die Digitale Agenda beschreibt, welche digitalen Vorhaben die Stadt in den nächsten "
                "Jahren umsetzen will, und sie entsteht im Gespräch mit Bürgerinnen, Bürgern und Unternehmen."
            ),
        ]
    )

    class Meta:
        model = ContentPage


class NewsIndexPageFactory(WebsitePageFactory):
    title = "Neuigkeiten"
    slug = factory.Sequence(lambda n: f"neuigkeiten-{n}")
    intro = "Aktuelles aus der Digitalisierung der Stadt Flensburg."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(WebsitePageFactory):
    title = factory.Sequence(lambda n: f"Chatbot beantwortet Fragen rund um die Uhr ({n})")
    date = factory.Sequence(lambda n: timezone.localdate() - datetime.timedelta(days=n))
    intro = "Seit Juni 2021 hilft ein Chatbot auf der Website der Stadt bei Fragen zu Dienstleistungen."
    body = factory.LazyFunction(
        lambda: [
            paragraph(
                "Der Chatbot versteht Fragen in einfacher Sprache und führt zur passenden Leistung im "
                "Bürgerportal. Rückmeldungen helfen, die Antworten weiter zu verbessern."
            )
        ]
    )

    class Meta:
        model = NewsPage


@register_page_factory(HomePage)
def build_home_page(home):
    return home


@register_page_factory(ContentPage)
def build_content_page(home):
    return ContentPageFactory(parent=home)


@register_page_factory(NewsIndexPage)
def build_news_index_page(home):
    return NewsIndexPageFactory(parent=home)


@register_page_factory(NewsPage)
def build_news_page(home):
    index = NewsIndexPage.objects.child_of(home).first() or NewsIndexPageFactory(parent=home)
    return NewsPageFactory(parent=index)


def project_page_models():
    """Every concrete page model defined in this project's apps (not Wagtail's own)."""
    from wagtail.models import get_page_models

    project_apps = {"website", "agenda", "projects", "participation", "search"}
    return [
        model
        for model in get_page_models()
        if model._meta.app_label in project_apps and not model._meta.abstract and model is not Page
    ]
