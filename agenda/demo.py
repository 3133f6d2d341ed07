"""Demo content of the Digital Agenda: the agenda page, four topic fields, 28 measures in every
status with ratings and progress logs from 2021 to 2026, criteria and priority pins — in de/da/en.

Called by ``website.demo.load`` (``manage.py load_demo_content``); idempotent.
"""

import datetime
import hashlib

from django.utils import timezone

from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from website.demo import (
    T,
    get_home,
    split_languages,
    translate_page,
    translate_snippet,
    upsert_page,
    upsert_snippet,
)
from website.demo.api import publish

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

#: title, starts on, ends on, date label, description
PHASES = [
    (
        T("Bestands- und Bedarfsaufnahme", "Kortlægning af status og behov", "Stocktaking and needs assessment"),
        datetime.date(2020, 11, 1),
        datetime.date(2021, 6, 30),
        T("bis Mitte 2021", "indtil midten af 2021", "until mid-2021"),
        T(
            "Wir erfassen den Stand und ermitteln die digitalen Bedarfe jedes Themenfelds.",
            "Vi kortlægger status og finder de digitale behov på hvert temaområde.",
            "We record where things stand and identify the digital needs of every topic field.",
        ),
    ),
    (
        T("Projektansätze entwickeln", "Udvikling af projektidéer", "Developing project approaches"),
        datetime.date(2021, 7, 1),
        datetime.date(2021, 9, 30),
        T("bis Ende Q3 2021", "indtil udgangen af 3. kvartal 2021", "by the end of Q3 2021"),
        T(
            "Für jedes Themenfeld entstehen konkrete Ansätze für digitale Angebote.",
            "For hvert temaområde udvikles konkrete forslag til digitale tilbud.",
            "Concrete approaches for digital services are developed for every topic field.",
        ),
    ),
    (
        T("Beschluss der Digitalen Agenda", "Vedtagelse af den digitale dagsorden", "Adoption of the Digital Agenda"),
        datetime.date(2021, 10, 1),
        datetime.date(2021, 12, 31),
        T("Ende 2021 geplant", "planlagt ved udgangen af 2021", "planned for the end of 2021"),
        T(
            "Die Verabschiedung der Digitalen Agenda ist zum Jahresende geplant.",
            "Den digitale dagsorden planlægges vedtaget ved årets udgang.",
            "The Digital Agenda is due to be adopted at the end of the year.",
        ),
    ),
    (
        T("Mehrjährige Umsetzung", "Flerårig gennemførelse", "Multi-year implementation"),
        datetime.date(2022, 1, 1),
        None,
        T("ab 2022", "fra 2022", "from 2022"),
        T(
            "Das Arbeitsprogramm jedes Themenfelds wird über mehrere Jahre Schritt für Schritt umgesetzt.",
            "Arbejdsprogrammet for hvert temaområde gennemføres trin for trin over flere år.",
            "Each topic field's work programme is carried out step by step over several years.",
        ),
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
        2025,  # target passed: shown as overdue on the Progress page
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
        2025,  # target passed: shown as overdue
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
    agenda = context.pages.get("digitale-agenda")
    if not isinstance(agenda, AgendaPage):
        # Normally the site's demo builds the agenda with its full text (website.demo.content_programme).
        agenda = build_agenda_page(context, home, AGENDA_SLUG, title=AGENDA_TITLE, show_in_menus=True)
    fields = {}
    for slug, (title, intro, contact_key) in FIELDS.items():
        contact = context.contacts.get(contact_key) if context.contacts else None
        page = _build_topic_field(agenda, slug, title, intro, contact)
        create_topic_sponsor_group(page)
        fields[slug] = page
    for row in MEASURES:
        _build_measure(fields, criteria, *row)
    context.log(f"  agenda: {len(fields)} topic fields, {len(MEASURES)} measures")
    context.pages["agenda"] = agenda


AGENDA_SLUG = T("digitale-agenda", "digital-dagsorden", "digital-agenda")
AGENDA_TITLE = T("Digitale Agenda", "Digital dagsorden", "Digital Agenda")


def build_site_agenda_page(context, parent, **fields):
    """The agenda page with the site's text: the "agenda_page" builder of ``website.demo_registry``."""
    fields.setdefault("title", AGENDA_TITLE)
    return build_agenda_page(context, parent, AGENDA_SLUG, **fields)


def build_agenda_page(context, parent, slug, **fields):
    """THE "Digitale Agenda" page at ``slug``: its text (``fields``, with ``T`` texts), phases, translations.

    Replaces what older demo runs left behind, so that a second run changes nothing: a page of
    another type at ``slug`` (the former ContentPage "Digitale Agenda") is deleted in every
    language, and an AgendaPage at another slug (formerly ``themenfelder-und-massnahmen``) is
    moved to ``slug`` with its topic fields and measures.
    """
    german_fields, translations = split_languages(fields)
    german_slug = slug.de
    for code in translations:
        translations[code][german_slug] = slug.get(code)
    _make_way_for_agenda(parent, german_slug)
    page, changed = upsert_page(parent, AgendaPage, german_slug, **german_fields)
    if not page.phases.exists():
        page = AgendaPage.objects.get(pk=page.pk)
        for order, (title, starts_on, ends_on, label, description) in enumerate(PHASES):
            page.phases.add(
                AgendaPhase(
                    title=title.de,
                    description=description.de,
                    starts_on=starts_on,
                    ends_on=ends_on,
                    date_label=label.de,
                    sort_order=order,
                )
            )
        publish(page)
        changed = True
    for phase_texts in PHASES:
        split_languages([text for text in phase_texts if isinstance(text, T)], translations)
    translate_page(page, translations, changed=changed)
    context.pages["digitale-agenda"] = page
    return page


def _make_way_for_agenda(parent, slug):
    occupant = Page.objects.child_of(parent).filter(slug=slug).first()
    if occupant is not None and occupant.specific_class is not AgendaPage:
        agenda = AgendaPage.objects.child_of(parent).first()
        if agenda is not None:  # take the old page's place in the menus of every language
            for translation in Page.objects.filter(translation_key=agenda.translation_key):
                spot = Page.objects.filter(
                    translation_key=occupant.translation_key, locale_id=translation.locale_id
                ).first()
                if spot is not None and spot.path[: -Page.steplen] == translation.path[: -Page.steplen]:
                    translation.move(spot, pos="left")
        for page in Page.objects.filter(translation_key=occupant.translation_key).order_by("-depth"):
            TranslationSource.objects.filter(object_id=page.translation_key).delete()
            page.delete()
    if not AgendaPage.objects.child_of(parent).filter(slug=slug).exists():
        moved = AgendaPage.objects.child_of(parent).first()
        if moved is not None:
            moved.slug = slug
            publish(moved)


# The topic fields' URL slugs in da/en (German slugs are the keys of FIELDS).
FIELD_SLUGS = {
    "energie-mobilitaet": T("energie-mobilitaet", "energi-mobilitet", "energy-mobility"),
    "gesundheit": T("gesundheit", "sundhed", "health"),
    "wohnen-arbeiten": T("wohnen-arbeiten", "bolig-arbejde", "living-working"),
    "verwaltung": T("verwaltung", "forvaltning", "administration"),
}


def _build_topic_field(agenda, slug, title, intro, contact):
    """One topic field with its sponsor, translated once (so the sponsor never overwrites a translation)."""
    german_fields, translations = split_languages(
        {
            "title": title,
            "intro": intro,
            "description": T(
                "<p>In diesem Themenfeld bündeln wir Vorhaben, die den Alltag in Flensburg spürbar erleichtern.</p>",
                "<p>Her samler vi projekter, der gør hverdagen i Flensborg mærkbart lettere.</p>",
                "<p>This topic field brings together projects that make everyday life in Flensburg easier.</p>",
            ),
            "long_term_goals": T(
                "<p>Eine lebenswerte, klimafreundliche und digital gut erreichbare Stadt für alle Generationen.</p>",
                "<p>En levedygtig, klimavenlig og digitalt tilgængelig by for alle generationer.</p>",
                "<p>A liveable, climate-friendly and digitally accessible city for all generations.</p>",
            ),
        }
    )
    local_slug = FIELD_SLUGS.get(slug, T(slug, slug, slug))
    for code in translations:
        translations[code][slug] = local_slug.get(code)
    page, changed = upsert_page(agenda, TopicFieldPage, slug, **german_fields)
    if contact is not None and not page.sponsors.exists():
        page = TopicFieldPage.objects.get(pk=page.pk)
        page.sponsors.add(TopicFieldSponsor(contact=contact))
        publish(page)
        changed = True
    translate_page(page, translations, changed=changed)
    return page


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


RESPONSIBLE_UNIT = T(
    "Stabsstelle E-Government und Digitalisierung",
    "Stabsfunktionen for e-forvaltning og digitalisering",
    "E-Government and Digitalisation Unit",
)
BENEFIT = T(
    "Weniger Wartezeit, weniger Papier und ein Angebot rund um die Uhr.",
    "Kortere ventetid, mindre papir og et tilbud døgnet rundt.",
    "Less waiting, less paper and a service available around the clock.",
)


def _measure_texts(titles, field_title):
    """Intro, problem and solution idea of a demo measure in de/da/en, built from its title."""
    de, da, en = titles
    return {
        "intro": T(
            f"Ein Vorhaben im Themenfeld „{field_title.de}“.",
            f"Et tiltag inden for temaområdet »{field_title.da}«.",
            f"A measure in the topic field “{field_title.en}”.",
        ),
        "problem": T(
            f"Heute kostet das Anliegen „{de}“ Zeit und Wege; viele wünschen sich eine digitale Lösung.",
            f"I dag koster »{da}« tid og besvær; mange ønsker sig en digital løsning.",
            f"Today, “{en}” costs time and trips; many people would like a digital solution.",
        ),
        "solution_idea": T(
            f"Eine einfache, barrierefreie Lösung für „{de}“, die auch auf dem Smartphone läuft.",
            f"En enkel og tilgængelig løsning til »{da}«, som også fungerer på smartphonen.",
            f"A simple, accessible solution for “{en}” that also works on a smartphone.",
        ),
        "expected_benefit": BENEFIT,
    }


def _build_measure(fields, criteria, field_key, slug, titles, status, percent, start, target, tags, pin):
    parent = fields[field_key]
    seed = _digest(slug)
    values = {
        "title": T(*titles),
        **_measure_texts(titles, FIELDS[field_key][0]),
        "responsible_unit": RESPONSIBLE_UNIT,
        "status": status,
        "status_reason": REASONS.get(status, ""),
        "percent_done": percent,
        "start_date": datetime.date(start, 1 + seed % 12, 1) if start else None,
        "target_date": datetime.date(target, 12, 31) if target else None,
        "end_date": datetime.date(target, 6 + seed % 6, 15) if status == S.IMPLEMENTED and target else None,
        "cost_estimate": 5000 * (1 + seed % 40),
        "effort": ["small", "medium", "large"][seed % 3],
        "priority_class": pin,
        "priority_reason": PIN_REASON if pin else "",
    }
    german_values, strings = split_languages(values)
    split_languages(slug, strings)
    page, changed = upsert_page(parent, MeasurePage, slug, **german_values)
    if sorted(page.tag_names) != sorted(tags):
        page.tags.set(tags)
        publish(page)
        changed = True
    translate_page(page, strings, changed=changed)
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
    if status in (S.IN_PROGRESS, S.PLANNED):
        # A recent update, so that the Progress page's "recently changed" list is not empty.
        when = last - datetime.timedelta(days=2 + _digest(page.slug, "recent") % 20)
        MeasureProgressUpdate.objects.create(
            measure=page,
            status=status,
            percent_done=percent,
            changed_at=timezone.make_aware(datetime.datetime.combine(when, datetime.time(9, 30))),
            note="Stand im Lenkungskreis besprochen.",
        )
