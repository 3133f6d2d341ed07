"""Demo content: the Open data page (Offene Daten) in de/da/en below the home page, and the
open data settings of the default site (municipality key of Flensburg). Idempotent.
"""

from wagtail.models import Site

from website.demo import T, build_page, get_home

from .models import OpenDataPage, OpenDataSettings

FLENSBURG_MUNICIPALITY_KEY = "01001000"


def load(context):
    home = context.home or get_home("de")
    page = build_page(
        home,
        OpenDataPage,
        T("offene-daten", "aabne-data", "open-data"),
        title=T("Offene Daten", "Åbne data", "Open data"),
        intro=T(
            "Alle Zahlen der Digitalen Agenda zum Weiterverwenden: Maßnahmen, Projekte, Themenfelder, "
            "Online-Dienste und die Beteiligung in Summen – maschinenlesbar, frei nutzbar und für jeden "
            "vergangenen Tag abrufbar.",
            "Alle tal fra den digitale dagsorden til videre brug: tiltag, projekter, temaområder, "
            "onlinetjenester og borgerinddragelse i tal – maskinlæsbare, frit anvendelige og tilgængelige "
            "for enhver tidligere dag.",
            "Every figure of the Digital Agenda for reuse: measures, projects, topic fields, online "
            "services and participation in totals – machine-readable, free to use and available for any "
            "past day.",
        ),
    )
    context.pages["offene-daten"] = page
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        settings = OpenDataSettings.for_site(site)
        if settings.municipality_key != FLENSBURG_MUNICIPALITY_KEY:
            settings.municipality_key = FLENSBURG_MUNICIPALITY_KEY
            settings.save()
    context.log("  open data page")
