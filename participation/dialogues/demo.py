# ruff: noqa: E501 - demo data: one idea or translation per line reads better than wrapped strings
"""Demo content of the city dialogues, called from `participation.demo.load`.

Two dialogues under the agenda page: one closed and evaluated (2025, administration and
housing/work), one collecting ideas now (mobility/energy and health), with dates relative
to today. 64 ideas in every status, written by the demo citizens in their own language
(mostly German, some Danish, one English), with comments, supports, official answers and
links to the agenda's measures, and two events. Editorial text is German with Danish and
English translations (wagtail-localize); citizens' text is never translated.

Idempotent: ideas are found again by dialogue and title; supports, comments and links are
only added when missing.
"""

import datetime
import hashlib

from django.utils import timezone

from accounts import demo as accounts_demo
from accounts.models import ParticipatingOrganisation
from agenda.models import MeasurePage, TopicFieldPage
from participation.models import (
    CityDialoguePage,
    Comment,
    DialogueEvent,
    Idea,
    IdeaStatus,
    Support,
)
from website.demo import T, build_page, merge_translations, split_languages, translate_page

S = IdeaStatus

# (title, text, topic field slug, status) — closed dialogue, topic fields "verwaltung" and "wohnen-arbeiten".
CLOSED_IDEAS = [
    (
        "Anwohnerparkausweis online verlängern",
        "Jedes Jahr muss ich für die Verlängerung ins Rathaus. Das ginge **online** in zwei Minuten.",
        "verwaltung",
        S.ACCEPTED,
    ),
    (
        "Termine im Bürgerbüro per App",
        "Eine App, in der man freie Termine sieht und sofort bucht – auch am Wochenende.",
        "verwaltung",
        S.ACCEPTED,
    ),
    (
        "Online-Terminbuchung für alle Ämter",
        "Nicht nur das Bürgerbüro, auch Standesamt und Ausländerbehörde sollten Online-Termine anbieten.",
        "verwaltung",
        S.MERGED,
    ),
    (
        "Formulare in Leichter Sprache",
        "Viele Formulare verstehe ich nicht. Bitte auch in *Leichter Sprache* anbieten.",
        "verwaltung",
        S.ACCEPTED,
    ),
    (
        "Bescheide als PDF ins Postfach",
        "Statt Papierpost lieber ein sicheres Postfach im Bürgerportal mit allen Bescheiden.",
        "verwaltung",
        S.IMPLEMENTED,
    ),
    (
        "Hundesteuer online anmelden",
        "Die Anmeldung des Hundes ging bei mir nur per Papierformular. Das ist nicht mehr zeitgemäß.",
        "verwaltung",
        S.IMPLEMENTED,
    ),
    (
        "Chatbot für einfache Fragen",
        "Öffnungszeiten, Zuständigkeiten, benötigte Unterlagen: das könnte ein Chatbot rund um die Uhr beantworten.",
        "verwaltung",
        S.ACCEPTED,
    ),
    (
        "Digitale Selbstbedienung im Rathausfoyer",
        "Ein Terminal im Foyer, an dem man Anträge mit Hilfe ausfüllen kann.",
        "verwaltung",
        S.NOT_PURSUED,
    ),
    (
        "Vejledning på dansk",
        "Mange i Flensborg taler dansk. Det ville være godt, hvis de vigtigste tjenester også fandtes på dansk.",
        "verwaltung",
        S.ACCEPTED,
    ),
    (
        "Bearbeitungsstand von Anträgen sehen",
        "Wie bei einer Paketsendung: sehen, wo mein Antrag gerade liegt.",
        "verwaltung",
        S.ACCEPTED,
    ),
    (
        "Status meines Antrags online abrufen",
        "Ich möchte nachsehen können, ob mein Antrag schon bearbeitet wird.",
        "verwaltung",
        S.MERGED,
    ),
    (
        "Kostenloses WLAN in allen Bürgerbüros",
        "Beim Warten wäre WLAN praktisch, auch um Unterlagen vom Handy zu zeigen.",
        "verwaltung",
        S.IMPLEMENTED,
    ),
    (
        "Gebühren mit Karte und online zahlen",
        "Überall mit Karte oder online bezahlen, nicht nur bar an der Kasse.",
        "verwaltung",
        S.IMPLEMENTED,
    ),
    (
        "Abschaffung aller Papieranträge",
        "Ab sofort nur noch digitale Anträge, Papier kostet zu viel.",
        "verwaltung",
        S.NOT_PURSUED,
    ),
    (
        "Videoberatung für ältere Menschen",
        "Eine Beratung per Video, bei der man Hilfe beim Ausfüllen bekommt – mit Einweisung in der Bücherei.",
        "verwaltung",
        S.UNDER_REVIEW,
    ),
    (
        "Open Data zu Baustellen",
        "Alle Baustellen der Stadt als offene Daten, damit Apps und Navigationsdienste sie nutzen können.",
        "verwaltung",
        S.ACCEPTED,
    ),
    (
        "Digitaler Bauantrag",
        "Bauanträge mit allen Plänen digital einreichen statt in fünffacher Ausfertigung.",
        "wohnen-arbeiten",
        S.ACCEPTED,
    ),
    (
        "Freie Gewerbeflächen auf einer Karte",
        "Wer in Flensburg gründen will, sollte freie Flächen und Büros auf einer Karte finden.",
        "wohnen-arbeiten",
        S.UNDER_REVIEW,
    ),
    (
        "Coworking in leerstehenden Läden",
        "Leere Läden in der Innenstadt könnten zu Coworking-Plätzen werden, gebucht über eine Plattform.",
        "wohnen-arbeiten",
        S.NOT_PURSUED,
    ),
    (
        "Wohngeld digital beantragen",
        "Den Wohngeldantrag mit Upload der Nachweise online stellen.",
        "wohnen-arbeiten",
        S.ACCEPTED,
    ),
    (
        "Mietspiegel als interaktive Karte",
        "Den Mietspiegel nicht nur als PDF, sondern als Karte mit Suche nach Straße.",
        "wohnen-arbeiten",
        S.IMPLEMENTED,
    ),
    (
        "Gewerbeanmeldung in einem Schritt",
        "Gewerbe anmelden, Finanzamt informieren, IHK-Mitgliedschaft – alles in einem Online-Schritt.",
        "wohnen-arbeiten",
        S.ACCEPTED,
    ),
    (
        "Fast internet for home offices",
        "Many of us work from home now. Please map where fibre is available and planned.",
        "wohnen-arbeiten",
        S.UNDER_REVIEW,
    ),
    (
        "Sperrmüll online anmelden",
        "Sperrmülltermin mit Foto der Gegenstände online anmelden.",
        "wohnen-arbeiten",
        S.IMPLEMENTED,
    ),
    (
        "Digitale Wohnungsbörse der Stadt",
        "Eine städtische Börse für Wohnungstausch, z. B. groß gegen klein.",
        "wohnen-arbeiten",
        S.NOT_PURSUED,
    ),
    (
        "Beteiligung bei Bebauungsplänen online",
        "Bebauungspläne online ansehen und kommentieren, statt im Rathaus auszuliegen.",
        "wohnen-arbeiten",
        S.ACCEPTED,
    ),
    (
        "Bebauungspläne digital kommentieren",
        "Ich möchte zu B-Plänen online Stellung nehmen können.",
        "wohnen-arbeiten",
        S.MERGED,
    ),
    (
        "Lademöglichkeiten in Tiefgaragen erfassen",
        "Eine Übersicht, welche Wohnanlagen schon Ladepunkte haben.",
        "wohnen-arbeiten",
        S.NEW,
    ),
    (
        "Handwerkerparkausweis digital",
        "Handwerksbetriebe brauchen oft kurzfristig Parkausweise – bitte online und sofort.",
        "wohnen-arbeiten",
        S.ACCEPTED,
    ),
    (
        "Ferienwohnungen-Register öffentlich",
        "Ein öffentliches Register, um Zweckentfremdung von Wohnraum sichtbar zu machen.",
        "wohnen-arbeiten",
        S.NOT_PURSUED,
    ),
    (
        "Digitale Sprechstunde der Bauaufsicht",
        "Kurze Fragen zur Bauaufsicht per Video klären, ohne Termin vor Ort.",
        "wohnen-arbeiten",
        S.IMPLEMENTED,
    ),
    (
        "Stadtteilbüros mit Digitallotsen",
        "In jedem Stadtteil Menschen, die beim Umgang mit Online-Diensten helfen.",
        "verwaltung",
        S.ACCEPTED,
    ),
]

# Open dialogue, topic fields "energie-mobilitaet" and "gesundheit".
OPEN_IDEAS = [
    (
        "Echtzeit-Abfahrten an allen Bushaltestellen",
        "An vielen Haltestellen fehlt eine Anzeige. Ein QR-Code mit Echtzeitdaten wäre schon ein Anfang.",
        "energie-mobilitaet",
        S.UNDER_REVIEW,
    ),
    (
        "Mängelmelder für Radwege",
        "Schlaglöcher und Scherben auf Radwegen per App melden – mit Foto und Ort.\n\n- schnell\n- mit Rückmeldung, wann repariert wird",
        "energie-mobilitaet",
        S.ACCEPTED,
    ),
    (
        "Freie Parkplätze in Parkhäusern anzeigen",
        "Die Belegung der Parkhäuser live im Netz, damit weniger Suchverkehr entsteht.",
        "energie-mobilitaet",
        S.NEW,
    ),
    (
        "Ladesäulen-Karte mit Belegung",
        "Welche Ladesäule ist gerade frei? Das würde E-Auto-Fahrenden viel Zeit sparen.",
        "energie-mobilitaet",
        S.NEW,
    ),
    (
        "Fahrradzählstellen veröffentlichen",
        "Die Daten der Zählstellen an der Förde als offene Daten, mit Tages- und Jahreswerten.",
        "energie-mobilitaet",
        S.NEW,
    ),
    (
        "Cykelparkering ved banegården",
        "Der mangler sikre cykelparkeringer ved banegården. En digital oversigt over ledige pladser ville hjælpe.",
        "energie-mobilitaet",
        S.NEW,
    ),
    (
        "Energieverbrauch städtischer Gebäude zeigen",
        "Ein öffentliches Dashboard, wie viel Energie Schulen und Rathaus verbrauchen.",
        "energie-mobilitaet",
        S.UNDER_REVIEW,
    ),
    (
        "Smarte Straßenbeleuchtung",
        "Laternen, die nachts dimmen und bei Bewegung heller werden, sparen Strom.",
        "energie-mobilitaet",
        S.NEW,
    ),
    (
        "Ein Ticket für Bus und Fähre",
        "Ein digitales Ticket, das auch für die Fördeschifffahrt gilt.",
        "energie-mobilitaet",
        S.NEW,
    ),
    (
        "Solarpotenzial jedes Dachs auf einer Karte",
        "Ein Solarkataster, in dem ich sehe, ob sich mein Dach für Photovoltaik eignet.",
        "energie-mobilitaet",
        S.ACCEPTED,
    ),
    (
        "Baustellen-Umleitungen für Radfahrende",
        "Bei Baustellen fehlen oft Umleitungen für Räder. Bitte digital und rechtzeitig ankündigen.",
        "energie-mobilitaet",
        S.NEW,
    ),
    (
        "Carsharing-Stationen im Quartier",
        "Eine Karte aller Carsharing- und Lastenradstationen, und neue in Weiche und Tarup.",
        "energie-mobilitaet",
        S.NEW,
    ),
    (
        "Ampelphasen für Radfahrende optimieren",
        "Grüne Welle für den Radverkehr auf der Hafenroute, gesteuert über Sensoren.",
        "energie-mobilitaet",
        S.NOT_PURSUED,
    ),
    (
        "Bus-Echtzeitdaten als Open Data",
        "Die Echtzeitdaten der Busse als offene Schnittstelle, damit auch andere Apps sie nutzen.",
        "energie-mobilitaet",
        S.MERGED,
    ),
    (
        "Online-Termine beim Gesundheitsamt",
        "Für Belehrungen und Impfberatung online Termine buchen können.",
        "gesundheit",
        S.NEW,
    ),
    (
        "Notdienstapotheken auf der Stadtseite",
        "Die heutige Notdienstapotheke direkt auf der Startseite zeigen.",
        "gesundheit",
        S.UNDER_REVIEW,
    ),
    (
        "Defibrillatoren-Karte",
        "Wo hängt der nächste Defibrillator? Eine Karte mit Öffnungszeiten der Gebäude.",
        "gesundheit",
        S.ACCEPTED,
    ),
    (
        "Digitale Pflegeplatzbörse",
        "Freie Plätze in Pflegeheimen und Tagespflege tagesaktuell finden.",
        "gesundheit",
        S.NEW,
    ),
    (
        "Sundhedsinformation på dansk",
        "Information om vaccinationer og sundhedstilbud bør også findes på dansk.",
        "gesundheit",
        S.NEW,
    ),
    (
        "Telemedizin für die Inseln und das Umland",
        "Videosprechstunden mit Fachärzten für Menschen, die weit fahren müssen.",
        "gesundheit",
        S.NEW,
    ),
    (
        "Hitzeschutz-Warnungen per SMS",
        "Im Sommer Warnungen bei Hitze, mit Tipps und kühlen Orten in der Stadt.",
        "gesundheit",
        S.NEW,
    ),
    (
        "Barrierefreie Arztpraxen finden",
        "Eine Übersicht, welche Praxen stufenlos erreichbar sind.",
        "gesundheit",
        S.UNDER_REVIEW,
    ),
    (
        "Gesundheits-App der Stadt",
        "Eine eigene App mit allen Gesundheitsangeboten der Stadt.",
        "gesundheit",
        S.NOT_PURSUED,
    ),
    (
        "Sportstätten online buchen",
        "Hallenzeiten und Plätze für Vereine und Gruppen online buchen.",
        "gesundheit",
        S.NEW,
    ),
    ("Bewegungsparcours mit QR-Codes", "Übungsanleitungen per QR-Code an Geräten im Volkspark.", "gesundheit", S.NEW),
    (
        "Trinkwasserbrunnen auf der Karte",
        "Wo gibt es Trinkwasser in der Innenstadt? Bitte auf der Stadtkarte zeigen.",
        "gesundheit",
        S.IMPLEMENTED,
    ),
    (
        "Psychosoziale Beratung anonym per Chat",
        "Ein anonymer Chat, in dem man erste Hilfe und Beratungsstellen findet.",
        "gesundheit",
        S.NEW,
    ),
    (
        "Essen auf Rädern online bestellen",
        "Für ältere Menschen und Angehörige: Menüs online bestellen und ändern.",
        "gesundheit",
        S.NEW,
    ),
    (
        "Luftqualität an Hauptstraßen messen",
        "Sensoren an der Nordstraße und am Hafendamm, Werte live im Netz.",
        "energie-mobilitaet",
        S.NEW,
    ),
    (
        "Lastenräder der Stadt ausleihen",
        "Lastenräder an Bürgerbüros ausleihen, mit Buchung über das Bürgerportal.",
        "energie-mobilitaet",
        S.NEW,
    ),
    (
        "Haltestellen mit Sitzbank und Dach melden",
        "Eine Liste, welche Haltestellen noch keinen Wetterschutz haben – und Vorschläge dazu.",
        "energie-mobilitaet",
        S.NEW,
    ),
    (
        "Spam-Test: billige Uhren kaufen",
        "Jetzt billige Uhren kaufen bei www.example.com !!!",
        "energie-mobilitaet",
        S.NEW,
    ),
]

COMMENTS = [
    "Sehr gute Idee, das würde vielen Menschen helfen.",
    "Gibt es so etwas nicht schon in Kiel? Dort funktioniert es gut.",
    "Wichtig ist, dass es auch ohne Smartphone geht.",
    "Det er en god idé – især for pendlere fra Danmark.",
    "Bitte an den Datenschutz denken.",
    "Ich würde das sofort nutzen.",
    "Wer soll das bezahlen? Trotzdem unterstütze ich die Idee.",
    "Das sollte barrierefrei sein, auch für Screenreader.",
]
REPLIES = [
    "Guter Punkt, das sehe ich auch so.",
    "Ja, in Kiel gibt es das seit zwei Jahren.",
    "Enig!",
]

ANSWERS = {
    S.ACCEPTED: "Danke für die Idee. Sie ist in die Maßnahmenplanung der Digitalen Agenda eingeflossen; den Stand sehen Sie bei der verknüpften Maßnahme.",
    S.IMPLEMENTED: "Das gibt es bereits: Sie finden den Dienst im Bürgerportal der Stadt. Danke für den Hinweis, wir machen ihn bekannter.",
    S.NOT_PURSUED: "Wir haben die Idee geprüft, setzen sie aber derzeit nicht um. Die Begründung finden Sie beim Status.",
    S.UNDER_REVIEW: "Die zuständige Stelle prüft Ihre Idee gerade. Wir melden uns, sobald es ein Ergebnis gibt.",
}
REASONS = {
    S.NOT_PURSUED: "Der Aufwand steht derzeit in keinem Verhältnis zum Nutzen; andere Maßnahmen erreichen mehr Menschen.",
}


def _digest(*parts):
    return int(hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest(), 16)


def _dialogue(context, agenda, fields, slug, title, intro, description, dates, field_slugs):
    """Build the dialogue page; returns it with the translation mapping its events must repeat."""
    ideas_from, ideas_until, support_until, evaluation_until = dates
    texts = {"title": title, "intro": intro, "description": description}
    page = build_page(
        agenda,
        CityDialoguePage,
        slug,
        **texts,
        ideas_from=ideas_from,
        ideas_until=ideas_until,
        support_until=support_until,
        evaluation_until=evaluation_until,
    )
    _german, translations = split_languages(texts)
    for code in ("da", "en"):
        translations[code][slug.de] = slug.get(code)
    wanted = {fields[key].pk for key in field_slugs if key in fields}
    if set(page.topic_fields.values_list("pk", flat=True)) != wanted:
        page = CityDialoguePage.objects.get(pk=page.pk)
        page.topic_fields.set(wanted)
        page.save_revision().publish()
    return page, translations


def _add_event(page, page_translations, spec):
    title, description, starts_at, place, online_url, accessibility, capacity, translations = spec
    if page.events.filter(title=title).exists():
        return
    page = CityDialoguePage.objects.get(pk=page.pk)
    page.events.add(
        DialogueEvent(
            title=title,
            description=description,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=2),
            place=place,
            online_url=online_url,
            accessibility_notes=accessibility,
            registration_required=capacity is not None,
            capacity=capacity,
        )
    )
    page.save_revision().publish()
    translate_page(page, merge_translations(page_translations, translations), changed=True, fallback=True)


def _ideas(dialogue, specs, citizens, fields, measures_by_field, organisation, created_base):
    ideas = []
    by_title = {idea.title: idea for idea in Idea.objects.filter(dialogue=dialogue)}
    for index, (title, text, field_slug, status) in enumerate(specs):
        idea = by_title.get(title)
        author = citizens[_digest(title) % len(citizens)]
        if idea is None:
            idea = Idea.objects.create(
                dialogue=dialogue,
                title=title,
                text=text,
                topic_field=fields.get(field_slug),
                author=author,
                organisation=organisation if index % 11 == 3 and author.pk == citizens[1].pk else None,
                status=status,
                created_at=created_base + datetime.timedelta(hours=7 * index),
                address="Rathausplatz 1, 24937 Flensburg" if index % 9 == 0 else "",
            )
        ideas.append(idea)
    for index, idea in enumerate(ideas):
        status = specs[index][3]
        _support(idea, citizens, index)
        _comment(idea, citizens, index)
        if idea.title.startswith("Spam-Test") and not idea.is_hidden:
            idea.is_hidden, idea.hidden_reason = True, "Werbung ohne Bezug zum Stadtdialog."
            idea.save(update_fields=["is_hidden", "hidden_reason"])
        if status in ANSWERS and not idea.official_answer:
            idea.official_answer = ANSWERS[status]
            idea.answered_at = idea.created_at + datetime.timedelta(days=20)
        if status in REASONS and not idea.status_reason:
            idea.status_reason = REASONS[status]
        if status == S.MERGED and idea.merged_into_id is None:
            idea.merged_into = next(
                (
                    other
                    for other in ideas
                    if other.topic_field_id == idea.topic_field_id and other.status == S.ACCEPTED
                ),
                None,
            )
        idea.save()
        if status in (S.ACCEPTED, S.IMPLEMENTED) and not idea.measures.exists():
            candidates = measures_by_field.get(idea.topic_field_id, [])
            if candidates:
                idea.measures.add(candidates[_digest(idea.title, "measure") % len(candidates)])
    return ideas


def _support(idea, citizens, index):
    wanted = _digest(idea.title, "support") % (len(citizens) + 1)
    existing = set(idea.supports.values_list("user_id", flat=True))
    Support.objects.bulk_create(
        Support(idea=idea, user=citizen) for citizen in citizens[:wanted] if citizen.pk not in existing
    )


def _comment(idea, citizens, index):
    if idea.comments.exists() or idea.is_hidden:
        return
    count = _digest(idea.title, "comments") % 4
    for number in range(count):
        text = COMMENTS[(index + number) % len(COMMENTS)]
        author = citizens[(index + number + 3) % len(citizens)]
        comment = Comment.objects.create(
            idea=idea, author=author, text=text, created_at=idea.created_at + datetime.timedelta(days=number + 1)
        )
        if number == 0 and index % 3 == 0:
            Comment.objects.create(
                idea=idea,
                parent=comment,
                author=citizens[(index + 5) % len(citizens)],
                text=REPLIES[index % len(REPLIES)],
                created_at=comment.created_at + datetime.timedelta(hours=5),
            )


def load(context):
    agenda = context.pages.get("agenda")
    if agenda is None:
        context.log("  city dialogues skipped: no agenda page")
        return []
    citizens = accounts_demo.load()
    organisation = ParticipatingOrganisation.objects.filter(name=accounts_demo.DEMO_ORGANISATION).first()
    fields = {page.slug: page for page in TopicFieldPage.objects.child_of(agenda)}
    measures_by_field = {}
    for measure in MeasurePage.objects.descendant_of(agenda).source_locale().live().order_by("path"):
        parent_path = measure.path[: -MeasurePage.steplen]
        parent = next((page for page in fields.values() if page.path == parent_path), None)
        if parent is not None:
            measures_by_field.setdefault(parent.pk, []).append(measure)

    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    closed, _closed_translations = _dialogue(
        context,
        agenda,
        fields,
        T("stadtdialog-digitale-verwaltung", "bydialog-digital-forvaltning", "city-dialogue-digital-administration"),
        T(
            "Stadtdialog: Verwaltung digital",
            "Bydialog: Digital forvaltning",
            "City dialogue: Digital administration",
        ),
        T(
            "Welche Behördengänge sollen online möglich sein? Der Dialog ist abgeschlossen und ausgewertet.",
            "Hvilke ærinder hos kommunen skal kunne klares online? Dialogen er afsluttet og evalueret.",
            "Which dealings with the administration should be possible online? The dialogue is closed and evaluated.",
        ),
        T(
            "<p>Drei Monate lang haben Flensburgerinnen und Flensburger Ideen für eine digitale Verwaltung gesammelt. "
            "Jede Idee hat eine Antwort der Stadt bekommen; viele sind in Maßnahmen der Digitalen Agenda eingeflossen.</p>",
            "<p>I tre måneder har borgerne i Flensborg samlet idéer til en digital forvaltning. "
            "Hver idé har fået et svar fra byen; mange er blevet til tiltag i den digitale dagsorden.</p>",
            "<p>For three months, people in Flensburg collected ideas for a digital administration. "
            "Every idea received an answer from the city; many became measures of the Digital Agenda.</p>",
        ),
        (today - 400 * day, today - 310 * day, today - 280 * day, today - 200 * day),
        ["verwaltung", "wohnen-arbeiten"],
    )
    open_dialogue, open_translations = _dialogue(
        context,
        agenda,
        fields,
        T("stadtdialog-mobilitaet-gesundheit", "bydialog-mobilitet-sundhed", "city-dialogue-mobility-health"),
        T(
            "Stadtdialog: Mobilität, Energie und Gesundheit",
            "Bydialog: Mobilitet, energi og sundhed",
            "City dialogue: Mobility, energy and health",
        ),
        T(
            "Wie können digitale Angebote Wege, Energie und Gesundheit in Flensburg besser machen? Jetzt Ideen einbringen.",
            "Hvordan kan digitale tilbud gøre transport, energi og sundhed bedre i Flensborg? Kom med dine idéer nu.",
            "How can digital services improve travel, energy and health in Flensburg? Share your ideas now.",
        ),
        T(
            "<p>Bis zum Ende der Sammelphase können Sie Ideen einreichen, danach kommentieren und unterstützen. "
            "Die Themenpatinnen und Themenpaten beantworten jede Idee und übernehmen gute Vorschläge in die Maßnahmenplanung.</p>",
            "<p>Indtil indsamlingsfasen slutter, kan du indsende idéer og derefter kommentere og støtte dem. "
            "Temaansvarlige svarer på hver idé og tager gode forslag med i planlægningen af tiltag.</p>",
            "<p>Until the collecting phase ends you can submit ideas, and afterwards comment on and support them. "
            "The topic sponsors answer every idea and take good proposals into the planning of measures.</p>",
        ),
        (today - 14 * day, today + 30 * day, today + 51 * day, today + 100 * day),
        ["energie-mobilitaet", "gesundheit"],
    )
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    _add_event(
        open_dialogue,
        open_translations,
        (
            "Bürgerwerkstatt Mobilität im Rathaus",
            "Gemeinsam Ideen sammeln und diskutieren, mit den Themenpaten für Energie und Mobilität.",
            (now + datetime.timedelta(days=12)).replace(hour=17),
            "Rathaus Flensburg, Ratssaal, Am Pferdewasser 14, 24937 Flensburg",
            "",
            "Stufenloser Zugang über den Haupteingang, Induktionsschleife im Saal, Gebärdensprachdolmetschung auf Anfrage.",
            40,
            {
                "da": {
                    "Bürgerwerkstatt Mobilität im Rathaus": "Borgerværksted om mobilitet på rådhuset",
                    "Gemeinsam Ideen sammeln und diskutieren, mit den Themenpaten für Energie und Mobilität.": "Vi samler og drøfter idéer sammen med de temaansvarlige for energi og mobilitet.",
                    "Stufenloser Zugang über den Haupteingang, Induktionsschleife im Saal, Gebärdensprachdolmetschung auf Anfrage.": "Trinfri adgang via hovedindgangen, teleslynge i salen, tegnsprogstolk efter aftale.",
                },
                "en": {
                    "Bürgerwerkstatt Mobilität im Rathaus": "Citizens' workshop on mobility at the town hall",
                    "Gemeinsam Ideen sammeln und diskutieren, mit den Themenpaten für Energie und Mobilität.": "Collect and discuss ideas together with the topic sponsors for energy and mobility.",
                    "Stufenloser Zugang über den Haupteingang, Induktionsschleife im Saal, Gebärdensprachdolmetschung auf Anfrage.": "Step-free access through the main entrance, hearing loop in the hall, sign language interpretation on request.",
                },
            },
        ),
    )
    _add_event(
        open_dialogue,
        open_translations,
        (
            "Online-Sprechstunde Gesundheit digital",
            "Fragen und Ideen zu digitalen Gesundheitsangeboten, per Videokonferenz.",
            (now + datetime.timedelta(days=20)).replace(hour=18),
            "",
            "https://meet.example.org/flensburg-gesundheit",
            "Mit Live-Untertiteln; Teilnahme auch per Telefon möglich.",
            None,
            {
                "da": {
                    "Online-Sprechstunde Gesundheit digital": "Online-træffetid: digital sundhed",
                    "Fragen und Ideen zu digitalen Gesundheitsangeboten, per Videokonferenz.": "Spørgsmål og idéer om digitale sundhedstilbud via videokonference.",
                    "Mit Live-Untertiteln; Teilnahme auch per Telefon möglich.": "Med live-undertekster; deltagelse også muligt per telefon.",
                },
                "en": {
                    "Online-Sprechstunde Gesundheit digital": "Online consultation: digital health",
                    "Fragen und Ideen zu digitalen Gesundheitsangeboten, per Videokonferenz.": "Questions and ideas about digital health services, by video conference.",
                    "Mit Live-Untertiteln; Teilnahme auch per Telefon möglich.": "With live captions; you can also join by phone.",
                },
            },
        ),
    )
    ideas = _ideas(
        closed,
        CLOSED_IDEAS,
        citizens,
        fields,
        measures_by_field,
        organisation,
        timezone.now() - datetime.timedelta(days=395),
    )
    ideas += _ideas(
        open_dialogue,
        OPEN_IDEAS,
        citizens,
        fields,
        measures_by_field,
        organisation,
        timezone.now() - datetime.timedelta(days=13),
    )
    context.log(f"  city dialogues: 2 dialogues, {len(ideas)} ideas, 2 events")
    context.pages["dialogue-closed"] = closed
    context.pages["dialogue-open"] = open_dialogue
    return ideas
