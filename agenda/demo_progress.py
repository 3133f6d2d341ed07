"""Demo content: the public Progress page (Fortschritt) in de/da/en, below the home page.

Its figures come from the agenda, project and OZG demo data at request time, so this
module only builds the page itself. Called by ``website.demo.load`` after the agenda and
project demo content; idempotent like every demo module.
"""

from website.demo import T, build_page, get_home

from .models import ProgressPage


def load(context):
    home = context.home or get_home("de")
    page = build_page(
        home,
        ProgressPage,
        T("fortschritt", "fremskridt", "progress"),
        title=T("Fortschritt", "Fremskridt", "Progress"),
        intro=T(
            "Wie weit die Digitale Agenda ist: Maßnahmen je Themenfeld, Projekte des Portfolios und "
            "Verwaltungsleistungen, die schon online sind. Die Zahlen werden bei jedem Aufruf neu berechnet.",
            "Hvor langt den digitale dagsorden er nået: tiltag pr. temaområde, projekter i porteføljen og "
            "offentlige ydelser, der allerede er online. Tallene beregnes på ny ved hvert besøg.",
            "How far the Digital Agenda has come: measures per topic field, portfolio projects and "
            "administrative services that are already online. The figures are recalculated on every visit.",
        ),
        recent_days=30,
        show_in_menus=True,
    )
    context.pages["progress"] = page
    context.log("  progress page")
