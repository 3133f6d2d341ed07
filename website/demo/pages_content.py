"""The site's own sections: what the home page features, and the order pages are built in."""

from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from website.models import ContentPage

from .api import T, featured_section, heading, key_figures, paragraph
from .content_legal import build_legal_pages
from .content_news import build_news
from .content_programme import build_chatbot, build_citizen_portal, build_digital_agenda

# Smart City and OZG are typed pages of the projects app (`projects.demo` builds them with their
# full text): featured section key -> German slug. Older demo runs built ContentPages at the
# slugs in REPLACED_CONTENT_PAGES instead; they are deleted (in every language).
TYPED_PAGES = {"ozg": "ozg-leistungen", "smart-city": "smarte-grenzregion"}
REPLACED_CONTENT_PAGES = ("ozg", "smart-city")

FEATURED = {
    "buergerportal": (
        T("Bürgerportal", "Borgerportalen", "Citizen portal"),
        T(
            "Behördengänge online erledigen – rund um die Uhr, für Privatpersonen und Unternehmen.",
            "Klar dine ærinder hos kommunen online – døgnet rundt, for borgere og virksomheder.",
            "Deal with the city administration online – around the clock, for residents and businesses.",
        ),
    ),
    "digitale-agenda": (
        T("Digitale Agenda", "Digital dagsorden", "Digital Agenda"),
        T(
            "Der Fahrplan für den digitalen Wandel in Flensburg – gemeinsam mit Ihnen erarbeitet.",
            "Køreplanen for den digitale omstilling i Flensborg – udarbejdet sammen med dig.",
            "The roadmap for Flensburg's digital transformation – drawn up together with you.",
        ),
    ),
    "ozg": (
        T("Onlinezugangsgesetz", "Loven om digital adgang (OZG)", "Online Access Act"),
        T(
            "Wie Flensburg Verwaltungsleistungen digitalisiert und nach „Einer für Alle“ nachnutzt.",
            "Sådan digitaliserer Flensborg sine ydelser og genbruger løsninger efter princippet „Én for alle“.",
            "How Flensburg digitises its services and reuses solutions under the “One for All” principle.",
        ),
    ),
    "smart-city": (
        T("Smart City", "Smart City", "Smart City"),
        T(
            "Die Smarte Grenzregion zwischen den Meeren – Modellprojekt des Bundes seit 2021.",
            "Den smarte grænseregion mellem havene – forbundsmodelprojekt siden 2021.",
            "The Smart Border Region between the Seas – a federal model project since 2021.",
        ),
    ),
    "chatbot": (
        T("Chatbot Govii", "Chatbotten Govii", "Govii chatbot"),
        T(
            "Fragen an die Stadtverwaltung stellen – an jedem Tag, zu jeder Uhrzeit.",
            "Stil spørgsmål til kommunen – alle dage, på alle tider af døgnet.",
            "Ask the city administration your questions – any day, at any time.",
        ),
    ),
}


def featured(key, page):
    title, text = FEATURED[key]
    return featured_section(title, text, page)


def home_body(context):
    return [
        heading(T("Digitalisierung, die ankommt", "Digitalisering, der gør en forskel", "Digitalisation that helps")),
        paragraph(
            T(
                "<p>Seit die Stadt eine eigene Stabsstelle für E-Government und Digitalisierung direkt "
                "bei der Oberbürgermeisterin eingerichtet hat, entstehen Schritt für Schritt neue "
                "Online-Dienste. Die Pandemie hat vieles beschleunigt – jetzt geht es darum, dass die "
                "Projekte dauerhaft tragen und zu den langfristigen Zielen der Stadt passen.</p>"
                "<p>Auf diesen Seiten zeigen wir, woran wir arbeiten, was schon funktioniert und wo Sie "
                "mitgestalten können.</p>",
                "<p>Siden kommunen oprettede sin egen stabsfunktion for e-forvaltning og digitalisering "
                "direkte under overborgmesteren, er der trin for trin kommet nye digitale tjenester til. "
                "Pandemien satte fart på meget – nu handler det om, at projekterne holder på sigt og "
                "passer til byens langsigtede mål.</p>"
                "<p>På disse sider viser vi, hvad vi arbejder på, hvad der allerede fungerer, og hvor du "
                "kan være med til at forme udviklingen.</p>",
                "<p>Since the city set up its own E-Government and Digitalisation Unit reporting directly "
                "to the Lord Mayor, new online services have been added step by step. The pandemic sped "
                "many things up – now the task is to make the projects last and fit the city's long-term "
                "goals.</p>"
                "<p>On these pages we show what we are working on, what already works and where you can "
                "help shape it.</p>",
            )
        ),
        key_figures(
            T("Flensburg digital in Zahlen", "Flensborg digital i tal", "Flensburg digital in figures"),
            [
                (
                    "24/7",
                    T(
                        "Bürgerportal und Chatbot erreichbar",
                        "Borgerportal og chatbot åbne",
                        "Citizen portal and chatbot available",
                    ),
                ),
                (
                    T("28 von 94", "28 af 94", "28 of 94"),
                    T(
                        "Smart-City-Anträge 2021 ausgewählt",
                        "Smart City-ansøgninger udvalgt i 2021",
                        "Smart City applications selected in 2021",
                    ),
                ),
                (
                    T("100.000 €", "100.000 €", "€100,000"),
                    T(
                        "Landesförderung Digitale Modellkommune",
                        "Delstatsstøtte til digital modelkommune",
                        "State funding as a digital model municipality",
                    ),
                ),
            ],
        ),
    ]


def build_sections(context):
    home = context.home
    contacts = context.contacts
    context.log("Content pages …")
    build_citizen_portal(context, home, contacts)
    build_digital_agenda(context, home, contacts)
    remove_replaced_pages(home)
    find_typed_pages(context, home)
    build_chatbot(context, home, contacts)
    build_legal_pages(context, home, contacts)


def remove_replaced_pages(home):
    """Delete the former Smart City and OZG ContentPages with their translations and sources."""
    for slug in REPLACED_CONTENT_PAGES:
        page = Page.objects.child_of(home).filter(slug=slug).first()
        if page is None or page.specific_class is not ContentPage:
            continue
        for each in Page.objects.filter(translation_key=page.translation_key).order_by("-depth"):
            each.delete()
        TranslationSource.objects.filter(object_id=page.translation_key).delete()


def find_typed_pages(context, home):
    """The typed Smart City and OZG pages, if the projects app built them on an earlier run.

    So the home page features them (and stays unchanged) before `projects.demo` runs again.
    """
    for key, slug in TYPED_PAGES.items():
        page = Page.objects.child_of(home).filter(slug=slug).first()
        if page is not None:
            context.pages[key] = page.specific


__all__ = ["FEATURED", "TYPED_PAGES", "build_news", "build_sections", "featured", "home_body"]
