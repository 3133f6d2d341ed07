"""News: the "Aktuelles" index and its items."""

from website.models import NewsIndexPage, NewsPage

from .api import T, build_page, paragraph, quote
from .images import demo_image

NEWS = [
    {
        "slug": T(
            "digitale-modellkommune-gestartet",
            "digital-modelkommune-i-gang",
            "digital-model-municipality-launched",
        ),
        "date": "2020-11-16",
        "title": T(
            "Flensburg wird Digitale Modellkommune",
            "Flensborg bliver digital modelkommune",
            "Flensburg becomes a digital model municipality",
        ),
        "intro": T(
            "Das Land fördert die Arbeit an der Digitalen Agenda bis Mitte 2022 mit 100.000 Euro.",
            "Delstaten støtter arbejdet med den digitale dagsorden med 100.000 euro frem til midten af 2022.",
            "The state funds the work on the Digital Agenda with 100,000 euros until mid-2022.",
        ),
        "body": T(
            "<p>Mit dem Landesprogramm „Digitale Modellkommune SH“ beginnt die Arbeit an einer "
            "Digitalen Agenda für Flensburg. Zuerst steht eine gründliche Bestands- und "
            "Bedarfsaufnahme an.</p>",
            "<p>Med delstatsprogrammet „Digitale Modellkommune SH“ begynder arbejdet med en digital "
            "dagsorden for Flensborg. Først står en grundig kortlægning af status og behov for tur.</p>",
            "<p>With the state programme “Digitale Modellkommune SH”, work begins on a Digital Agenda "
            "for Flensburg. The first step is a thorough review of where things stand and what is "
            "needed.</p>",
        ),
    },
    {
        "slug": T("stadtdialog-gestartet", "bydialog-i-gang", "city-dialogue-launched"),
        "date": "2021-04-12",
        "title": T(
            "Erster Stadtdialog zur Digitalen Agenda",
            "Første bydialog om den digitale dagsorden",
            "First city dialogue on the Digital Agenda",
        ),
        "intro": T(
            "Bürgerinnen und Bürger können ab sofort Ideen für ein digitales Flensburg einbringen.",
            "Borgerne kan fra nu af komme med idéer til et digitalt Flensborg.",
            "Residents can now contribute ideas for a digital Flensburg.",
        ),
        "body": T(
            "<p>Welche digitalen Angebote würden Ihnen den Alltag erleichtern? Im ersten Stadtdialog "
            "sammeln wir Ideen und Wünsche. Jeder Beitrag wird gelesen und fließt in die "
            "Bedarfsaufnahme ein.</p>",
            "<p>Hvilke digitale tilbud ville gøre din hverdag lettere? I den første bydialog samler vi "
            "idéer og ønsker. Hvert bidrag bliver læst og indgår i kortlægningen af behovene.</p>",
            "<p>Which digital services would make your everyday life easier? In the first city dialogue "
            "we collect ideas and wishes. Every contribution is read and feeds into the needs "
            "assessment.</p>",
        ),
        "image": ("dialogue", "Stadtdialog – Grafik", "green"),
        "image_alt": T(
            "Abstrakte Grafik in Grün und Sand mit sich überlagernden Kreisen",
            "Abstrakt grafik i grønt og sand med overlappende cirkler",
            "Abstract graphic in green and sand with overlapping circles",
        ),
    },
    {
        "slug": T("chatbot-govii-online", "chatbotten-govii-online", "govii-chatbot-live"),
        "date": "2021-06-01",
        "title": T("Chatbot Govii ist online", "Chatbotten Govii er online", "Govii chatbot is live"),
        "intro": T(
            "Fragen zur Stadtverwaltung beantwortet jetzt auch ein Chatbot – rund um die Uhr.",
            "Nu besvarer en chatbot også spørgsmål om kommunen – døgnet rundt.",
            "A chatbot now also answers questions about the city administration – around the clock.",
        ),
        "body": T(
            "<p>Nach dem Start des Rollouts im März ist Govii nun auf den Seiten der Stadt erreichbar. "
            "Der Chatbot nennt zuständige Stellen, Öffnungszeiten und Kontaktdaten.</p>",
            "<p>Efter udrulningen begyndte i marts, er Govii nu tilgængelig på kommunens sider. "
            "Chatbotten oplyser om ansvarlige afdelinger, åbningstider og kontaktoplysninger.</p>",
            "<p>After the roll-out began in March, Govii is now available on the city's pages. The "
            "chatbot tells you which office is responsible, its opening hours and contact details.</p>",
        ),
        "image": ("chatbot", "Chatbot Govii – Grafik", "evening"),
        "image_alt": T(
            "Abstrakte Grafik in Abendfarben mit Sprechblasen-ähnlichen Kreisen",
            "Abstrakt grafik i aftenfarver med cirkler, der minder om talebobler",
            "Abstract graphic in evening colours with circles resembling speech bubbles",
        ),
    },
    {
        "slug": T("smart-city-ausgewaehlt", "smart-city-udvalgt", "smart-city-selected"),
        "date": "2021-07-15",
        "title": T(
            "Smarte Grenzregion wird Modellprojekt Smart Cities",
            "Den smarte grænseregion bliver Smart City-modelprojekt",
            "Smart Border Region becomes a Smart Cities model project",
        ),
        "intro": T(
            "Der gemeinsame Antrag mit den Kreisen Schleswig-Flensburg und Nordfriesland ist einer von 28 aus 94.",
            "Den fælles ansøgning med Kreis Schleswig-Flensburg og Kreis Nordfriesland er én af 28 ud af 94.",
            "The joint application with the districts of Schleswig-Flensburg and North Frisia is one of 28 out of 94.",
        ),
        "body": T(
            "<p>Große Freude in der Grenzregion: Der Bund hat die dritte Staffel der Modellprojekte "
            "Smart Cities ausgewählt, und wir sind dabei. Jetzt geht es an die gemeinsame Strategie "
            "für grüne Energie und Mobilität, Gesundheit sowie Wohnen, Arbeiten und Nahversorgung.</p>",
            "<p>Stor glæde i grænseregionen: Forbundsregeringen har udvalgt tredje runde af "
            "Smart City-modelprojekterne, og vi er med. Nu går arbejdet i gang med en fælles strategi "
            "for grøn energi og mobilitet, sundhed samt bolig, arbejde og nærforsyning.</p>",
            "<p>Great news for the border region: the federal government has selected the third round "
            "of Smart City model projects, and we are in. Now the work starts on a joint strategy for "
            "green energy and mobility, health, and living, working and local supply.</p>",
        ),
        "image": ("smart-city-news", "Smart-City-Auswahl – Grafik", "border"),
        "image_alt": T(
            "Abstrakte Grafik in Blau, Weiß und Rot mit Segeln auf Wellen",
            "Abstrakt grafik i blåt, hvidt og rødt med sejl på bølger",
            "Abstract graphic in blue, white and red with sails on waves",
        ),
        "quote": (
            T(
                "Die Auswahl zeigt, dass Stadt und Land an der Grenze gemeinsam stark sind.",
                "Udvælgelsen viser, at by og land ved grænsen er stærke sammen.",
                "The selection shows that town and country at the border are strong together.",
            ),
            T(
                "Dr. Marcus Ott, Chief Digital Officer",
                "Dr. Marcus Ott, Chief Digital Officer",
                "Dr Marcus Ott, Chief Digital Officer",
            ),
        ),
    },
    {
        "slug": T("neue-dienste-im-buergerportal", "nye-tjenester-i-borgerportalen", "new-citizen-portal-services"),
        "date": "2022-03-08",
        "title": T(
            "Neue Dienste im Bürgerportal",
            "Nye tjenester i borgerportalen",
            "New services in the citizen portal",
        ),
        "intro": T(
            "Bewohnerparkausweis, Meldebescheinigung und Hundesteuer lassen sich jetzt online erledigen.",
            "Beboerparkeringskort, bopælsattest og hundeskat kan nu klares online.",
            "Residents' parking permits, registration certificates and dog tax can now be handled online.",
        ),
        "body": T(
            "<p>Das Bürgerportal wächst: Drei häufig gefragte Leistungen sind neu dazugekommen. Sie "
            "lassen sich vollständig digital beantragen und bezahlen.</p>",
            "<p>Borgerportalen vokser: Tre ofte efterspurgte ydelser er kommet til. De kan søges og "
            "betales helt digitalt.</p>",
            "<p>The citizen portal is growing: three frequently requested services have been added. "
            "They can be applied for and paid for entirely online.</p>",
        ),
        "image": ("portal-news", "Bürgerportal – neue Dienste – Grafik", "harbour"),
        "image_alt": T(
            "Abstrakte Grafik in Hafenblau mit hellen Quadraten",
            "Abstrakt grafik i havneblå med lyse firkanter",
            "Abstract graphic in harbour blue with light squares",
        ),
    },
    {
        "slug": T("ozg-zwischenbilanz", "ozg-status", "ozg-progress-report"),
        "date": "2023-01-20",
        "title": T(
            "OZG: Zwischenbilanz nach dem Stichtag",
            "OZG: status efter fristen",
            "OZG: taking stock after the deadline",
        ),
        "intro": T(
            "Viele Leistungen sind online – und die Arbeit geht weiter, oft mit Lösungen nach „Einer für Alle“.",
            "Mange ydelser er online – og arbejdet fortsætter, ofte med løsninger efter „Én for alle“.",
            "Many services are online – and the work goes on, often with “One for All” solutions.",
        ),
        "body": T(
            "<p>Die Frist des Onlinezugangsgesetzes ist verstrichen. Flensburg hat viele Leistungen "
            "digitalisiert und nutzt dabei Lösungen anderer Länder und Kommunen nach. Die übrigen "
            "Leistungen folgen Schritt für Schritt.</p>",
            "<p>Fristen i loven om digital adgang er udløbet. Flensborg har digitaliseret mange ydelser "
            "og genbruger løsninger fra andre delstater og kommuner. De øvrige ydelser følger trin for "
            "trin.</p>",
            "<p>The Online Access Act deadline has passed. Flensburg has digitised many services, "
            "reusing solutions from other states and municipalities. The remaining services will follow "
            "step by step.</p>",
        ),
    },
    {
        "slug": T(
            "flensburg-digital-dreisprachig", "flensborg-digital-paa-tre-sprog", "flensburg-digital-in-three-languages"
        ),
        "date": "2026-11-02",
        "title": T(
            "Flensburg digital jetzt in drei Sprachen",
            "Flensborg digital nu på tre sprog",
            "Flensburg digital now in three languages",
        ),
        "intro": T(
            "Die neue Plattform zur Digitalen Agenda spricht Deutsch, Dänisch und Englisch.",
            "Den nye platform for den digitale dagsorden taler tysk, dansk og engelsk.",
            "The new Digital Agenda platform speaks German, Danish and English.",
        ),
        "body": T(
            "<p>Die Grenzregion ist mehrsprachig – jetzt auch unsere Website. Alle Seiten gibt es auf "
            "Deutsch, Dänisch und Englisch. Die Plattform ist Open Source und kann von weiteren "
            "Kommunen der Region genutzt werden.</p>",
            "<p>Grænseregionen er flersproget – og nu er vores websted det også. Alle sider findes på "
            "tysk, dansk og engelsk. Platformen er open source og kan bruges af flere kommuner i "
            "regionen.</p>",
            "<p>The border region is multilingual – and now so is our website. Every page is available "
            "in German, Danish and English. The platform is open source and can be used by other "
            "municipalities in the region.</p>",
        ),
        "image": ("platform", "Flensburg digital dreisprachig – Grafik", "fjord"),
        "image_alt": T(
            "Abstrakte Grafik in Petrol mit drei hellen Kreisen",
            "Abstrakt grafik i petrol med tre lyse cirkler",
            "Abstract graphic in petrol with three light circles",
        ),
    },
]


def build_news(context):
    context.log("News …")
    index = build_page(
        context.home,
        NewsIndexPage,
        T("aktuelles", "nyheder", "news"),
        title=T("Aktuelles", "Nyheder", "News"),
        intro=T(
            "Neuigkeiten aus der Digitalisierung der Stadt Flensburg.",
            "Nyt om digitaliseringen i Flensborg Kommune.",
            "News about the digitalisation of the City of Flensburg.",
        ),
        show_in_menus=True,
    )
    context.pages["aktuelles"] = index
    for item in NEWS:
        body = [paragraph(item["body"])]
        if "quote" in item:
            body.append(quote(*item["quote"]))
        fields = {"title": item["title"], "intro": item["intro"], "date": item["date"], "body": body}
        if "image" in item:
            fields["image"] = demo_image(*item["image"]).pk
            fields["image_alt"] = item["image_alt"]
        page = build_page(index, NewsPage, item["slug"], **fields)
        context.pages[page.slug] = page
