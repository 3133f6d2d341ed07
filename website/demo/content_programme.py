"""Programme pages: citizen portal, Digital Agenda, chatbot pilot.

Smart City and OZG are typed pages of the projects app (`projects.demo` holds their text).
"""

from website import demo_registry
from website.models import ContentPage

from .api import (
    T,
    build_page,
    call_to_action,
    contact_person,
    faq,
    heading,
    image_block,
    paragraph,
    quote,
    timeline,
)
from .images import demo_image

UNIT_CONTACT_HEADING = T("Ihr Kontakt", "Din kontaktperson", "Your contact")


def _page(context, parent, key, slug, **fields):
    page = build_page(parent, ContentPage, slug, **fields)
    context.pages[key] = page
    return page


# --- Bürgerportal ----------------------------------------------------------------------------


def _portal_fields(picture, contacts, residents=None, businesses=None):
    """The portal page links to its two child pages once they exist (from the first run on)."""
    ctas = []
    if residents is not None and businesses is not None:
        ctas = [
            call_to_action(
                T("Für Bürgerinnen und Bürger", "For borgere", "For residents"),
                T(
                    "Ihr persönliches Konto, sichere Anmeldung und Bezahlung.",
                    "Din personlige konto, sikkert login og betaling.",
                    "Your personal account, secure sign-in and payment.",
                ),
                T("Mehr für Bürgerinnen und Bürger", "Mere for borgere", "More for residents"),
                page=residents,
            ),
            call_to_action(
                T("Für Unternehmen", "For virksomheder", "For businesses"),
                T(
                    "Unternehmenskonten für Betriebe und ihre Mitarbeitenden.",
                    "Virksomhedskonti til virksomheder og deres medarbejdere.",
                    "Business accounts for companies and their staff.",
                ),
                T("Mehr für Unternehmen", "Mere for virksomheder", "More for businesses"),
                page=businesses,
            ),
        ]
    return {
        "title": T("Bürgerportal", "Borgerportalen", "Citizen portal"),
        "intro": T(
            "Das Bürgerportal ist Flensburgs digitales Rathaus: Anliegen online erledigen, "
            "rund um die Uhr und von überall.",
            "Borgerportalen er Flensborgs digitale rådhus: klar dine ærinder online, døgnet rundt og hvor du end er.",
            "The citizen portal is Flensburg's digital town hall: get things done online, around "
            "the clock and from anywhere.",
        ),
        "show_in_menus": True,
        "body": [
            image_block(
                picture,
                T(
                    "Abstrakte Grafik in Petrol und Sand mit Wellen und kleinen Quadraten",
                    "Abstrakt grafik i petrol og sand med bølger og små firkanter",
                    "Abstract graphic in petrol and sand with waves and small squares",
                ),
            ),
            heading(
                T(
                    "Eine Plattform für alle Behördengänge",
                    "Én platform til alle ærinder",
                    "One platform for all dealings with the city",
                )
            ),
            paragraph(
                T(
                    "<p>Im Bürgerportal finden Sie Verwaltungsleistungen der Stadt, des Landes und des "
                    "Bundes an einem Ort – dazu Angebote der Daseinsvorsorge, etwa von den Stadtwerken. "
                    "Sie melden sich einmal sicher an und behalten Ihre Anträge auf einer persönlichen "
                    "Pinnwand im Blick.</p>",
                    "<p>På borgerportalen finder du kommunens, delstatens og forbundsregeringens ydelser "
                    "samlet ét sted – og desuden tilbud fra forsyningsselskaber som Stadtwerke. Du logger "
                    "sikkert ind én gang og har overblik over dine ansøgninger på din personlige "
                    "opslagstavle.</p>",
                    "<p>The citizen portal brings together the services of the city, the state and the "
                    "federal government in one place – plus public utilities such as the municipal "
                    "energy company. You sign in securely once and keep track of your applications on a "
                    "personal dashboard.</p>",
                )
            ),
            *ctas,
            contact_person(contacts["portal"], UNIT_CONTACT_HEADING),
        ],
    }


def build_citizen_portal(context, home, contacts):
    picture = demo_image("portal", "Bürgerportal – Grafik", "fjord")
    slug = T("buergerportal", "borgerportal", "citizen-portal")
    existing = ContentPage.objects.child_of(home).filter(slug=slug.de).first()
    children = [
        ContentPage.objects.child_of(existing).filter(slug=child_slug).first() if existing else None
        for child_slug in ("fuer-buergerinnen-und-buerger", "fuer-unternehmen")
    ]
    portal = _page(context, home, "buergerportal", slug, **_portal_fields(picture, contacts, *children))
    residents = _page(
        context,
        portal,
        "buergerportal-buerger",
        T("fuer-buergerinnen-und-buerger", "for-borgere", "for-residents"),
        title=T("Für Bürgerinnen und Bürger", "For borgere", "For residents"),
        intro=T(
            "Anträge stellen, Termine sparen, sicher bezahlen: was das Bürgerportal Ihnen bietet.",
            "Send ansøgninger, spar tid, betal sikkert: det tilbyder borgerportalen dig.",
            "Apply, save trips to the town hall, pay securely: what the citizen portal offers you.",
        ),
        body=[
            heading(T("Ihr persönliches Konto", "Din personlige konto", "Your personal account")),
            paragraph(
                T(
                    "<p>Mit einem persönlichen Konto beantragen Sie zahlreiche Leistungen der Verwaltung "
                    "ohne Wartezeit. Ihre bevorzugten Dienste legen Sie auf einer übersichtlichen "
                    "Pinnwand ab und ergänzen sie jederzeit aus dem Angebotskorb.</p>"
                    "<p>Bis 2023 kommen laufend die Leistungen nach dem Onlinezugangsgesetz hinzu, und "
                    "die Stadt baut auch ihre eigenen digitalen Angebote weiter aus.</p>",
                    "<p>Med en personlig konto kan du søge om mange af kommunens ydelser uden ventetid. "
                    "Dine foretrukne tjenester samler du på en overskuelig opslagstavle og supplerer dem "
                    "når som helst fra udvalget af tilbud.</p>"
                    "<p>Frem til 2023 kommer ydelserne efter loven om digital adgang løbende til, og "
                    "kommunen udvider også sine egne digitale tilbud.</p>",
                    "<p>With a personal account you can apply for many administrative services without "
                    "waiting. You pin your favourite services to a clear dashboard and add more from the "
                    "catalogue at any time.</p>"
                    "<p>Until 2023 the services covered by the Online Access Act are added continuously, "
                    "and the city keeps extending its own digital offers as well.</p>",
                )
            ),
            faq(
                T("Häufige Fragen", "Ofte stillede spørgsmål", "Frequently asked questions"),
                [
                    (
                        T(
                            "Wie melde ich mich sicher an?",
                            "Hvordan logger jeg sikkert ind?",
                            "How do I sign in securely?",
                        ),
                        T(
                            "<p>Über das angebundene Servicekonto. Es bestätigt Ihre Identität schnell und "
                            "ohne Umwege.</p>",
                            "<p>Via den tilknyttede servicekonto. Den bekræfter din identitet hurtigt og "
                            "uden omveje.</p>",
                            "<p>Through the linked service account, which confirms your identity quickly "
                            "and simply.</p>",
                        ),
                    ),
                    (
                        T("Wo liegen meine Daten?", "Hvor ligger mine data?", "Where is my data stored?"),
                        T(
                            "<p>Das Portal läuft DSGVO-konform auf besonders gesicherten Servern in Deutschland.</p>",
                            "<p>Portalen drives i overensstemmelse med GDPR på særligt sikrede servere i Tyskland.</p>",
                            "<p>The portal runs on highly secured servers in Germany and complies with the GDPR.</p>",
                        ),
                    ),
                    (
                        T(
                            "Kann ich Gebühren online bezahlen?",
                            "Kan jeg betale gebyrer online?",
                            "Can I pay fees online?",
                        ),
                        T(
                            "<p>Ja. Wenn eine Leistung etwas kostet, bezahlen Sie direkt im Antrag – es "
                            "stehen mehrere Zahlungswege zur Wahl.</p>",
                            "<p>Ja. Hvis en ydelse koster noget, betaler du direkte i ansøgningen – der er "
                            "flere betalingsmåder at vælge imellem.</p>",
                            "<p>Yes. If a service has a fee, you pay directly in the application – several "
                            "payment methods are available.</p>",
                        ),
                    ),
                    (
                        T(
                            "Wie erreiche ich die Sachbearbeitung?",
                            "Hvordan kontakter jeg sagsbehandleren?",
                            "How do I reach the caseworker?",
                        ),
                        T(
                            "<p>Über das gesicherte Postfach im Portal. So läuft der ganze Vorgang digital, "
                            "ohne Papier dazwischen.</p>",
                            "<p>Via den sikre postkasse i portalen. Så foregår hele sagen digitalt, uden "
                            "papir undervejs.</p>",
                            "<p>Through the secure mailbox in the portal, so the whole process stays "
                            "digital, with no paper in between.</p>",
                        ),
                    ),
                ],
            ),
            contact_person(contacts["portal"], UNIT_CONTACT_HEADING),
        ],
    )
    businesses = _page(
        context,
        portal,
        "buergerportal-unternehmen",
        T("fuer-unternehmen", "for-virksomheder", "for-businesses"),
        title=T("Für Unternehmen", "For virksomheder", "For businesses"),
        intro=T(
            "Mit einem Unternehmenskonto erledigen Betriebe ihre Behördenangelegenheiten digital.",
            "Med en virksomhedskonto klarer virksomheder deres myndighedsærinder digitalt.",
            "With a business account, companies handle their dealings with the authorities online.",
        ),
        body=[
            heading(
                T(
                    "Weniger Aufwand, mehr Zeit fürs Geschäft",
                    "Mindre besvær, mere tid til forretningen",
                    "Less paperwork, more time for business",
                )
            ),
            paragraph(
                T(
                    "<p>Was Bürgerinnen und Bürgern offensteht, gibt es in passender Form auch für "
                    "Unternehmen. So sparen Betriebe Wege und Zeit und können sich auf ihr eigentliches "
                    "Geschäft konzentrieren.</p>"
                    "<p>Ein Unternehmenskonto gehört dem Unternehmen als juristischer Person. Benannte "
                    "Mitarbeitende handeln in seinem Namen – so bleibt die Kommunikation mit der "
                    "Verwaltung auch bei Urlaub oder Personalwechsel bestehen.</p>",
                    "<p>Det, som borgerne har adgang til, findes i tilpasset form også for virksomheder. "
                    "Dermed sparer virksomhederne tid og besvær og kan koncentrere sig om deres egentlige "
                    "forretning.</p>"
                    "<p>En virksomhedskonto tilhører virksomheden som juridisk person. Udpegede "
                    "medarbejdere handler på dens vegne – så kontakten med kommunen fortsætter, også ved "
                    "ferie eller udskiftning af personale.</p>",
                    "<p>What is open to residents is also offered to businesses in a suitable form. "
                    "Companies save time and effort and can focus on what they actually do.</p>"
                    "<p>A business account belongs to the company as a legal entity. Named employees act "
                    "on its behalf – so contact with the administration continues even during holidays "
                    "or staff changes.</p>",
                )
            ),
            contact_person(contacts["portal"], UNIT_CONTACT_HEADING),
        ],
    )
    _page(context, home, "buergerportal", slug, **_portal_fields(picture, contacts, residents, businesses))


# --- Digitale Agenda ----------------------------------------------------------------------------


def build_digital_agenda(context, home, contacts):
    guiding_questions = [
        (
            T(
                "Welche digitalen Angebote gibt es schon – und wie bewähren sie sich?",
                "Hvilke digitale tilbud findes allerede – og hvordan fungerer de?",
                "Which digital services already exist – and how well do they work?",
            ),
            T(
                "<p>Wir erfassen, was vorhanden ist, und fragen, wer es wie nutzt.</p>",
                "<p>Vi kortlægger, hvad der findes, og spørger, hvem der bruger det og hvordan.</p>",
                "<p>We take stock of what exists and ask who uses it, and how.</p>",
            ),
        ),
        (
            T(
                "Warum bleibt die Nutzung mancher Angebote hinter den Erwartungen zurück?",
                "Hvorfor bliver nogle tilbud brugt mindre end forventet?",
                "Why are some services used less than expected?",
            ),
            T(
                "<p>Wir suchen nach den Gründen, statt nur Zahlen zu sammeln.</p>",
                "<p>Vi leder efter årsagerne i stedet for blot at samle tal.</p>",
                "<p>We look for the reasons instead of just collecting numbers.</p>",
            ),
        ),
        (
            T(
                "Welche bewährten analogen Angebote lassen sich digital unterstützen?",
                "Hvilke velfungerende analoge tilbud kan understøttes digitalt?",
                "Which proven conventional services could be supported digitally?",
            ),
            T(
                "<p>Nicht alles muss neu erfunden werden – oft hilft eine digitale Ergänzung.</p>",
                "<p>Ikke alt skal opfindes på ny – ofte hjælper et digitalt supplement.</p>",
                "<p>Not everything has to be reinvented – often a digital addition is enough.</p>",
            ),
        ),
        (
            T(
                "In welchen Handlungsfeldern ist der Bedarf besonders groß?",
                "På hvilke områder er behovet særligt stort?",
                "In which fields of action is the need greatest?",
            ),
            T(
                "<p>Dort setzen wir Schwerpunkte für die ersten Maßnahmen.</p>",
                "<p>Dér lægger vi vægten for de første tiltag.</p>",
                "<p>That is where we focus the first measures.</p>",
            ),
        ),
        (
            T(
                "Wo sind die Bedingungen für schnelle Erfolge günstig?",
                "Hvor er betingelserne for hurtige resultater gode?",
                "Where are conditions right for quick wins?",
            ),
            T(
                "<p>Frühe, sichtbare Ergebnisse schaffen Vertrauen für die längeren Vorhaben.</p>",
                "<p>Tidlige, synlige resultater skaber tillid til de længere projekter.</p>",
                "<p>Early, visible results build trust for the longer projects.</p>",
            ),
        ),
        (
            T(
                "Wen müssen wir zusätzlich einbeziehen, um gute Lösungen zu finden?",
                "Hvem skal vi desuden inddrage for at finde gode løsninger?",
                "Who else do we need to involve to find good solutions?",
            ),
            T(
                "<p>Wir holen die Interessenvertretungen jedes Handlungsfelds an den Tisch.</p>",
                "<p>Vi inviterer interesseorganisationerne fra hvert område med til bordet.</p>",
                "<p>We bring the stakeholders of each field of action to the table.</p>",
            ),
        ),
    ]
    # The Digital Agenda is the agenda app's AgendaPage (phases timeline, topic fields, figures),
    # built by the page builder the agenda registers; this is its text. It replaces the
    # ContentPage that earlier versions built at this slug.
    build_agenda_page = demo_registry.page_builder("agenda_page")
    if build_agenda_page is None:  # a site without the agenda app has no agenda page
        return
    build_agenda_page(
        context,
        home,
        intro=T(
            "Die Digitale Agenda ist Flensburgs Rahmenplan für den digitalen Wandel – vom "
            "Breitband bis zum Online-Antrag, von der Schule bis zum Hafen.",
            "Den digitale dagsorden er Flensborgs rammeplan for den digitale omstilling – fra "
            "bredbånd til digital ansøgning, fra skolen til havnen.",
            "The Digital Agenda is Flensburg's framework for digital change – from broadband to "
            "online applications, from schools to the harbour.",
        ),
        show_in_menus=True,
        body=[
            heading(T("Was ist eine Digitale Agenda?", "Hvad er en digital dagsorden?", "What is a digital agenda?")),
            paragraph(
                T(
                    "<p>Der digitale Wandel verändert alle Lebensbereiche – und die Menschen und Betriebe "
                    "in Flensburg haben dabei ganz unterschiedliche Bedürfnisse. Unsere Digitale Agenda "
                    "reicht deshalb weiter als schnelles Internet und Online-Formulare.</p>"
                    "<p>Sie bündelt digitale Angebote, die das Leben in der Stadt angenehmer machen und "
                    "die Region für Unternehmen und Fachkräfte attraktiver.</p>",
                    "<p>Den digitale omstilling ændrer alle dele af livet – og borgere og virksomheder i "
                    "Flensborg har meget forskellige behov. Vores digitale dagsorden rækker derfor "
                    "videre end hurtigt internet og digitale blanketter.</p>"
                    "<p>Den samler digitale tilbud, der gør livet i byen bedre og regionen mere attraktiv "
                    "for virksomheder og faglært arbejdskraft.</p>",
                    "<p>Digital change affects every part of life – and the people and businesses of "
                    "Flensburg have very different needs. Our Digital Agenda therefore goes further than "
                    "fast internet and online forms.</p>"
                    "<p>It brings together digital services that make city life better and the region "
                    "more attractive to businesses and skilled workers.</p>",
                )
            ),
            paragraph(
                T(
                    "<p>Die Agenda ist als Rahmenplanung über mehrere Themenfelder angelegt – etwa "
                    "Verwaltung und Bürgerservice, Bildung, Wirtschaft und Arbeit, Mobilität, Gesundheit "
                    "sowie Umwelt und Energie. Für jedes Themenfeld übernimmt eine Themenpatin oder ein "
                    "Themenpate die fachliche Federführung.</p>",
                    "<p>Dagsordenen er tænkt som en rammeplan for flere temaområder – for eksempel "
                    "forvaltning og borgerservice, uddannelse, erhverv og arbejde, mobilitet, sundhed samt "
                    "miljø og energi. Hvert temaområde har en tema-ansvarlig, der står for den faglige "
                    "ledelse.</p>",
                    "<p>The agenda is set up as a framework covering several topic fields – such as "
                    "administration and citizen services, education, business and work, mobility, health, "
                    "and environment and energy. Each topic field has a topic sponsor who leads it on the "
                    "subject matter.</p>",
                )
            ),
            quote(
                T(
                    "Genutzt wird nur, was auch gebraucht wird.",
                    "Kun det, der er brug for, bliver brugt.",
                    "Only what is needed gets used.",
                ),
                T(
                    "Leitsatz der Digitalen Agenda",
                    "Ledesætning for den digitale dagsorden",
                    "Guiding principle of the Digital Agenda",
                ),
            ),
            paragraph(
                T(
                    "<p>Ob ein digitales Angebot angenommen wird, hängt nicht davon ab, wie raffiniert "
                    "die Technik ist, sondern ob es im Alltag wirklich hilft.</p>",
                    "<p>Om et digitalt tilbud bliver taget i brug, afhænger ikke af, hvor raffineret "
                    "teknikken er, men af om det virkelig hjælper i hverdagen.</p>",
                    "<p>Whether a digital service is taken up does not depend on how clever the "
                    "technology is, but on whether it really helps in everyday life.</p>",
                )
            ),
            heading(T("Mitwirkung", "Deltagelse", "Participation")),
            paragraph(
                T(
                    "<p>Lösungen, die zur Region passen, entstehen nur mit den Menschen, die hier leben "
                    "und arbeiten. Regionale Fachleute bringen ihre Erfahrung in Fokus- und "
                    "Feedbackgruppen ein, die von den Themenpatinnen und Themenpaten geleitet werden.</p>"
                    "<p>Alle Bürgerinnen und Bürger sind eingeladen, in unseren Stadtdialogen Wünsche "
                    "und Ideen beizutragen.</p>",
                    "<p>Løsninger, der passer til regionen, opstår kun sammen med de mennesker, der bor "
                    "og arbejder her. Regionale fagfolk bidrager med deres erfaring i fokus- og "
                    "feedbackgrupper, som ledes af de tema-ansvarlige.</p>"
                    "<p>Alle borgere er inviteret til at bidrage med ønsker og idéer i vores "
                    "bydialoger.</p>",
                    "<p>Solutions that suit the region only come about together with the people who live "
                    "and work here. Regional experts contribute their experience in focus and feedback "
                    "groups led by the topic sponsors.</p>"
                    "<p>All residents are invited to share their wishes and ideas in our city "
                    "dialogues.</p>",
                )
            ),
            faq(
                T(
                    "Bestands- und Bedarfsaufnahme: die Leitfragen",
                    "Kortlægning af status og behov: de centrale spørgsmål",
                    "Taking stock and assessing needs: the guiding questions",
                ),
                guiding_questions,
            ),
            heading(T("Maßnahmen und Handlungsempfehlungen", "Tiltag og anbefalinger", "Measures and recommendations")),
            paragraph(
                T(
                    "<p>Im Kern der Agenda stehen Maßnahmen: erste Lösungsideen mit klaren Eckpunkten. "
                    "Sie nehmen die spätere Feinplanung nicht vorweg, erlauben aber, die Vorhaben zu "
                    "priorisieren.</p>"
                    "<p>So entsteht für jedes Themenfeld ein Arbeitsprogramm, das über mehrere Jahre "
                    "umgesetzt wird – und der Kreis schließt sich: Wir setzen um, was die Stadt "
                    "braucht.</p>",
                    "<p>Kernen i dagsordenen er tiltag: første løsningsidéer med klare rammer. De "
                    "foregriber ikke den senere detailplanlægning, men gør det muligt at prioritere "
                    "projekterne.</p>"
                    "<p>Sådan opstår der for hvert temaområde et arbejdsprogram, som gennemføres over "
                    "flere år – og cirklen sluttes: Vi gennemfører det, byen har brug for.</p>",
                    "<p>At the heart of the agenda are measures: first solution ideas with clear key "
                    "points. They do not anticipate the detailed planning that follows, but they allow "
                    "the projects to be prioritised.</p>"
                    "<p>This gives every topic field a work programme carried out over several years – "
                    "and the circle closes: we implement what the city needs.</p>",
                )
            ),
            paragraph(
                T(
                    "<p>Jede Maßnahme geht auf einen Bedarf zurück und wird nach festen Kriterien bewertet. "
                    "So entsteht eine Rangfolge, die der Rat und alle Interessierten nachvollziehen können.</p>",
                    "<p>Hvert tiltag udspringer af et behov og vurderes efter faste kriterier. "
                    "Det giver en rækkefølge, som byrådet og alle interesserede kan følge.</p>",
                    "<p>Every measure responds to a need and is rated on fixed criteria. "
                    "This gives a ranking that the council and anyone interested can follow.</p>",
                )
            ),
            call_to_action(
                T("Machen Sie mit", "Vær med", "Get involved"),
                T(
                    "Bringen Sie Ihre Ideen für ein digitales Flensburg in den Stadtdialog ein.",
                    "Del dine idéer til et digitalt Flensborg i bydialogen.",
                    "Bring your ideas for a digital Flensburg to the city dialogue.",
                ),
                T("Kontakt aufnehmen", "Kontakt os", "Get in touch"),
                url="mailto:digitalisierung@flensburg.example",
            ),
            contact_person(contacts["cdo"], UNIT_CONTACT_HEADING),
        ],
    )


# --- Chatbot ------------------------------------------------------------------------------------


def build_chatbot(context, home, contacts):
    _page(
        context,
        home,
        "chatbot",
        "chatbot",
        title=T("Chatbot Govii", "Chatbotten Govii", "Govii chatbot"),
        seo_title=T("Chatbot-Pilot Govii", "Chatbot-pilotprojektet Govii", "Govii chatbot pilot"),
        intro=T(
            "Seit Juni 2021 beantwortet der Chatbot Govii Fragen zu Leistungen und Ansprechpersonen "
            "der Stadtverwaltung – rund um die Uhr.",
            "Siden juni 2021 har chatbotten Govii besvaret spørgsmål om kommunens ydelser og "
            "kontaktpersoner – døgnet rundt.",
            "Since June 2021 the Govii chatbot has answered questions about the city's services and "
            "contacts – around the clock.",
        ),
        show_in_menus=True,
        body=[
            paragraph(
                T(
                    "<p>Govii ergänzt den Zuständigkeitsfinder: Wer wissen möchte, welche Stelle für ein "
                    "Anliegen zuständig ist oder wie sie erreichbar ist, fragt einfach den Chatbot – an "
                    "sieben Tagen in der Woche, 24 Stunden am Tag.</p>",
                    "<p>Govii supplerer kompetenceguiden: Vil du vide, hvilken afdeling der tager sig af "
                    "din sag, eller hvordan du kontakter den, så spørg bare chatbotten – syv dage om "
                    "ugen, 24 timer i døgnet.</p>",
                    "<p>Govii complements the responsibility finder: if you want to know which office "
                    "handles a matter or how to reach it, just ask the chatbot – seven days a week, 24 "
                    "hours a day.</p>",
                )
            ),
            timeline(
                T("Der Weg zum Chatbot", "Vejen til chatbotten", "The road to the chatbot"),
                [
                    (
                        T("März 2021", "marts 2021", "March 2021"),
                        "2021-03-01",
                        T("Start des Rollouts", "Udrulningen begynder", "Roll-out begins"),
                        T(
                            "Datenschutz und Verträge sind geklärt, die Einführung beginnt.",
                            "Databeskyttelse og kontrakter er på plads, og indførelsen går i gang.",
                            "Data protection and contracts are settled, and the introduction starts.",
                        ),
                    ),
                    (
                        T("Juni 2021", "juni 2021", "June 2021"),
                        "2021-06-01",
                        T("Govii geht online", "Govii går online", "Govii goes live"),
                        T(
                            "Flensburg schaltet den Chatbot auf seinen Seiten frei.",
                            "Flensborg gør chatbotten tilgængelig på sine sider.",
                            "Flensburg switches the chatbot on for its pages.",
                        ),
                    ),
                    (
                        T("zwei Jahre", "to år", "two years"),
                        None,
                        T("Pilotphase im Land", "Pilotfase i delstaten", "Pilot phase across the state"),
                        T(
                            "Neun weitere Kommunen testen Govii, begleitet vom ITV.SH und dem Land.",
                            "Ni andre kommuner afprøver Govii, fulgt af ITV.SH og delstaten.",
                            "Nine more municipalities test Govii, supported by ITV.SH and the state.",
                        ),
                    ),
                ],
            ),
            paragraph(
                T(
                    "<p>Nach guten ersten Erfahrungen haben das Land Schleswig-Holstein und der IT-Verbund "
                    "Schleswig-Holstein (ITV.SH) vereinbart, den Chatbot weiteren Pilotkommunen "
                    "anzubieten. Flensburg ist dabei. Die Kommunen tauschen sich regelmäßig aus, damit "
                    "Govii immer bessere Antworten gibt.</p>",
                    "<p>Efter gode første erfaringer har delstaten Slesvig-Holsten og IT-Verbund "
                    "Schleswig-Holstein (ITV.SH) aftalt at tilbyde chatbotten til flere pilotkommuner. "
                    "Flensborg er med. Kommunerne udveksler jævnligt erfaringer, så Govii giver stadig "
                    "bedre svar.</p>",
                    "<p>After good early experience, the State of Schleswig-Holstein and the IT-Verbund "
                    "Schleswig-Holstein (ITV.SH) agreed to offer the chatbot to more pilot "
                    "municipalities. Flensburg is one of them. The municipalities meet regularly to share "
                    "what they learn, so that Govii keeps giving better answers.</p>",
                )
            ),
            faq(
                T("Fragen zu Govii", "Spørgsmål om Govii", "Questions about Govii"),
                [
                    (
                        T("Wo finde ich den Chatbot?", "Hvor finder jeg chatbotten?", "Where do I find the chatbot?"),
                        T(
                            "<p>Unten rechts auf den Digitalisierungsseiten und auf der Seite der "
                            "Oberbürgermeisterin – nach und nach auch auf weiteren Seiten der Stadt.</p>",
                            "<p>Nederst til højre på digitaliseringssiderne og på overborgmesterens side – "
                            "efterhånden også på flere af kommunens sider.</p>",
                            "<p>At the bottom right of the digitalisation pages and on the Lord Mayor's "
                            "page – and gradually on more of the city's pages.</p>",
                        ),
                    ),
                    (
                        T(
                            "Ersetzt Govii die persönliche Beratung?",
                            "Erstatter Govii den personlige rådgivning?",
                            "Does Govii replace personal advice?",
                        ),
                        T(
                            "<p>Nein. Der Chatbot hilft bei der Orientierung und nennt die richtigen "
                            "Ansprechpersonen.</p>",
                            "<p>Nej. Chatbotten hjælper dig med at finde vej og henviser til de rette "
                            "kontaktpersoner.</p>",
                            "<p>No. The chatbot helps you find your way and names the right people to contact.</p>",
                        ),
                    ),
                ],
            ),
            contact_person(contacts["cdo"], UNIT_CONTACT_HEADING),
        ],
    )
