# ruff: noqa: E501  (long translated demo sentences read better unbroken)
"""Demo content of the projects app: funding, partners, the portfolio, the Smart City
programme and the OZG service catalogue, in German with Danish and English translations.

Called by `manage.py load_demo_content` (through `website.demo.load`). Idempotent: every
object is found by a stable key (slug, name, LeiKa key) and only saved when it differs.

Pages it builds below the German home page:

* `/de/projekte/` – ProjectIndexPage with the portfolio projects
* `/de/smarte-grenzregion/` – SmartCityProgrammePage: THE Smart City page of the site
* `/de/ozg-leistungen/` – ServiceCatalogPage: THE OZG page of the site

The last two are in the main menu and featured on the home page (context keys `smart-city`
and `ozg`; the home page is finished again once they exist). They replace the ContentPages
`smart-city` and `ozg` of older demo versions, which the site's demo deletes.

Which agenda measures these projects implement is the agenda's demo (`agenda.demo_projects`,
which runs right after this module).

The LeiKa keys of the demo services are made up: they start with 999 so nobody mistakes
them for real catalogue entries. Names, topic areas and statuses are plausible examples.
"""

import datetime
from decimal import Decimal

from website.demo import (
    T,
    build_page,
    build_snippet,
    contact_person,
    demo_image,
    heading,
    image_block,
    key_figures,
    merge_translations,
    paragraph,
    split_languages,
    translate_page,
    upsert_page,
)
from website.demo.api import publish
from website.demo.site_content import finish_home
from website.models import NewsPage

from .models import (
    AdministrativeService,
    FundingProgramme,
    Organisation,
    ProjectIndexPage,
    ProjectMilestone,
    ProjectPage,
    ServiceCatalogPage,
    SmartCityProgrammePage,
)


def demo_leika_key(number):
    """A well-formed but made-up LeiKa key (14 digits, prefix 999)."""
    return f"999{number:05d}000000"


def load(context):
    funding = build_funding()
    partners = build_partners()
    build_services()
    index = build_portfolio(context, funding, partners)
    build_smart_city_programme(context, funding, partners, index)
    build_service_catalog_page(context)
    feature_on_home(context)


def feature_on_home(context):
    """Smart City and OZG on the home page: finish it again now that the typed pages exist.

    From the second run on the site's demo finds them itself, so this changes nothing then.
    """
    context.pages["smart-city"] = context.pages["smarte-grenzregion"]
    context.pages["ozg"] = context.pages["ozg-leistungen"]
    finish_home(context)


# --- Snippets -----------------------------------------------------------------------------------


def build_funding():
    return {
        "modellkommune": build_snippet(
            FundingProgramme,
            {"name": "Digitale Modellkommune SH"},
            funder=T("Land Schleswig-Holstein", "Delstaten Slesvig-Holsten", "State of Schleswig-Holstein"),
            description=T(
                "Landesprogramm, das den Strategieprozess zur Digitalen Agenda der Stadt fördert.",
                "Delstatsprogram, der støtter byens strategiproces for den digitale dagsorden.",
                "State programme funding the city's strategy process for its Digital Agenda.",
            ),
            amount=Decimal("100000.00"),
            period_start=datetime.date(2020, 11, 1),
            period_end=datetime.date(2022, 6, 30),
        ),
        "smart_cities": build_snippet(
            FundingProgramme,
            {"name": "Smart Cities made in Germany"},
            funder=T(
                "Bundesministerium des Innern, für Bau und Heimat",
                "Det tyske forbundsministerium for indenrigsanliggender, byggeri og hjemstavn",
                "Federal Ministry of the Interior, Building and Community",
            ),
            description=T(
                "Bundesprogramm für Modellprojekte Smart Cities; Flensburg wurde 2021 mit einem Verbundantrag ausgewählt.",
                "Forbundsprogram for smart city-modelprojekter; Flensborg blev udvalgt i 2021 med en fælles ansøgning.",
                "Federal programme for Smart City model projects; Flensburg was selected in 2021 with a joint bid.",
            ),
            website="https://www.smart-city-dialog.de/",
        ),
    }


PARTNERS = {
    "schleswig_flensburg": (
        "Kreis Schleswig-Flensburg",
        Organisation.Kind.DISTRICT,
        "DE",
        "https://www.schleswig-flensburg.de/",
    ),
    "nordfriesland": ("Kreis Nordfriesland", Organisation.Kind.DISTRICT, "DE", "https://www.nordfriesland.de/"),
    "itvsh": ("ITV.SH", Organisation.Kind.PUBLIC_IT_PROVIDER, "DE", "https://www.itvsh.de/"),
    "govii": ("Govii UG", Organisation.Kind.COMPANY, "DE", ""),
    "sonderborg": ("Sønderborg Kommune", Organisation.Kind.DANISH_PARTNER, "DK", "https://sonderborgkommune.dk/"),
    "aabenraa": ("Aabenraa Kommune", Organisation.Kind.DANISH_PARTNER, "DK", "https://aabenraa.dk/"),
}

PARTNER_TEXTS = {
    "schleswig_flensburg": T(
        "Nachbarkreis und Partner im Verbundantrag der Smarten Grenzregion.",
        "Nabokreds og partner i den fælles ansøgning om den smarte grænseregion.",
        "Neighbouring district and partner in the joint Smart Border Region bid.",
    ),
    "nordfriesland": T(
        "Kreis an der Westküste und Partner im Verbundantrag der Smarten Grenzregion.",
        "Kreds ved vestkysten og partner i den fælles ansøgning om den smarte grænseregion.",
        "District on the west coast and partner in the joint Smart Border Region bid.",
    ),
    "itvsh": T(
        "IT-Verbund Schleswig-Holstein: leitet die Pilotphase des Chatbots in den Kommunen des Landes.",
        "IT-fællesskabet i Slesvig-Holsten: leder chatbottens pilotfase i delstatens kommuner.",
        "Public IT association of Schleswig-Holstein; leads the chatbot pilot in the state's municipalities.",
    ),
    "govii": T(
        "Anbieter des Chatbots Govii.",
        "Leverandør af chatbotten Govii.",
        "Vendor of the Govii chatbot.",
    ),
    "sonderborg": T(
        "Dänische Partnerkommune nördlich der Grenze (Beispiel).",
        "Dansk partnerkommune nord for grænsen (eksempel).",
        "Danish partner municipality north of the border (example).",
    ),
    "aabenraa": T(
        "Dänische Partnerkommune nördlich der Grenze (Beispiel).",
        "Dansk partnerkommune nord for grænsen (eksempel).",
        "Danish partner municipality north of the border (example).",
    ),
}


def build_partners():
    partners = {}
    for key, (name, kind, country, website) in PARTNERS.items():
        partners[key] = build_snippet(
            Organisation,
            {"name": name},
            kind=kind,
            country=country,
            website=website,
            description=PARTNER_TEXTS[key],
        )
    return partners


# (topic area, responsible level, online status, EfA solution, online service URL, name de/da/en)
SERVICES = [
    (
        "family_children",
        "federal",
        "online",
        True,
        "https://www.elterngeld-digital.de/",
        "Elterngeld beantragen",
        "Ansøgning om forældrepenge",
        "Apply for parental allowance",
    ),
    (
        "family_children",
        "municipal",
        "online",
        False,
        "",
        "Kita-Platz anmelden",
        "Tilmelding til daginstitution",
        "Register for a day-care place",
    ),
    (
        "family_children",
        "municipal",
        "online",
        False,
        "",
        "Geburtsurkunde beantragen",
        "Bestilling af fødselsattest",
        "Request a birth certificate",
    ),
    (
        "family_children",
        "municipal",
        "online",
        True,
        "",
        "Unterhaltsvorschuss beantragen",
        "Ansøgning om forskud på børnebidrag",
        "Apply for advance maintenance payments",
    ),
    (
        "family_children",
        "municipal",
        "in_progress",
        False,
        "",
        "Namensänderung eines Kindes beantragen",
        "Ansøgning om navneændring for et barn",
        "Apply to change a child's name",
    ),
    (
        "work_retirement",
        "state",
        "in_progress",
        True,
        "",
        "Anerkennung ausländischer Berufsqualifikationen",
        "Anerkendelse af udenlandske erhvervskvalifikationer",
        "Recognition of foreign professional qualifications",
    ),
    (
        "work_retirement",
        "municipal",
        "not_yet",
        False,
        "",
        "Bescheinigung über Beschäftigungszeiten im öffentlichen Dienst",
        "Attest for ansættelsesperioder i den offentlige sektor",
        "Certificate of public-service employment periods",
    ),
    (
        "building_housing",
        "municipal",
        "online",
        True,
        "",
        "Wohngeld beantragen",
        "Ansøgning om boligstøtte",
        "Apply for housing benefit",
    ),
    (
        "building_housing",
        "municipal",
        "in_progress",
        True,
        "",
        "Baugenehmigung beantragen",
        "Ansøgning om byggetilladelse",
        "Apply for a building permit",
    ),
    (
        "building_housing",
        "municipal",
        "in_progress",
        False,
        "",
        "Wohnberechtigungsschein beantragen",
        "Ansøgning om boligberettigelsesbevis",
        "Apply for a housing eligibility certificate",
    ),
    (
        "building_housing",
        "municipal",
        "not_yet",
        False,
        "",
        "Abgeschlossenheitsbescheinigung beantragen",
        "Ansøgning om attest for afgrænset boligenhed",
        "Apply for a certificate of self-containment",
    ),
    (
        "education",
        "federal",
        "online",
        True,
        "https://www.bafoeg-digital.de/",
        "BAföG beantragen",
        "Ansøgning om uddannelsesstøtte (BAföG)",
        "Apply for student finance (BAföG)",
    ),
    (
        "education",
        "municipal",
        "not_yet",
        False,
        "",
        "Erstattung von Schülerbeförderungskosten",
        "Refusion af skolebefordringsudgifter",
        "Refund of school transport costs",
    ),
    (
        "education",
        "municipal",
        "online",
        False,
        "",
        "Kurs an der Volkshochschule buchen",
        "Tilmelding til kursus på aftenskolen",
        "Book a course at the adult education centre",
    ),
    (
        "immigration_emigration",
        "municipal",
        "in_progress",
        True,
        "",
        "Aufenthaltstitel verlängern",
        "Forlængelse af opholdstilladelse",
        "Extend a residence permit",
    ),
    (
        "immigration_emigration",
        "municipal",
        "not_yet",
        False,
        "",
        "Einbürgerung beantragen",
        "Ansøgning om statsborgerskab",
        "Apply for naturalisation",
    ),
    (
        "immigration_emigration",
        "municipal",
        "not_yet",
        False,
        "",
        "Verpflichtungserklärung abgeben",
        "Afgivelse af forsørgelseserklæring",
        "Submit a formal obligation letter",
    ),
    (
        "volunteering_hobbies",
        "municipal",
        "online",
        True,
        "",
        "Fischereischein beantragen",
        "Ansøgning om fiskekort",
        "Apply for a fishing licence",
    ),
    (
        "volunteering_hobbies",
        "state",
        "in_progress",
        False,
        "",
        "Ehrenamtskarte beantragen",
        "Ansøgning om frivilligkort",
        "Apply for a volunteer card",
    ),
    (
        "research_funding",
        "municipal",
        "not_yet",
        False,
        "",
        "Kulturförderung beantragen",
        "Ansøgning om kulturstøtte",
        "Apply for cultural funding",
    ),
    (
        "health",
        "municipal",
        "online",
        False,
        "",
        "Belehrung nach dem Infektionsschutzgesetz",
        "Instruktion efter loven om smitsomme sygdomme",
        "Instruction under the Infection Protection Act",
    ),
    (
        "health",
        "municipal",
        "in_progress",
        False,
        "",
        "Trinkwasseruntersuchung anzeigen",
        "Anmeldelse af drikkevandsanalyse",
        "Notify a drinking water analysis",
    ),
    (
        "mobility_travel",
        "municipal",
        "online",
        False,
        "",
        "Bewohnerparkausweis beantragen",
        "Ansøgning om beboerparkeringskort",
        "Apply for a residents' parking permit",
    ),
    (
        "mobility_travel",
        "municipal",
        "online",
        True,
        "",
        "Fahrzeug zulassen",
        "Indregistrering af køretøj",
        "Register a vehicle",
    ),
    (
        "mobility_travel",
        "municipal",
        "in_progress",
        False,
        "",
        "Sondernutzung öffentlicher Straßen beantragen",
        "Ansøgning om særlig brug af offentlig vej",
        "Apply for special use of public roads",
    ),
    (
        "mobility_travel",
        "municipal",
        "not_yet",
        False,
        "",
        "Parkausweis für Menschen mit Behinderung",
        "Parkeringskort for personer med handicap",
        "Parking permit for disabled people",
    ),
    (
        "cross_cutting",
        "municipal",
        "online",
        False,
        "",
        "Meldebescheinigung beantragen",
        "Bestilling af bopælsattest",
        "Request a certificate of registration",
    ),
    (
        "cross_cutting",
        "municipal",
        "in_progress",
        True,
        "",
        "Wohnsitz ummelden",
        "Flytning af bopæl",
        "Register a change of address",
    ),
    (
        "cross_cutting",
        "municipal",
        "online",
        False,
        "",
        "Auskunft aus dem Melderegister",
        "Oplysning fra folkeregistret",
        "Information from the population register",
    ),
    (
        "law_order",
        "federal",
        "online",
        False,
        "https://www.fuehrungszeugnis.bund.de/",
        "Führungszeugnis beantragen",
        "Bestilling af straffeattest",
        "Request a certificate of good conduct",
    ),
    (
        "law_order",
        "municipal",
        "online",
        False,
        "",
        "Versammlung anzeigen",
        "Anmeldelse af forsamling",
        "Notify a public assembly",
    ),
    (
        "law_order",
        "municipal",
        "online",
        False,
        "",
        "Fundsache melden",
        "Anmeldelse af hittegods",
        "Report found property",
    ),
    (
        "law_order",
        "state",
        "not_yet",
        False,
        "",
        "Waffenbesitzkarte beantragen",
        "Ansøgning om våbentilladelse",
        "Apply for a firearms licence",
    ),
    (
        "taxes_customs",
        "municipal",
        "online",
        False,
        "",
        "Hundesteuer an- oder abmelden",
        "Til- eller afmelding af hundeskat",
        "Register or deregister dog tax",
    ),
    (
        "taxes_customs",
        "municipal",
        "in_progress",
        False,
        "",
        "Zweitwohnungsteuer erklären",
        "Erklæring om skat på fritidsbolig",
        "Declare second-home tax",
    ),
    (
        "environment",
        "municipal",
        "online",
        False,
        "",
        "Sperrmüll anmelden",
        "Bestilling af storskraldsafhentning",
        "Book a bulky waste collection",
    ),
    (
        "environment",
        "municipal",
        "in_progress",
        False,
        "",
        "Baumfällung beantragen",
        "Ansøgning om træfældning",
        "Apply to fell a tree",
    ),
    (
        "environment",
        "state",
        "not_yet",
        False,
        "",
        "Wasserrechtliche Erlaubnis beantragen",
        "Ansøgning om vandretlig tilladelse",
        "Apply for a water-use permit",
    ),
    ("business", "municipal", "online", True, "", "Gewerbe anmelden", "Anmeldelse af erhverv", "Register a business"),
    (
        "business",
        "municipal",
        "in_progress",
        True,
        "",
        "Gaststättenerlaubnis beantragen",
        "Ansøgning om bevilling til restaurant",
        "Apply for a restaurant licence",
    ),
    (
        "business",
        "municipal",
        "not_yet",
        False,
        "",
        "Marktstand anmelden",
        "Anmeldelse af markedsbod",
        "Register a market stall",
    ),
]


def build_services():
    for number, (topic_area, level, status, efa, url, de, da, en) in enumerate(SERVICES, start=1):
        build_snippet(
            AdministrativeService,
            {"leika_key": demo_leika_key(number)},
            name=T(de, da, en),
            topic_area=topic_area,
            responsible_level=level,
            online_status=status,
            efa_solution=efa,
            online_service_url=url,
        )


# --- Pages --------------------------------------------------------------------------------------


def build_page_with_relations(parent, model, slug, *, many_to_many=None, milestones=None, children=None, **fields):
    """`build_page` for pages with many-to-many links, translatable milestones and other inline objects.

    `many_to_many`: {field name: [objects]}; `milestones`: [(T title, date, done)];
    `children`: {child relation: [{field: value}]} for inline objects without text.
    Saves a new revision only when something differs, then translates.
    """
    german_fields, translations = split_languages(fields)
    german_slug = slug.de
    for code in translations:
        translations[code][german_slug] = slug.get(code)
    page, changed = upsert_page(parent, model, german_slug, **german_fields)
    page = page.specific
    relations_changed = False
    for name, objects in (many_to_many or {}).items():
        if sorted(obj.pk for obj in getattr(page, name).all()) != sorted(obj.pk for obj in objects):
            getattr(page, name).set(objects)
            relations_changed = True
    if milestones is not None:
        german_milestones, milestone_translations = split_languages([title for title, _date, _done in milestones])
        translations = merge_translations(translations, milestone_translations)
        wanted = [(title, date, done) for title, (_t, date, done) in zip(german_milestones, milestones, strict=True)]
        current = [(m.title, m.date, m.done) for m in page.milestones.all()]
        if current != wanted:
            page.milestones.set(
                [
                    ProjectMilestone(title=title, date=date, done=done, locale_id=page.locale_id)
                    for title, date, done in wanted
                ]
            )
            relations_changed = True
    for relation, rows in (children or {}).items():
        manager = getattr(page, relation)
        names = sorted({name for row in rows for name in row})
        if [tuple(getattr(obj, name) for name in names) for obj in manager.all()] != [
            tuple(row[name] for name in names) for row in rows
        ]:
            manager.set([manager.model(**row) for row in rows])
            relations_changed = True
    if relations_changed:
        publish(page)
        # Reload: the published revision saved the inline objects, this instance still
        # holds unsaved copies, and wagtail-localize must see them with their ids.
        page = type(page).objects.get(pk=page.pk)
    translate_page(page, translations, changed=changed or relations_changed)
    return page


def topic_fields_matching(*keywords):
    """German topic field pages of the agenda whose title contains one of the keywords (if the agenda has any).

    The model is the target of ``ProjectPage.topic_fields``, so this app does not import the agenda.
    """
    topic_field_page = ProjectPage._meta.get_field("topic_fields").related_model
    pages = list(topic_field_page.objects.filter(locale__language_code="de"))
    return [page for page in pages if any(word.lower() in page.title.lower() for word in keywords)]


def build_portfolio(context, funding, partners):
    contacts = context.contacts
    index = build_page(
        context.home,
        ProjectIndexPage,
        T("projekte", "projekter", "projects"),
        title=T("Projekte", "Projekter", "Projects"),
        intro=T(
            "Alle Digitalisierungsprojekte der Stadt Flensburg: was geplant ist, was erprobt wird und was schon läuft.",
            "Alle Flensborg bys digitaliseringsprojekter: hvad der er planlagt, hvad der afprøves, og hvad der allerede kører.",
            "Every digitalisation project of the City of Flensburg: what is planned, what is being piloted and what already runs.",
        ),
    )
    unit = T(
        "Stabsstelle E-Government und Digitalisierung",
        "Stabsfunktion for e-forvaltning og digitalisering",
        "E-Government and Digitalisation Unit",
    )
    for spec in portfolio_projects(funding, partners):
        spec.setdefault("responsible_unit", unit)
        contact = contacts.get(spec.pop("contact_key", "cdo"))
        if contact is not None:
            spec["contact"] = contact
        keywords = spec.pop("topic_keywords", ())
        many_to_many = {
            "funding": spec.pop("funding", []),
            "partners": spec.pop("partners", []),
            "topic_fields": topic_fields_matching(*keywords) if keywords else [],
        }
        slug = spec.pop("slug")
        page = build_page_with_relations(index, ProjectPage, slug, many_to_many=many_to_many, **spec)
        context.pages[f"project:{slug.de}"] = page
    context.pages["projekte"] = index
    return index


def portfolio_projects(funding, partners):
    return [
        {
            "slug": T("buergerportal", "borgerportal", "citizen-portal"),
            "title": T("Bürgerportal", "Borgerportal", "Citizen portal"),
            "summary": T(
                "Ein Portal für Bürgerinnen, Bürger und Unternehmen: Anmeldung mit dem Servicekonto, "
                "Online-Bezahlung und ein sicheres Postfach für die Kommunikation mit der Verwaltung.",
                "En portal for borgere og virksomheder: login med servicekontoen, onlinebetaling og en "
                "sikker postkasse til kommunikation med forvaltningen.",
                "A portal for residents and businesses: log-in with the service account, online payment "
                "and a secure mailbox for messages to and from the administration.",
            ),
            "status": "live",
            "phase": T("Betrieb und Ausbau", "Drift og udbygning", "Operation and expansion"),
            "contact_key": "portal",
            "topic_keywords": ("Verwaltung", "Bürgerservice"),
            "milestones": [
                (
                    T("Anmeldung über das Servicekonto", "Login via servicekontoen", "Log-in with the service account"),
                    None,
                    True,
                ),
                (
                    T("Online-Bezahlung freigeschaltet", "Onlinebetaling aktiveret", "Online payment switched on"),
                    None,
                    True,
                ),
                (T("Sicheres Postfach", "Sikker postkasse", "Secure mailbox"), None, True),
                (T("Unternehmenskonten", "Virksomhedskonti", "Company accounts"), None, True),
            ],
        },
        {
            "slug": T("chatbot-govii", "chatbot-govii", "govii-chatbot"),
            "title": T("Chatbot-Pilot Govii", "Chatbot-pilot Govii", "Govii chatbot pilot"),
            "summary": T(
                "Der Chatbot Govii beantwortet rund um die Uhr Fragen zu Leistungen und Ansprechpartnern "
                "der Stadtverwaltung; Flensburg erprobt ihn gemeinsam mit weiteren Kommunen im Land.",
                "Chatbotten Govii svarer døgnet rundt på spørgsmål om forvaltningens ydelser og "
                "kontaktpersoner; Flensborg afprøver den sammen med andre kommuner i delstaten.",
                "The Govii chatbot answers questions about the administration's services and contacts "
                "around the clock; Flensburg pilots it together with other municipalities in the state.",
            ),
            "status": "pilot",
            "phase": T("Zweijährige Pilotphase", "Toårig pilotfase", "Two-year pilot phase"),
            "start_date": datetime.date(2021, 3, 1),
            "end_date": datetime.date(2023, 5, 31),
            "partners": [partners["govii"], partners["itvsh"]],
            "topic_keywords": ("Verwaltung", "Bürgerservice"),
            "milestones": [
                (
                    T(
                        "Datenschutz und Verträge geklärt",
                        "Databeskyttelse og kontrakter på plads",
                        "Data protection and contracts settled",
                    ),
                    datetime.date(2021, 2, 15),
                    True,
                ),
                (T("Start des Rollouts", "Udrulningen starter", "Roll-out starts"), datetime.date(2021, 3, 1), True),
                (T("Govii ist online", "Govii er online", "Govii goes live"), datetime.date(2021, 6, 1), True),
                (
                    T("Auswertung der Pilotphase", "Evaluering af pilotfasen", "Evaluation of the pilot phase"),
                    datetime.date(2023, 5, 31),
                    False,
                ),
            ],
        },
        {
            "slug": T("ozg-umsetzung", "ozg-gennemfoerelse", "ozg-implementation"),
            "title": T("OZG-Umsetzung", "Gennemførelse af OZG", "OZG implementation"),
            "summary": T(
                "Das Onlinezugangsgesetz verlangte, Verwaltungsleistungen bis Ende 2022 online anzubieten; "
                "die Stadt nutzt dafür, wo möglich, „Einer für Alle“-Lösungen anderer Länder nach.",
                "Loven om onlineadgang krævede, at forvaltningsydelser skulle tilbydes online inden udgangen af 2022; "
                "byen genbruger så vidt muligt „Einer für Alle“-løsninger fra andre delstater.",
                "The Online Access Act required administrative services to be online by the end of 2022; "
                "wherever possible the city reuses “Einer für Alle” solutions built by other states.",
            ),
            "status": "live",
            "phase": T("Umsetzung", "Gennemførelse", "Implementation"),
            "end_date": datetime.date(2022, 12, 31),
            "reuses_efa_solution": True,
            "partners": [partners["itvsh"]],
            "topic_keywords": ("Verwaltung", "Bürgerservice"),
            "milestones": [
                (
                    T(
                        "Leistungen erfasst und priorisiert",
                        "Ydelser registreret og prioriteret",
                        "Services listed and prioritised",
                    ),
                    datetime.date(2021, 6, 30),
                    True,
                ),
                (
                    T(
                        "Erste EfA-Leistungen angebunden",
                        "Første EfA-ydelser tilsluttet",
                        "First EfA services connected",
                    ),
                    datetime.date(2022, 3, 31),
                    True,
                ),
                (
                    T("Frist des Onlinezugangsgesetzes", "Frist i loven om onlineadgang", "Online Access Act deadline"),
                    datetime.date(2022, 12, 31),
                    False,
                ),
            ],
        },
        {
            "slug": T("digitale-agenda", "digital-dagsorden", "digital-agenda"),
            "title": T("Digitale Agenda", "Digital dagsorden", "Digital Agenda"),
            "summary": T(
                "Der Strategieprozess, in dem Stadt und Stadtgesellschaft die digitalen Vorhaben der kommenden Jahre festlegen.",
                "Strategiprocessen, hvor byen og borgerne fastlægger de kommende års digitale projekter.",
                "The strategy process in which the city and its residents decide on the digital projects of the coming years.",
            ),
            "status": "live",
            "phase": T("Strategieprozess", "Strategiproces", "Strategy process"),
            "start_date": datetime.date(2020, 11, 1),
            "end_date": datetime.date(2022, 6, 30),
            "funding": [funding["modellkommune"]],
            "contact_key": "agenda",
            "milestones": [
                (
                    T(
                        "Bedarfe je Themenfeld erhoben",
                        "Behov for hvert temaområde kortlagt",
                        "Needs of every topic field assessed",
                    ),
                    datetime.date(2021, 6, 30),
                    True,
                ),
                (
                    T("Projektansätze entwickelt", "Projektidéer udviklet", "Project approaches developed"),
                    datetime.date(2021, 9, 30),
                    True,
                ),
                (
                    T(
                        "Beschluss der Digitalen Agenda",
                        "Vedtagelse af den digitale dagsorden",
                        "Adoption of the Digital Agenda",
                    ),
                    datetime.date(2021, 12, 31),
                    False,
                ),
            ],
        },
        {
            "slug": T("smart-city", "smart-city", "smart-city"),
            "title": T(
                "Smart City: Smarte Grenzregion zwischen den Meeren",
                "Smart City: Smart grænseregion mellem havene",
                "Smart City: Smart border region between the seas",
            ),
            "summary": T(
                "Gemeinsames Modellprojekt mit den Kreisen Schleswig-Flensburg und Nordfriesland; am 15. Juli 2021 "
                "als eines von 28 aus 94 Vorhaben ausgewählt.",
                "Fælles modelprojekt med kredsene Slesvig-Flensborg og Nordfrisland; udvalgt den 15. juli 2021 "
                "som et af 28 ud af 94 projekter.",
                "Joint model project with the districts of Schleswig-Flensburg and Nordfriesland; selected on "
                "15 July 2021 as one of 28 out of 94 bids.",
            ),
            "status": "planned",
            "phase": T("Strategiephase", "Strategifase", "Strategy phase"),
            "start_date": datetime.date(2021, 7, 15),
            "funding": [funding["smart_cities"]],
            "partners": [
                partners["schleswig_flensburg"],
                partners["nordfriesland"],
                partners["sonderborg"],
                partners["aabenraa"],
            ],
            "contact_key": "smart_city",
            "topic_keywords": ("Energie", "Mobilität", "Gesundheit", "Wohnen"),
            "milestones": [
                (T("Verbundantrag eingereicht", "Fælles ansøgning indsendt", "Joint bid submitted"), None, True),
                (
                    T("Auswahl als Modellprojekt", "Udvalgt som modelprojekt", "Selected as a model project"),
                    datetime.date(2021, 7, 15),
                    True,
                ),
                (T("Smart-Region-Strategie", "Smart region-strategi", "Smart Region strategy"), None, False),
            ],
        },
        {
            "slug": T("e-akte", "e-sag", "electronic-files"),
            "title": T("Elektronische Akte", "Elektronisk sagsmappe", "Electronic files"),
            "summary": T(
                "Akten der Verwaltung werden schrittweise digital geführt, damit Anträge ohne Medienbruch bearbeitet werden können.",
                "Forvaltningens sager føres gradvist digitalt, så ansøgninger kan behandles uden papir undervejs.",
                "The administration moves its files to digital step by step, so applications are handled without paper in between.",
            ),
            "status": "planned",
            "phase": T("Ausschreibung", "Udbud", "Tender"),
            "start_date": datetime.date(2022, 1, 1),
            "end_date": datetime.date(2024, 12, 31),
            "budget": Decimal("480000.00"),
            "topic_keywords": ("Verwaltung",),
            "milestones": [
                (
                    T("Anforderungen beschrieben", "Krav beskrevet", "Requirements written"),
                    datetime.date(2021, 11, 30),
                    True,
                ),
                (
                    T("Pilotbereich ausgewählt", "Pilotområde valgt", "Pilot department chosen"),
                    datetime.date(2022, 3, 31),
                    False,
                ),
            ],
        },
        {
            "slug": T("offene-daten", "aabne-data", "open-data"),
            "title": T("Offene Daten", "Åbne data", "Open data"),
            "summary": T(
                "Die Idee: Daten der Stadt, etwa zu Parkplätzen oder Haltestellen, frei und maschinenlesbar bereitstellen.",
                "Idéen: byens data, f.eks. om parkeringspladser og stoppesteder, stilles frit og maskinlæsbart til rådighed.",
                "The idea: publish city data such as car parks or bus stops openly and in machine-readable form.",
            ),
            "status": "idea",
            "topic_keywords": ("Mobilität",),
        },
        {
            "slug": T("digitale-ratsarbeit", "digitalt-byraadsarbejde", "digital-council-work"),
            "title": T("Digitale Ratsarbeit", "Digitalt byrådsarbejde", "Digital council work"),
            "summary": T(
                "Ratsmitglieder erhalten Vorlagen und Protokolle digital statt auf Papier.",
                "Byrådsmedlemmer modtager dagsordener og referater digitalt i stedet for på papir.",
                "Council members receive agendas and minutes digitally instead of on paper.",
            ),
            "status": "completed",
            "start_date": datetime.date(2019, 9, 1),
            "end_date": datetime.date(2020, 12, 31),
            "budget": Decimal("60000.00"),
            "milestones": [
                (T("Tablets verteilt", "Tablets udleveret", "Tablets handed out"), datetime.date(2020, 3, 1), True),
                (
                    T("Papierversand eingestellt", "Udsendelse på papir indstillet", "Paper mail-out ended"),
                    datetime.date(2020, 12, 31),
                    True,
                ),
            ],
        },
        {
            "slug": T("parksensorik", "parkeringssensorer", "parking-sensors"),
            "title": T(
                "Parksensorik in der Innenstadt", "Parkeringssensorer i midtbyen", "Parking sensors in the city centre"
            ),
            "summary": T(
                "Ein Test mit Sensoren, die freie Parkplätze melden; er wurde beendet, weil die Messungen zu ungenau waren.",
                "En test med sensorer, der melder ledige parkeringspladser; den blev stoppet, fordi målingerne var for upræcise.",
                "A trial of sensors reporting free parking spaces; it was stopped because the readings were too inaccurate.",
            ),
            "status": "stopped",
            "start_date": datetime.date(2020, 5, 1),
            "end_date": datetime.date(2021, 4, 30),
            "budget": Decimal("35000.00"),
            "topic_keywords": ("Mobilität",),
        },
    ]


SMART_CITY_THEMES = [
    T(
        "Grüne Energie und vernetzte Mobilität",
        "Grøn energi og forbundet mobilitet",
        "Green energy and connected mobility",
    ),
    T("Gesundheit in allen Lebenslagen", "Sundhed i alle livets faser", "Health in all stages of life"),
    T(
        "Wohnen, Arbeiten und Nahversorgung der Zukunft",
        "Fremtidens bolig, arbejde og nærforsyning",
        "Living, working and local supply of the future",
    ),
]

SMART_CITY_THEME_TEXTS = [
    T(
        "Erneuerbare Energie aus der Region und Wege, die Stadt und Land besser verbinden.",
        "Vedvarende energi fra regionen og forbindelser, der knytter by og land bedre sammen.",
        "Renewable energy from the region and routes that connect town and country better.",
    ),
    T(
        "Gute Versorgung für alle Generationen, auch dort, wo die nächste Praxis weit weg ist.",
        "God forsyning for alle generationer, også hvor der er langt til nærmeste læge.",
        "Good care for every generation, also where the nearest surgery is far away.",
    ),
    T(
        "Orte, an denen es sich gut leben und arbeiten lässt, mit Läden und Diensten in der Nähe.",
        "Steder, hvor det er godt at bo og arbejde, med butikker og service tæt på.",
        "Places that are good to live and work in, with shops and services close by.",
    ),
]


def smart_city_body(context):
    """The programme's story (formerly the ContentPage `smart-city`): selection, region, funding."""
    picture = demo_image("smart-city", "Smarte Grenzregion – Grafik", "border")
    body = [
        image_block(
            picture,
            T(
                "Abstrakte Grafik in Blau und Rot mit Wellen und weißen Segeln",
                "Abstrakt grafik i blåt og rødt med bølger og hvide sejl",
                "Abstract graphic in blue and red with waves and white sails",
            ),
        ),
        key_figures(
            T("Auf einen Blick", "Kort fortalt", "At a glance"),
            [
                (
                    T("28 von 94", "28 af 94", "28 of 94"),
                    T(
                        "Bewerbungen in der dritten Staffel ausgewählt",
                        "ansøgninger udvalgt i tredje runde",
                        "applications selected in the third round",
                    ),
                ),
                (
                    T("15.07.2021", "15.07.2021", "15 July 2021"),
                    T("Tag der Auswahl", "dato for udvælgelsen", "date of selection"),
                ),
                ("3", T("Partner im Verbundantrag", "partnere i den fælles ansøgning", "partners in the joint bid")),
            ],
        ),
        heading(T("Ausgewählt am 15. Juli 2021", "Udvalgt den 15. juli 2021", "Selected on 15 July 2021")),
        paragraph(
            T(
                "<p>Das Bundesministerium des Innern, für Bau und Heimat fördert seit 2019 Modellprojekte Smart Cities. "
                "In der dritten Staffel waren ausdrücklich auch Verbünde aus ländlichen Räumen aufgerufen. Der gemeinsame "
                "Antrag der Stadt Flensburg und der Kreise Schleswig-Flensburg und Nordfriesland wurde als einer von 28 aus "
                "94 ausgewählt.</p>"
                "<p>Die Modellkommunen sollen sich gemeinwohlorientiert und nachhaltig entwickeln – im Sinne der "
                "Leitlinien der Smart City Charta.</p>",
                "<p>Det tyske indenrigs-, bygge- og hjemstavnsministerium har siden 2019 støttet modelprojekter for smarte "
                "byer. I tredje runde var også sammenslutninger fra landdistrikter udtrykkeligt opfordret til at søge. Den "
                "fælles ansøgning fra Flensborg by og kredsene Slesvig-Flensborg og Nordfrisland blev udvalgt som én af 28 "
                "ud af 94.</p>"
                "<p>Modelkommunerne skal udvikle sig bæredygtigt og til gavn for fællesskabet – i tråd med "
                "retningslinjerne i Smart City-chartret.</p>",
                "<p>Since 2019 the Federal Ministry of the Interior, Building and Community has funded Smart City model "
                "projects. The third round explicitly invited joint projects from rural areas too. The joint bid of the "
                "City of Flensburg and the districts of Schleswig-Flensburg and Nordfriesland was selected as one of 28 out "
                "of 94.</p>"
                "<p>The model municipalities are to develop sustainably and for the common good – in line with the "
                "guidelines of the Smart City Charter.</p>",
            )
        ),
        heading(T("Eine Region, drei Partner", "Én region, tre partnere", "One region, three partners")),
        paragraph(
            T(
                "<p>Die Region liegt am Rand, zwischen Nord- und Ostsee, an einer Grenze mit unterschiedlichen Sprachen, "
                "Standards und Währungen. Der demografische Wandel trifft Stadt und Land gleichermaßen. Die dänischen "
                "Nachbarn nördlich der Grenze gehören ausdrücklich dazu.</p>"
                "<p>Das gemeinsame Dach bilden der Kulturraum der Grenzregion, die Daseinsvorsorge und das Zusammenspiel "
                "von Stadt und Land – mit den drei Schwerpunkten, die oben stehen.</p>",
                "<p>Regionen ligger i udkanten, mellem Vesterhavet og Østersøen, ved en grænse med forskellige sprog, "
                "standarder og valutaer. Den demografiske udvikling rammer både by og land. De danske naboer nord for "
                "grænsen er udtrykkeligt en del af regionen.</p>"
                "<p>Det fælles tag er grænseregionens kulturfællesskab, den offentlige service og samspillet mellem by og "
                "land – med de tre fokusområder ovenfor.</p>",
                "<p>The region lies on the edge, between the North Sea and the Baltic, on a border with different "
                "languages, standards and currencies. Demographic change affects town and country alike. Our Danish "
                "neighbours north of the border are explicitly included.</p>"
                "<p>The shared roof is the border region's common culture, public services of general interest and the "
                "interplay of town and country – with the three themes listed above.</p>",
            )
        ),
        heading(
            T(
                "Von der Digitalen Agenda zur Smart City",
                "Fra digital dagsorden til smart city",
                "From the Digital Agenda to Smart City",
            )
        ),
        paragraph(
            T(
                "<p>Ausgangspunkt der Bewerbung war die Arbeit an der Digitalen Agenda. Das Land fördert sie im Programm "
                "„Digitale Modellkommune SH“ von November 2020 bis Mitte 2022 mit 100.000 Euro.</p>"
                "<p>Die Bundesförderung für Smart Cities ist der nächste Schritt: Mit ihr können die Ideen aus der Agenda "
                "tatsächlich umgesetzt werden – gemeinsam mit starken Partnern aus allen Bereichen des Stadtlebens.</p>",
                "<p>Udgangspunktet for ansøgningen var arbejdet med den digitale dagsorden. Delstaten støtter det i "
                "programmet „Digitale Modellkommune SH“ med 100.000 euro fra november 2020 til midten af 2022.</p>"
                "<p>Forbundsstøtten til smarte byer er næste skridt: Med den kan idéerne fra dagsordenen føres ud i livet "
                "– sammen med stærke partnere fra alle dele af bylivet.</p>",
                "<p>The bid grew out of the work on the Digital Agenda, which the state programme “Digitale "
                "Modellkommune SH” funds with 100,000 euros from November 2020 to mid-2022.</p>"
                "<p>Federal Smart City funding is the next step: it allows the ideas from the agenda to be put into "
                "practice – together with strong partners from every part of city life.</p>",
            )
        ),
    ]
    contact = context.contacts.get("smart_city")
    if contact is not None:
        body.append(contact_person(contact, T("Ihr Kontakt", "Din kontaktperson", "Your contact")))
    return body


def build_smart_city_programme(context, funding, partners, index):
    news = list(
        NewsPage.objects.filter(locale__language_code="de", slug__in=["smart-city-ausgewaehlt"]).order_by("-date")
    )
    page = build_page_with_relations(
        context.home,
        SmartCityProgrammePage,
        T("smarte-grenzregion", "smart-graenseregion", "smart-border-region"),
        many_to_many={
            "partners": [
                partners["schleswig_flensburg"],
                partners["nordfriesland"],
                partners["sonderborg"],
                partners["aabenraa"],
            ],
            "funding": [funding["smart_cities"]],
        },
        title=T("Smarte Grenzregion", "Smart grænseregion", "Smart Border Region"),
        seo_title=T(
            "Smart City: Smarte Grenzregion zwischen den Meeren",
            "Smart City: Smart grænseregion mellem havene",
            "Smart City: Smart Border Region between the Seas",
        ),
        show_in_menus=True,
        intro=T(
            "Flensburg und die Kreise Schleswig-Flensburg und Nordfriesland sind Modellprojekt im Bundesprogramm "
            "„Smart Cities made in Germany“ – gemeinsam mit Partnern nördlich der Grenze.",
            "Flensborg og kredsene Slesvig-Flensborg og Nordfrisland er modelprojekt i forbundsprogrammet "
            "„Smart Cities made in Germany“ – sammen med partnere nord for grænsen.",
            "Flensburg and the districts of Schleswig-Flensburg and Nordfriesland are a model project of the federal "
            "programme “Smart Cities made in Germany”, together with partners north of the border.",
        ),
        themes=[
            {"type": "theme", "value": {"title": title, "description": text}}
            for title, text in zip(SMART_CITY_THEMES, SMART_CITY_THEME_TEXTS, strict=True)
        ],
        phases=[
            {
                "type": "phase",
                "value": {
                    "title": T("Strategiephase", "Strategifase", "Strategy phase"),
                    "start_date": "2021-07-15",
                    "end_date": None,
                    "description": T(
                        "Mit Akteuren aus allen Lebensbereichen entsteht eine gemeinsame Smart-Region-Strategie.",
                        "Sammen med aktører fra alle dele af samfundet udarbejdes en fælles smart region-strategi.",
                        "A shared Smart Region strategy is written with people from every part of regional life.",
                    ),
                },
            },
            {
                "type": "phase",
                "value": {
                    "title": T("Umsetzungsphase", "Gennemførelsesfase", "Implementation phase"),
                    "start_date": None,
                    "end_date": None,
                    "description": T(
                        "Die Projekte der Strategie werden in Stadt und Land umgesetzt.",
                        "Strategiens projekter gennemføres i by og på land.",
                        "The strategy's projects are carried out in town and country.",
                    ),
                },
            },
        ],
        body=smart_city_body(context),
        children={"news_links": [{"news_id": item.pk} for item in news]},
        project=context.pages.get("project:smart-city"),
    )
    context.pages["smarte-grenzregion"] = page
    return page


def service_catalog_body(context):
    """Why the OZG matters and "Einer für Alle" (formerly the ContentPage `ozg`)."""
    body = [
        heading(
            T(
                "Warum die Kommunen so wichtig sind",
                "Derfor er kommunerne så vigtige",
                "Why municipalities matter so much",
            )
        ),
        paragraph(
            T(
                "<p>In Deutschland setzen die rund 11.000 Kommunen einen Großteil der öffentlichen Leistungen um. Sie "
                "sind Bürgerinnen, Bürgern und Unternehmen am nächsten – und müssen deshalb auch die meisten "
                "OZG-Leistungen digital anbieten.</p>"
                "<p>Das Gesetz verpflichtete sie, dies bis Ende 2022 zu schaffen. Auch für Flensburg heißt das: Anträge "
                "sollen schneller, einfacher und nutzerfreundlicher werden.</p>",
                "<p>I Tyskland står de omkring 11.000 kommuner for en stor del af de offentlige ydelser. De er tættest "
                "på borgere og virksomheder – og skal derfor også tilbyde de fleste OZG-ydelser digitalt.</p>"
                "<p>Loven forpligtede dem til at nå det inden udgangen af 2022. Også for Flensborg betyder det: "
                "Ansøgninger skal blive hurtigere, enklere og mere brugervenlige.</p>",
                "<p>In Germany, around 11,000 municipalities deliver a large share of public services. They are closest "
                "to residents and businesses – and so they must also offer most OZG services digitally.</p>"
                "<p>The Act obliged them to do so by the end of 2022. For Flensburg, too, this means that applications "
                "should become faster, simpler and easier to use.</p>",
            )
        ),
        key_figures(
            T("Das OZG in Zahlen", "OZG i tal", "The OZG in figures"),
            [
                (
                    T("rund 11.000", "ca. 11.000", "around 11,000"),
                    T("Kommunen in Deutschland", "kommuner i Tyskland", "municipalities in Germany"),
                ),
                (
                    T("Ende 2022", "udgangen af 2022", "end of 2022"),
                    T("gesetzliche Frist", "lovbestemt frist", "statutory deadline"),
                ),
                ("1", T("Portal für alle Leistungen", "portal til alle ydelser", "portal for all services")),
            ],
        ),
        heading(T("„Einer für Alle“", "„Én for alle“", "“One for All”")),
        paragraph(
            T(
                "<p>Nicht jede Kommune muss jede Leistung selbst digitalisieren. Nach dem Prinzip „Einer für Alle“ "
                "entwickelt ein Land oder eine Kommune eine Lösung, und andere nutzen sie nach. Flensburg übernimmt "
                "solche Lösungen, wo immer es geht – in der Liste unten sind sie markiert.</p>"
                "<p>Die Stabsstelle E-Government und Digitalisierung koordiniert die OZG-Umsetzung der Stadt als Teil "
                "der Digitalen Agenda.</p>",
                "<p>Ikke hver kommune skal digitalisere hver ydelse selv. Efter princippet „Én for alle“ udvikler én "
                "delstat eller kommune en løsning, som andre så genbruger. Flensborg overtager sådanne løsninger, hvor "
                "det er muligt – de er markeret i listen nedenfor.</p>"
                "<p>Stabsfunktionen for e-forvaltning og digitalisering koordinerer kommunens OZG-arbejde som en del af "
                "den digitale dagsorden.</p>",
                "<p>Not every municipality has to digitise every service itself. Under the “One for All” principle, one "
                "state or municipality develops a solution and others reuse it. Flensburg adopts such solutions "
                "wherever it can – the list below marks them.</p>"
                "<p>The E-Government and Digitalisation Unit coordinates the city's OZG work as part of the Digital "
                "Agenda.</p>",
            )
        ),
    ]
    contact = context.contacts.get("cdo")
    if contact is not None:
        body.append(contact_person(contact, T("Ihr Kontakt", "Din kontaktperson", "Your contact")))
    return body


def build_service_catalog_page(context):
    page = build_page(
        context.home,
        ServiceCatalogPage,
        T("ozg-leistungen", "ozg-ydelser", "ozg-services"),
        title=T("Online-Leistungen nach dem OZG", "Onlineydelser efter OZG", "Online services under the OZG"),
        seo_title=T(
            "Onlinezugangsgesetz und „Einer für Alle“: Online-Leistungen der Stadt Flensburg",
            "Loven om onlineadgang og „Én for alle“: Flensborg Kommunes onlineydelser",
            "The Online Access Act and “One for All”: the City of Flensburg's online services",
        ),
        show_in_menus=True,
        intro=T(
            "Das Onlinezugangsgesetz (OZG) verpflichtet Bund, Länder und Kommunen, ihre Verwaltungsleistungen auch "
            "online anzubieten. Hier sehen Sie, welche Leistungen Sie schon online erledigen können.",
            "Loven om onlineadgang (OZG) forpligter forbund, delstater og kommuner til også at tilbyde deres ydelser "
            "online. Her kan du se, hvilke ydelser du allerede kan klare online.",
            "The Online Access Act (OZG) obliges the federal government, the states and municipalities to offer their "
            "administrative services online as well. Here you can see which services you can already use online.",
        ),
        body=service_catalog_body(context),
    )
    context.pages["ozg-leistungen"] = page
    return page
