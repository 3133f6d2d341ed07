"""Legal and accessibility pages: Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache, DGS."""

from website.models import ContentPage

from .api import T, build_page, contact_person, faq, heading, paragraph

CONTACT_HEADING = T("Kontakt", "Kontakt", "Contact")


def _page(context, parent, key, slug, **fields):
    page = build_page(parent, ContentPage, slug, **fields)
    context.pages[key] = page
    return page


def build_legal_pages(context, home, contacts):
    _page(
        context,
        home,
        "impressum",
        T("impressum", "kolofon", "legal-notice"),
        title=T("Impressum", "Kolofon", "Legal notice"),
        intro=T(
            "Angaben zum Anbieter dieser Website.",
            "Oplysninger om udbyderen af dette websted.",
            "Information about the provider of this website.",
        ),
        body=[
            heading(T("Herausgeberin", "Udgiver", "Publisher")),
            paragraph(
                T(
                    "<p>Stadt Flensburg, vertreten durch die Oberbürgermeisterin<br/>"
                    "Stabsstelle E-Government und Digitalisierung<br/>Rathausplatz 1, 24937 Flensburg</p>",
                    "<p>Flensborg Kommune, repræsenteret ved overborgmesteren<br/>"
                    "Stabsfunktionen for e-forvaltning og digitalisering<br/>Rathausplatz 1, 24937 Flensborg</p>",
                    "<p>City of Flensburg, represented by the Lord Mayor<br/>"
                    "E-Government and Digitalisation Unit<br/>Rathausplatz 1, 24937 Flensburg, Germany</p>",
                )
            ),
            heading(T("Verantwortlich für den Inhalt", "Ansvarlig for indholdet", "Responsible for the content")),
            paragraph(
                T(
                    "<p>Dr. Marcus Ott, Chief Digital Officer (Anschrift wie oben).</p>",
                    "<p>Dr. Marcus Ott, Chief Digital Officer (adresse som ovenfor).</p>",
                    "<p>Dr. Marcus Ott, Chief Digital Officer (address as above).</p>",
                )
            ),
            heading(T("Hinweis zu dieser Demo", "Om denne demo", "About this demo")),
            paragraph(
                T(
                    "<p>Diese Inhalte sind Beispielinhalte einer Open-Source-Software. E-Mail-Adressen "
                    "und Telefonnummern sind Platzhalter.</p>",
                    "<p>Indholdet er eksempelindhold fra et open source-program. E-mailadresser og "
                    "telefonnumre er pladsholdere.</p>",
                    "<p>This is sample content of open-source software. E-mail addresses and phone "
                    "numbers are placeholders.</p>",
                )
            ),
            contact_person(contacts["cdo"], CONTACT_HEADING),
        ],
    )
    _page(
        context,
        home,
        "datenschutz",
        T("datenschutz", "databeskyttelse", "privacy"),
        title=T("Datenschutzerklärung", "Privatlivspolitik", "Privacy notice"),
        intro=T(
            "Wie wir mit Ihren Daten umgehen: so wenig wie möglich, so sicher wie nötig.",
            "Sådan behandler vi dine data: så lidt som muligt, så sikkert som nødvendigt.",
            "How we handle your data: as little as possible, as securely as necessary.",
        ),
        body=[
            heading(T("Lesen ohne Spuren", "Læsning uden spor", "Reading without a trace")),
            paragraph(
                T(
                    "<p>Wer diese Seiten nur liest, bekommt keine Cookies. Wir setzen keine "
                    "Analysewerkzeuge ein und laden nichts von fremden Servern.</p>"
                    "<p>Der Webserver speichert technisch notwendige Angaben wie Zeitpunkt und "
                    "aufgerufene Adresse für kurze Zeit, um den Betrieb zu sichern.</p>",
                    "<p>Hvis du kun læser disse sider, får du ingen cookies. Vi bruger ingen "
                    "analyseværktøjer og henter intet fra fremmede servere.</p>"
                    "<p>Webserveren gemmer teknisk nødvendige oplysninger som tidspunkt og besøgt adresse "
                    "i kort tid for at sikre driften.</p>",
                    "<p>If you only read these pages, you get no cookies. We use no analytics tools and "
                    "load nothing from third-party servers.</p>"
                    "<p>The web server keeps technically necessary data such as the time and the address "
                    "requested for a short period, to keep the service running.</p>",
                )
            ),
            heading(T("Mitmachen mit Konto", "Deltagelse med konto", "Taking part with an account")),
            paragraph(
                T(
                    "<p>Wer Ideen einbringt oder kommentiert, legt ein Konto an. Wir speichern nur, was "
                    "dafür nötig ist, und Sie können Ihre Daten jederzeit herunterladen oder löschen.</p>",
                    "<p>Hvis du vil bidrage med idéer eller kommentarer, opretter du en konto. Vi gemmer "
                    "kun det nødvendige, og du kan til enhver tid downloade eller slette dine data.</p>",
                    "<p>To contribute ideas or comments you create an account. We store only what is "
                    "needed for that, and you can download or delete your data at any time.</p>",
                )
            ),
            contact_person(contacts["cdo"], CONTACT_HEADING),
        ],
    )
    _page(
        context,
        home,
        "barrierefreiheit",
        T("barrierefreiheit", "tilgaengelighed", "accessibility"),
        title=T("Erklärung zur Barrierefreiheit", "Tilgængelighedserklæring", "Accessibility statement"),
        intro=T(
            "Diese Website soll für alle Menschen nutzbar sein – nach der BITV 2.0 und den WCAG 2.1 auf Stufe AA.",
            "Dette websted skal kunne bruges af alle – i henhold til den tyske BITV 2.0 og WCAG 2.1 på niveau AA.",
            "This website is meant to be usable by everyone – under the German BITV 2.0 and WCAG 2.1 at level AA.",
        ),
        body=[
            heading(T("Stand der Vereinbarkeit", "Overensstemmelse", "Compliance status")),
            paragraph(
                T(
                    "<p>Die Website ist weitgehend barrierefrei. Sie lässt sich mit der Tastatur bedienen, "
                    "Bilder haben Textalternativen und die Kontraste sind geprüft. Wir testen jede "
                    "Änderung automatisch.</p>",
                    "<p>Webstedet er i vid udstrækning tilgængeligt. Det kan betjenes med tastaturet, "
                    "billeder har tekstalternativer, og kontrasterne er kontrolleret. Vi tester hver "
                    "ændring automatisk.</p>",
                    "<p>The website is largely accessible. It can be used with a keyboard, images have "
                    "text alternatives and contrasts have been checked. We test every change "
                    "automatically.</p>",
                )
            ),
            heading(T("Noch nicht barrierefrei", "Endnu ikke tilgængeligt", "Not yet accessible")),
            paragraph(
                T(
                    "<p>Videos in Deutscher Gebärdensprache folgen noch. Ältere PDF-Dokumente sind "
                    "teilweise nicht barrierefrei; auf Wunsch senden wir sie Ihnen in einer zugänglichen "
                    "Form.</p>",
                    "<p>Videoer på tysk tegnsprog er på vej. Ældre PDF-dokumenter er delvist ikke "
                    "tilgængelige; på anmodning sender vi dem i en tilgængelig form.</p>",
                    "<p>Videos in German Sign Language are still to come. Some older PDF documents are "
                    "not accessible; on request we send them to you in an accessible form.</p>",
                )
            ),
            heading(T("Barriere melden", "Anmeld en barriere", "Report a barrier")),
            paragraph(
                T(
                    "<p>Ist Ihnen eine Barriere aufgefallen? Schreiben Sie uns an "
                    "barrierefreiheit@flensburg.example. Wir antworten innerhalb von sechs Wochen.</p>"
                    "<p>Hilft Ihnen unsere Antwort nicht weiter, können Sie sich an die "
                    "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz wenden.</p>",
                    "<p>Er du stødt på en barriere? Skriv til os på barrierefreiheit@flensburg.example. "
                    "Vi svarer inden for seks uger.</p>"
                    "<p>Hvis vores svar ikke hjælper dig, kan du henvende dig til det tyske "
                    "forligsorgan for ligestilling af personer med handicap.</p>",
                    "<p>Have you come across a barrier? Write to us at barrierefreiheit@flensburg.example. "
                    "We reply within six weeks.</p>"
                    "<p>If our reply does not help, you can turn to the conciliation body under the "
                    "German Disability Equality Act.</p>",
                )
            ),
            contact_person(contacts["accessibility"], CONTACT_HEADING),
        ],
    )
    _page(
        context,
        home,
        "leichte-sprache",
        T("leichte-sprache", "let-sprog", "easy-language"),
        title=T("Leichte Sprache", "Let sprog", "Easy language"),
        intro=T(
            "Hier erklären wir diese Seite in Leichter Sprache.",
            "Her forklarer vi denne side på let sprog.",
            "Here we explain this website in easy language.",
        ),
        body=[
            heading(T("Was ist Flensburg digital?", "Hvad er Flensborg digital?", "What is Flensburg digital?")),
            paragraph(
                T(
                    "<p>Flensburg ist eine Stadt.</p><p>Die Stadt will vieles im Internet anbieten.</p>"
                    "<p>Zum Beispiel: Anträge.</p><p>Dann müssen Sie nicht ins Rathaus gehen.</p>",
                    "<p>Flensborg er en by.</p><p>Byen vil tilbyde mange ting på internettet.</p>"
                    "<p>For eksempel: ansøgninger.</p><p>Så behøver du ikke gå på rådhuset.</p>",
                    "<p>Flensburg is a city.</p><p>The city wants to offer many things on the internet.</p>"
                    "<p>For example: forms.</p><p>Then you do not have to go to the town hall.</p>",
                )
            ),
            heading(T("Sie können mitmachen", "Du kan være med", "You can take part")),
            paragraph(
                T(
                    "<p>Haben Sie eine Idee für die Stadt?</p><p>Dann schreiben Sie uns.</p>"
                    "<p>Oder rufen Sie uns an.</p>",
                    "<p>Har du en idé til byen?</p><p>Så skriv til os.</p><p>Eller ring til os.</p>",
                    "<p>Do you have an idea for the city?</p><p>Then write to us.</p><p>Or call us.</p>",
                )
            ),
            contact_person(contacts["cdo"], CONTACT_HEADING),
        ],
    )
    _page(
        context,
        home,
        "gebaerdensprache",
        T("gebaerdensprache", "tegnsprog", "sign-language"),
        title=T("Deutsche Gebärdensprache", "Tysk tegnsprog", "German Sign Language"),
        intro=T(
            "Informationen zu dieser Website in Deutscher Gebärdensprache (DGS).",
            "Information om dette websted på tysk tegnsprog (DGS).",
            "Information about this website in German Sign Language (DGS).",
        ),
        body=[
            paragraph(
                T(
                    "<p>Wir lassen Videos in Deutscher Gebärdensprache drehen. Sie erklären, was auf "
                    "dieser Website steht und wie Sie uns erreichen. Die Videos erscheinen hier, sobald "
                    "sie fertig sind.</p>"
                    "<p>Bis dahin schreiben Sie uns gern eine E-Mail. Wenn Sie möchten, organisieren wir "
                    "für ein Gespräch eine Gebärdensprachdolmetschung.</p>",
                    "<p>Vi er ved at få lavet videoer på tysk tegnsprog. De forklarer, hvad der står på "
                    "dette websted, og hvordan du kontakter os. Videoerne kommer her, så snart de er "
                    "færdige.</p>"
                    "<p>Indtil da er du velkommen til at skrive en e-mail til os. Hvis du ønsker det, "
                    "sørger vi for en tegnsprogstolk til en samtale.</p>",
                    "<p>We are having videos made in German Sign Language. They explain what this "
                    "website contains and how to reach us. The videos will appear here as soon as they "
                    "are ready.</p>"
                    "<p>Until then, you are welcome to e-mail us. If you wish, we will arrange a sign "
                    "language interpreter for a conversation.</p>",
                )
            ),
            faq(
                T("Gut zu wissen", "Godt at vide", "Good to know"),
                [
                    (
                        T("Wann kommen die Videos?", "Hvornår kommer videoerne?", "When will the videos be ready?"),
                        T(
                            "<p>Sobald sie gedreht und geprüft sind. Wir melden es unter Aktuelles.</p>",
                            "<p>Så snart de er optaget og kontrolleret. Vi skriver om det under Nyheder.</p>",
                            "<p>As soon as they have been filmed and checked. We will announce it under News.</p>",
                        ),
                    ),
                ],
            ),
            contact_person(contacts["accessibility"], CONTACT_HEADING),
        ],
    )
