"""Demo content of the Digital Agenda: the agenda page, four topic fields, 28 measures in every
status with ratings and progress logs from 2021 to 2026, criteria and priority pins — in de/da/en.

Called by ``website.demo.load`` (``manage.py load_demo_content``); idempotent.
"""

import datetime
import hashlib

from django.utils import timezone

from website.demo import (
    T,
    build_page,
    get_home,
    paragraph,
    translate_page,
    translate_snippet,
    upsert_page,
    upsert_snippet,
)

from .models import (
    AgendaPage,
    AgendaPhase,
    MeasurePage,
    MeasureProgressUpdate,
    MeasureRating,
    MeasureStatus,
    PrioritisationCriterion,
    TopicFieldPage,
    TopicFieldSponsor,
)
from .roles import create_topic_sponsor_group, ensure_roles

S = MeasureStatus
PATH = [S.PROPOSED, S.ASSESSED, S.PRIORITISED, S.PLANNED, S.IN_PROGRESS, S.IMPLEMENTED]

CRITERIA = [
    (T("Nutzen für die Menschen", "Nytte for borgerne", "Benefit to residents"), 3),
    (T("Umsetzbarkeit", "Gennemførlighed", "Feasibility"), 2),
    (T("Kosten und Aufwand", "Omkostninger og indsats", "Cost and effort"), 1),
    (T("Beitrag zu langfristigen Zielen", "Bidrag til langsigtede mål", "Contribution to long-term goals"), 2),
    (T("Günstige Bedingungen für einen schnellen Erfolg", "Gode betingelser for hurtig succes", "Quick win"), 1),
]

PHASES = [
    (
        T("Bestands- und Bedarfsaufnahme", "Kortlægning af status og behov", "Stocktaking and needs assessment"),
        datetime.date(2020, 11, 1),
        datetime.date(2021, 6, 30),
        T("bis Mitte 2021", "indtil midten af 2021", "until mid-2021"),
    ),
    (
        T("Projektansätze entwickeln", "Udvikling af projektidéer", "Developing project approaches"),
        datetime.date(2021, 7, 1),
        datetime.date(2021, 9, 30),
        T("bis Ende Q3 2021", "indtil udgangen af 3. kvartal 2021", "by the end of Q3 2021"),
    ),
    (
        T("Beschluss der Digitalen Agenda", "Vedtagelse af den digitale dagsorden", "Adoption of the Digital Agenda"),
        datetime.date(2021, 10, 1),
        datetime.date(2021, 12, 31),
        T("Ende 2021 geplant", "planlagt ved udgangen af 2021", "planned for the end of 2021"),
    ),
    (
        T("Mehrjährige Umsetzung", "Flerårig gennemførelse", "Multi-year implementation"),
        datetime.date(2022, 1, 1),
        None,
        T("ab 2022", "fra 2022", "from 2022"),
    ),
]

FIELDS = {
    "energie-mobilitaet": (
        T(
            "Grüne Energie und vernetzte Mobilität",
            "Grøn energi og forbundet mobilitet",
            "Green energy and connected mobility",
        ),
        T(
            "Klimafreundlich unterwegs und mit erneuerbarer Energie versorgt.",
            "Klimavenlig transport og vedvarende energi.",
            "Climate-friendly travel and renewable energy.",
        ),
        "smart_city",
    ),
    "gesundheit": (
        T("Gesundheit in allen Lebensphasen", "Sundhed i alle livets faser", "Health in all stages of life"),
        T(
            "Gute Versorgung – auch für ältere Menschen und auf dem Land.",
            "God pleje – også for ældre og i landdistrikter.",
            "Good care – also for older people and in rural areas.",
        ),
        "smart_city",
    ),
    "wohnen-arbeiten": (
        T(
            "Wohnen, Arbeiten und Nahversorgung der Zukunft",
            "Fremtidens bolig, arbejde og nærforsyning",
            "Living, working and local supply of the future",
        ),
        T(
            "Lebendige Quartiere mit kurzen Wegen.",
            "Levende kvarterer med korte afstande.",
            "Lively neighbourhoods with short distances.",
        ),
        "smart_city",
    ),
    "verwaltung": (
        T("Verwaltung und Bürgerservice", "Forvaltning og borgerservice", "Administration and citizen services"),
        T(
            "Behördengänge einfach online erledigen.",
            "Klar ærinder hos kommunen online.",
            "Dealing with the administration online, simply.",
        ),
        "agenda",
    ),
}

# field, slug, (de, da, en) title, status, percent, start year, target year, tags, pin
MEASURES = [
    (
        "verwaltung",
        "digitale-terminvergabe",
        (
            "Digitale Terminvergabe im Bürgerbüro",
            "Digital tidsbestilling i borgerservice",
            "Online appointments at the citizens' office",
        ),
        S.IMPLEMENTED,
        100,
        2021,
        2022,
        ["Bürgerbüro", "OZG"],
        "",
    ),
    (
        "verwaltung",
        "chatbot-auskunft",
        (
            "Chatbot für Verwaltungsauskünfte",
            "Chatbot til kommunale oplysninger",
            "Chatbot for administrative information",
        ),
        S.IMPLEMENTED,
        100,
        2021,
        2023,
        ["Chatbot"],
        "",
    ),
    (
        "verwaltung",
        "online-antraege",
        ("Anträge vollständig online stellen", "Ansøgninger helt online", "Fully online applications"),
        S.IN_PROGRESS,
        60,
        2022,
        2026,
        ["OZG", "Bürgerportal"],
        "A",
    ),
    (
        "verwaltung",
        "e-akte",
        (
            "Elektronische Akte in allen Fachbereichen",
            "Elektronisk sagsmappe i alle afdelinger",
            "Electronic files in all departments",
        ),
        S.IN_PROGRESS,
        35,
        2023,
        2027,
        ["Verwaltung"],
        "",
    ),
    (
        "verwaltung",
        "digitale-bezahlung",
        ("Gebühren online bezahlen", "Betal gebyrer online", "Paying fees online"),
        S.PLANNED,
        10,
        2025,
        2026,
        ["Bürgerportal"],
        "",
    ),
    (
        "verwaltung",
        "leichte-sprache",
        (
            "Verwaltungsinfos in Leichter Sprache",
            "Kommunal information i let sprog",
            "Administrative information in plain language",
        ),
        S.PRIORITISED,
        0,
        None,
        2027,
        ["Barrierefreiheit"],
        "",
    ),
    (
        "verwaltung",
        "fax-abschaffen",
        ("Faxgeräte vollständig abschaffen", "Afskaf fax helt", "Abolishing fax machines"),
        S.REJECTED,
        0,
        None,
        None,
        ["Verwaltung"],
        "",
    ),
    (
        "energie-mobilitaet",
        "ladesaeulenkarte",
        ("Ladesäulenkarte für E-Autos", "Kort over ladestandere", "Charging station map"),
        S.IMPLEMENTED,
        100,
        2021,
        2022,
        ["Mobilität", "Open Data"],
        "",
    ),
    (
        "energie-mobilitaet",
        "mobilitaets-app",
        (
            "Mobilitäts-App für Bus, Rad und Fähre",
            "Mobilitetsapp for bus, cykel og færge",
            "Mobility app for bus, bike and ferry",
        ),
        S.IN_PROGRESS,
        45,
        2023,
        2026,
        ["Mobilität", "Grenzregion"],
        "B",
    ),
    (
        "energie-mobilitaet",
        "parkleitsystem",
        ("Digitales Parkleitsystem", "Digitalt parkeringshenvisningssystem", "Digital parking guidance"),
        S.PLANNED,
        5,
        2025,
        2027,
        ["Mobilität"],
        "",
    ),
    (
        "energie-mobilitaet",
        "energiemonitoring",
        (
            "Energiemonitoring städtischer Gebäude",
            "Energiovervågning af kommunale bygninger",
            "Energy monitoring of municipal buildings",
        ),
        S.ASSESSED,
        0,
        None,
        None,
        ["Klima", "Sensorik"],
        "",
    ),
    (
        "energie-mobilitaet",
        "radverkehrszaehlung",
        ("Automatische Radverkehrszählung", "Automatisk cykeltælling", "Automatic cycle counting"),
        S.PROPOSED,
        0,
        None,
        None,
        ["Mobilität", "Open Data"],
        "",
    ),
    (
        "energie-mobilitaet",
        "e-scooter-zonen",
        (
            "Digitale Abstellzonen für E-Scooter",
            "Digitale parkeringszoner for elløbehjul",
            "Digital parking zones for e-scooters",
        ),
        S.DEFERRED,
        0,
        None,
        None,
        ["Mobilität"],
        "",
    ),
    (
        "gesundheit",
        "telemedizin",
        (
            "Telemedizin-Sprechstunde für ältere Menschen",
            "Telemedicinsk konsultation for ældre",
            "Telemedicine consultations for older people",
        ),
        S.IN_PROGRESS,
        50,
        2023,
        2026,
        ["Gesundheit", "Senioren"],
        "A",
    ),
    (
        "gesundheit",
        "pflegeplatzboerse",
        (
            "Online-Börse für freie Pflegeplätze",
            "Onlinebørs for ledige plejepladser",
            "Online exchange for free care places",
        ),
        S.PLANNED,
        15,
        2025,
        2026,
        ["Pflege"],
        "",
    ),
    (
        "gesundheit",
        "digitale-sprechstunde",
        (
            "Digitale Sprechstunde des Gesundheitsamts",
            "Digital konsultation i sundhedsforvaltningen",
            "Online consultation hours of the health office",
        ),
        S.IMPLEMENTED,
        100,
        2021,
        2022,
        ["Gesundheit"],
        "",
    ),
    (
        "gesundheit",
        "senioren-tablet",
        ("Tablet-Kurse für Seniorinnen und Senioren", "Tabletkurser for seniorer", "Tablet courses for older people"),
        S.PRIORITISED,
        0,
        None,
        2026,
        ["Senioren", "Teilhabe"],
        "",
    ),
    (
        "gesundheit",
        "notfall-app",
        (
            "Ersthelfer-App für Herznotfälle",
            "App til førstehjælpere ved hjertestop",
            "First responder app for cardiac emergencies",
        ),
        S.ASSESSED,
        0,
        None,
        None,
        ["Gesundheit"],
        "",
    ),
    (
        "gesundheit",
        "sportstaetten-buchung",
        ("Sportstätten online buchen", "Book sportsfaciliteter online", "Booking sports facilities online"),
        S.PROPOSED,
        0,
        None,
        None,
        ["Sport"],
        "",
    ),
    (
        "gesundheit",
        "gesundheitskiosk",
        (
            "Digitaler Gesundheitskiosk im Quartier",
            "Digital sundhedskiosk i kvarteret",
            "Digital health kiosk in the neighbourhood",
        ),
        S.DEFERRED,
        0,
        None,
        None,
        ["Gesundheit", "Quartier"],
        "",
    ),
    (
        "wohnen-arbeiten",
        "offenes-wlan",
        ("Offenes WLAN in der Innenstadt", "Åbent wifi i bymidten", "Free Wi-Fi in the city centre"),
        S.IMPLEMENTED,
        100,
        2021,
        2022,
        ["Infrastruktur"],
        "",
    ),
    (
        "wohnen-arbeiten",
        "coworking",
        ("Coworking-Räume in den Stadtteilen", "Coworking-lokaler i bydelene", "Coworking spaces in the districts"),
        S.IN_PROGRESS,
        30,
        2024,
        2026,
        ["Arbeiten", "Quartier"],
        "",
    ),
    (
        "wohnen-arbeiten",
        "lokaler-marktplatz",
        (
            "Online-Marktplatz für den lokalen Handel",
            "Onlinemarkedsplads for lokal handel",
            "Online marketplace for local shops",
        ),
        S.PLANNED,
        0,
        2025,
        2027,
        ["Handel"],
        "B",
    ),
    (
        "wohnen-arbeiten",
        "leerstandsmelder",
        (
            "Leerstandsmelder für Ladenflächen",
            "Oversigt over tomme butikslokaler",
            "Vacancy register for shop premises",
        ),
        S.PRIORITISED,
        0,
        None,
        None,
        ["Handel", "Open Data"],
        "",
    ),
    (
        "wohnen-arbeiten",
        "bauantrag-digital",
        ("Digitaler Bauantrag", "Digital byggeansøgning", "Digital building permit application"),
        S.ASSESSED,
        0,
        None,
        None,
        ["OZG", "Bauen"],
        "",
    ),
    (
        "wohnen-arbeiten",
        "smarte-muelltonnen",
        (
            "Füllstandssensoren für Müllbehälter",
            "Fyldningssensorer i affaldsbeholdere",
            "Fill-level sensors for litter bins",
        ),
        S.PROPOSED,
        0,
        None,
        None,
        ["Sensorik"],
        "C",
    ),
    (
        "wohnen-arbeiten",
        "wohnungsboerse",
        ("Städtische Wohnungsbörse", "Kommunal boligbørs", "Municipal housing exchange"),
        S.REJECTED,
        0,
        None,
        None,
        ["Wohnen"],
        "",
    ),
    (
        "wohnen-arbeiten",
        "glasfaser-karte",
        ("Karte des Glasfaserausbaus", "Kort over fiberudbygningen", "Fibre roll-out map"),
        S.PROPOSED,
        0,
        None,
        None,
        ["Infrastruktur"],
        "",
    ),
]

REASONS = {
    S.REJECTED: T(
        "Die Prüfung ergab, dass eine bestehende Landeslösung den Bedarf bereits deckt.",
        "Vurderingen viste, at en eksisterende delstatsløsning allerede dækker behovet.",
        "The assessment showed that an existing state solution already meets the need.",
    ),
    S.DEFERRED: T(
        "Zurückgestellt, bis die Förderung und die Personalplanung für 2027 feststehen.",
        "Udsat, indtil finansiering og bemanding for 2027 er på plads.",
        "Deferred until funding and staffing for 2027 are settled.",
    ),
}
PIN_REASON = T(
    "Förderfrist und Beschluss des Hauptausschusses.",
    "Frist for tilskud og beslutning i hovedudvalget.",
    "Funding deadline and decision of the main committee.",
)


def _digest(*parts):
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest(), 16)


def load(context):
    ensure_roles()
    home = context.home or get_home("de")
    criteria = [_build_criterion(index, name, weight) for index, (name, weight) in enumerate(CRITERIA)]
    agenda = build_page(
        home,
        AgendaPage,
        T("themenfelder-und-massnahmen", "temaomraader-og-tiltag", "topic-fields-and-measures"),
        title=T("Themenfelder und Maßnahmen", "Temaområder og tiltag", "Topic fields and measures"),
        intro=T(
            "Das Arbeitsprogramm der Digitalen Agenda: was wir in welchem Themenfeld umsetzen und wie weit wir sind.",
            "Arbejdsprogrammet for den digitale dagsorden: hvad vi gennemfører på hvert område, og hvor langt vi er.",
            "The work programme of the Digital Agenda: what we implement in each topic field and how far we have got.",
        ),
        body=[
            paragraph(
                T(
                    "<p>Jede Maßnahme geht auf einen Bedarf zurück und wird nach festen Kriterien bewertet. "
                    "So entsteht eine Rangfolge, die der Rat und alle Interessierten nachvollziehen können.</p>",
                    "<p>Hvert tiltag udspringer af et behov og vurderes efter faste kriterier. "
                    "Det giver en rækkefølge, som byrådet og alle interesserede kan følge.</p>",
                    "<p>Every measure responds to a need and is rated on fixed criteria. "
                    "This gives a ranking that the council and anyone interested can follow.</p>",
                )
            )
        ],
    )
    if not agenda.phases.exists():
        _add_phases(agenda)
    fields = {}
    for slug, (title, intro, contact_key) in FIELDS.items():
        page = build_page(
            agenda,
            TopicFieldPage,
            slug,
            title=title,
            intro=intro,
            description=T(
                "<p>In diesem Themenfeld bündeln wir Vorhaben, die den Alltag in Flensburg spürbar erleichtern.</p>",
                "<p>Her samler vi projekter, der gør hverdagen i Flensborg mærkbart lettere.</p>",
                "<p>This topic field brings together projects that make everyday life in Flensburg easier.</p>",
            ),
            long_term_goals=T(
                "<p>Eine lebenswerte, klimafreundliche und digital gut erreichbare Stadt für alle Generationen.</p>",
                "<p>En levedygtig, klimavenlig og digitalt tilgængelig by for alle generationer.</p>",
                "<p>A liveable, climate-friendly and digitally accessible city for all generations.</p>",
            ),
        )
        contact = context.contacts.get(contact_key) if context.contacts else None
        if contact is not None and not page.sponsors.exists():
            page.sponsors.add(TopicFieldSponsor(contact=contact))
            page.save_revision().publish()
            translate_page(page, {"da": {}, "en": {}}, changed=True, fallback=True)
        create_topic_sponsor_group(page)
        fields[slug] = page
    for row in MEASURES:
        _build_measure(fields, criteria, *row)
    context.log(f"  agenda: {len(fields)} topic fields, {len(MEASURES)} measures")
    context.pages["agenda"] = agenda


def _build_criterion(index, name, weight):
    description = T(
        "Bewertet von 0 (trifft nicht zu) bis 5 (trifft voll zu).",
        "Vurderes fra 0 (passer ikke) til 5 (passer helt).",
        "Rated from 0 (does not apply) to 5 (fully applies).",
    )
    criterion, changed = upsert_snippet(
        PrioritisationCriterion, {"name": name.de}, description=description.de, weight=weight, sort_order=index
    )
    strings = {code: {name.de: name.get(code), description.de: description.get(code)} for code in ("da", "en")}
    translate_snippet(criterion, strings, changed=changed)
    return criterion


def _add_phases(agenda):
    agenda = AgendaPage.objects.get(pk=agenda.pk)
    for order, (title, starts_on, ends_on, label) in enumerate(PHASES):
        agenda.phases.add(
            AgendaPhase(title=title.de, starts_on=starts_on, ends_on=ends_on, date_label=label.de, sort_order=order)
        )
    agenda.save_revision().publish()
    strings = {"da": {}, "en": {}}
    for title, _s, _e, label in PHASES:
        for text in (title, label):
            strings["da"][text.de] = text.da
            strings["en"][text.de] = text.en
    translate_page(agenda, strings, changed=True, fallback=True)


def _build_measure(fields, criteria, field_key, slug, titles, status, percent, start, target, tags, pin):
    de, da, en = titles
    parent = fields[field_key]
    seed = _digest(slug)
    values = {
        "title": de,
        "intro": f"{de}: ein Vorhaben im Themenfeld „{parent.title}“.",
        "problem": f"Heute kostet das Anliegen „{de}“ Zeit und Wege; viele wünschen sich eine digitale Lösung.",
        "solution_idea": f"Eine einfache, barrierefreie Lösung für „{de}“, die auch auf dem Smartphone läuft.",
        "expected_benefit": "Weniger Wartezeit, weniger Papier und ein Angebot rund um die Uhr.",
        "responsible_unit": "Stabsstelle E-Government und Digitalisierung",
        "status": status,
        "status_reason": REASONS[status].de if status in REASONS else "",
        "percent_done": percent,
        "start_date": datetime.date(start, 1 + seed % 12, 1) if start else None,
        "target_date": datetime.date(target, 12, 31) if target else None,
        "end_date": datetime.date(target, 6 + seed % 6, 15) if status == S.IMPLEMENTED and target else None,
        "cost_estimate": 5000 * (1 + seed % 40),
        "effort": ["small", "medium", "large"][seed % 3],
        "priority_class": pin,
        "priority_reason": PIN_REASON.de if pin else "",
    }
    page, changed = upsert_page(parent, MeasurePage, slug, **values)
    if sorted(page.tag_names) != sorted(tags):
        page.tags.set(tags)
        page.save_revision().publish()
        changed = True
    strings = {"da": {de: da}, "en": {de: en}}
    if status in REASONS:
        strings["da"][REASONS[status].de] = REASONS[status].da
        strings["en"][REASONS[status].de] = REASONS[status].en
    if pin:
        strings["da"][PIN_REASON.de] = PIN_REASON.da
        strings["en"][PIN_REASON.de] = PIN_REASON.en
    translate_page(page, strings, changed=changed, fallback=True)
    for index, criterion in enumerate(criteria):
        value = _digest(slug, str(index)) % 6
        MeasureRating.objects.update_or_create(measure=page, criterion=criterion, defaults={"value": value})
    _build_log(page, status, percent, start)


def _build_log(page, status, percent, start):
    """A plausible history 2021–2026, written once (the publish signal wrote one entry)."""
    log = MeasureProgressUpdate.objects.filter(measure=page)
    if log.count() > 1:
        return
    log.delete()
    steps = PATH[: PATH.index(status) + 1] if status in PATH else [S.PROPOSED, S.ASSESSED, status]
    moment = datetime.date(2021, 3, 1) + datetime.timedelta(days=_digest(page.slug) % 200)
    last = timezone.localdate()
    gap = max(30, (last - moment).days // (len(steps) + 1))
    for number, step in enumerate(steps):
        step_percent = 0
        if step == S.IN_PROGRESS:
            step_percent = max(5, percent // 2) if status != S.IN_PROGRESS else percent
        elif step == S.IMPLEMENTED:
            step_percent = 100
        when = min(moment + datetime.timedelta(days=gap * number), last)
        MeasureProgressUpdate.objects.create(
            measure=page,
            status=step,
            percent_done=step_percent if step != status else percent,
            changed_at=timezone.make_aware(datetime.datetime.combine(when, datetime.time(10, 0))),
            note="" if number else "Aus der Bedarfsaufnahme übernommen.",
        )
