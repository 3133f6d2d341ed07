"""Demo focus and feedback groups, one focus group per demo topic field plus a feedback group.

Groups write in their own working language (their texts are working data, not translated
pages): the German groups in German, the cross-border health group in Danish. The UI around
them is translated. Idempotent: groups are found by name, sessions and rounds by title,
results by title; dates are set relative to "now" when a row is first created and left alone
afterwards, so a second run changes nothing.
"""

import datetime

from django.utils import timezone

from accounts import demo as accounts_demo
from accounts.models import Profile
from agenda.language import default_language_code
from agenda.models import MeasurePage, TopicFieldPage
from agenda.origins import create_draft_measure
from participation.groups.services import group_documents_collection
from participation.models import (
    ExpertGroup,
    FeedbackOutcome,
    FeedbackRating,
    FeedbackRound,
    GroupInvitation,
    GroupKind,
    GroupMembership,
    GroupResult,
    GroupSession,
)

# topic field slug -> group spec. Members are indexes into accounts.demo.DEMO_CITIZENS.
FOCUS_GROUPS = {
    "verwaltung": {
        "name": "Fokusgruppe Digitales Rathaus",
        "language": "de",
        "members": [0, 1, 2, 3],
        "description": (
            "Fachleute aus Bürgerbüro, Beratungsstellen und Vereinen klären, welche Behördengänge "
            "online zuerst einfacher werden müssen."
        ),
        "summary": (
            "Die Gruppe hat in zwei Werkstätten gesammelt, wo Menschen beim Kontakt mit der Verwaltung "
            "hängen bleiben: fehlende Termine am Abend, Formulare in schwerer Sprache und Bezahlwege, die "
            "nur mit Bargeld funktionieren. Zwei Vorschläge sind bereits als Maßnahmen im Backlog."
        ),
        "sessions": [
            (
                -60,
                "Auftakt: Wo hakt es im Rathaus?",
                "Rathaus Flensburg, Raum 201, Am Pferdewasser 14",
                "1. Kennenlernen\n2. Erfahrungen aus der Beratung\n3. Themen sammeln",
                "<p>Die Teilnehmenden schilderten, dass berufstätige Menschen das Bürgerbüro kaum zu den "
                "Öffnungszeiten erreichen.</p><ul><li>Online-Termine fehlen für einige Leistungen.</li>"
                "<li>Bescheide sind schwer verständlich.</li></ul>",
            ),
            (
                -20,
                "Lösungswerkstatt",
                "",
                "1. Rückblick\n2. Lösungsideen bewerten\n3. Prioritäten",
                "<p>Die Gruppe hat drei Ideen ausgearbeitet und Prioritäten vorgeschlagen. Die Themenpatin "
                "nimmt die Vorschläge in den Backlog auf.</p>",
            ),
            (12, "Rückmeldung an die Verwaltung", "Rathaus Flensburg, Ratssaal", "1. Stand der Maßnahmen", ""),
        ],
        "results": [
            (
                0,
                "finding",
                "Termine außerhalb der Kernzeiten fehlen",
                "Wer tagsüber arbeitet, bekommt kaum einen Termin im Bürgerbüro.",
                "Behördengänge ohne Urlaubstag erledigen können.",
                "high",
                True,
                ("link", "online-antraege"),
            ),
            (
                1,
                "solution",
                "Bescheide in Leichter Sprache erklären",
                "Zu jedem Bescheid eine kurze Erklärung in Leichter Sprache, online abrufbar.",
                "Bescheide verstehen, ohne eine Beratungsstelle aufzusuchen.",
                "medium",
                True,
                ("link", "leichte-sprache"),
            ),
            (
                1,
                "solution",
                "Gebühren am Automaten im Foyer bargeldlos zahlen",
                "Ein Bezahlterminal im Foyer, das auch ohne Online-Konto funktioniert.",
                "Gebühren zahlen, ohne Bargeld mitbringen zu müssen.",
                "medium",
                True,
                ("promote", "Bezahlterminal im Foyer des Rathauses"),
            ),
            (
                1,
                "finding",
                "Beratungsstellen brauchen einen direkten Draht",
                "Beratungsstellen wünschen eine feste Ansprechperson für schwierige Fälle.",
                "",
                "low",
                False,
                None,
            ),
        ],
    },
    "energie-mobilitaet": {
        "name": "Fokusgruppe Mobilität an der Förde",
        "language": "de",
        "members": [4, 6, 9],
        "description": "Pendelnde, Radverbände und Stadtwerke beraten über digitale Angebote für Wege in der Stadt.",
        "summary": (
            "Die Gruppe wünscht sich vor allem verlässliche Echtzeitdaten: freie Ladepunkte, Parkplätze "
            "und Radwege im Winterdienst. Ihre Ergebnisse fließen in die Mobilitäts-App ein."
        ),
        "sessions": [
            (
                -45,
                "Wege durch Flensburg",
                "Stadtwerke Flensburg, Batteriestraße 48",
                "1. Alltagswege\n2. Daten",
                "<p>Echtzeitdaten zu Ladesäulen und Parkhäusern fehlen am häufigsten.</p>",
            ),
            (
                -10,
                "Prioritäten für die App",
                "",
                "1. Funktionen sortieren",
                "<p>Die Gruppe schlägt vor, mit freien Ladepunkten zu beginnen.</p>",
            ),
        ],
        "results": [
            (
                0,
                "finding",
                "Freie Ladepunkte sind nicht sichtbar",
                "Wer elektrisch fährt, sucht oft mehrere Säulen ab.",
                "Vor der Fahrt wissen, wo geladen werden kann.",
                "high",
                True,
                ("link", "ladesaeulenkarte"),
            ),
            (
                1,
                "solution",
                "Winterdienst auf Radwegen live anzeigen",
                "Die Räumfahrzeuge melden ihre Strecken, die App zeigt geräumte Radwege.",
                "Im Winter sicher mit dem Rad fahren.",
                "medium",
                True,
                None,
            ),
        ],
    },
    "gesundheit": {
        "name": "Grænseoverskridende fokusgruppe sundhed",
        "language": "da",
        "members": [5, 7, 11],
        "description": "Fagfolk fra begge sider af grænsen drøfter digitale tilbud til ældre og pårørende.",
        "summary": (
            "Gruppen har set på, hvordan ældre på begge sider af grænsen kan bruge video-konsultationer. "
            "Den vigtigste erfaring: uden hjælp til det første opkald bliver tilbuddet ikke brugt."
        ),
        "sessions": [
            (
                -50,
                "Opstart: digitale tilbud til ældre",
                "Flensborghus, Norderstraße 76",
                "1. Præsentation\n2. Erfaringer fra Danmark",
                "<p>Deltagerne fortalte om erfaringer med video-konsultationer i Region Syddanmark.</p>",
            ),
            (
                -15,
                "Workshop: første opkald",
                "",
                "1. Hjælp til første opkald",
                "<p>Gruppen foreslår frivillige digitale hjælpere i bydelene.</p>",
            ),
        ],
        "results": [
            (
                1,
                "solution",
                "Digitale hjælpere til første video-konsultation",
                "Frivillige hjælper ældre med at sætte det første opkald op.",
                "Ældre tør bruge video-konsultationer.",
                "high",
                True,
                ("link", "senioren-tablet"),
            ),
        ],
    },
    "wohnen-arbeiten": {
        "name": "Fokusgruppe Quartiere und Nahversorgung",
        "language": "de",
        "members": [2, 8, 10],
        "description": (
            "Händlerinnen, Quartiersmanagement und Wohnungswirtschaft suchen digitale Hilfen für kurze Wege."
        ),
        "summary": (
            "Kleine Läden in den Stadtteilen wollen online sichtbar sein, ohne eigene Shops zu betreiben. "
            "Die Gruppe unterstützt einen gemeinsamen lokalen Marktplatz."
        ),
        "sessions": [
            (
                -40,
                "Was brauchen die Quartiere?",
                "Quartierszentrum Neustadt",
                "1. Bestandsaufnahme",
                "<p>Leerstand und fehlende Sichtbarkeit kleiner Läden wurden am häufigsten genannt.</p>",
            ),
            (
                -8,
                "Marktplatz-Werkstatt",
                "",
                "1. Anforderungen an einen Marktplatz",
                "<p>Die Gruppe hat Anforderungen für einen lokalen Marktplatz gesammelt.</p>",
            ),
        ],
        "results": [
            (
                1,
                "solution",
                "Gemeinsamer Marktplatz für Läden im Stadtteil",
                "Ein einfacher Auftritt für Läden ohne eigenen Onlineshop, mit Abholung vor Ort.",
                "Nahversorgung im Quartier stärken.",
                "high",
                True,
                ("link", "lokaler-marktplatz"),
            ),
        ],
    },
}

FEEDBACK_GROUP = {
    "field": "verwaltung",
    "name": "Feedbackgruppe Verwaltung digital",
    "members": [4, 5, 6, 7, 8],
    "description": "Regionale Fachleute geben Rückmeldung zu Entwürfen von Maßnahmen, bevor sie priorisiert werden.",
    "summary": (
        "Die Feedbackgruppe prüft Maßnahmen der Verwaltung aus Sicht der Praxis. Ihre Einschätzungen "
        "stehen bei den Maßnahmen."
    ),
    "rounds": [
        # title, days until deadline (negative: closed), measure slugs, verdict rows per member, outcomes
        (
            "Erste Runde: E-Akte und Fax",
            -25,
            ["e-akte", "fax-abschaffen"],
            ["agree", "changes", "agree", "disagree", "agree"],
            {
                "e-akte": "Breite Zustimmung; gewünscht ist eine Schulung für alle Fachbereiche vor dem Start.",
                "fax-abschaffen": "Zustimmung, wenn Arztpraxen und Pflegedienste eine sichere Alternative erhalten.",
            },
        ),
        (
            "Zweite Runde: Online-Anträge und Bezahlen",
            14,
            ["online-antraege", "digitale-bezahlung", "leichte-sprache"],
            ["agree", "changes", "agree"],
            {},
        ),
    ],
}

COMMENTS = {
    "agree": "Passt gut zu dem, was wir in der Beratung erleben.",
    "changes": "Gute Richtung, aber bitte barrierefrei und auch ohne Online-Konto nutzbar.",
    "disagree": "Die Kosten stehen in keinem Verhältnis zum Nutzen.",
}


def _measure(field, slug):
    return MeasurePage.objects.child_of(field).filter(slug=slug).first()


def _group(field, name, kind, language, description, summary):
    group = ExpertGroup.objects.filter(name=name).first()
    if group is None:
        group = ExpertGroup.objects.create(
            topic_field=field,
            name=name,
            kind=kind,
            language=language,
            description=description,
            public_summary=summary,
            summary_published=True,
        )
    return group


def _members(group, citizens, indexes):
    users = [citizens[index] for index in indexes]
    for user in users:
        GroupMembership.objects.get_or_create(group=group, user=user)
    return users


def _sessions(group, specs, members, now):
    sessions = []
    for days, title, place, agenda, minutes in specs:
        session = group.sessions.filter(title=title).first()
        if session is None:
            day = timezone.localtime(now + datetime.timedelta(days=days))
            starts = day.replace(hour=17, minute=0, second=0, microsecond=0)
            session = GroupSession.objects.create(
                group=group,
                title=title,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=2),
                place=place,
                online_url="" if place else "https://meet.example.org/flensburg-digital",
                agenda=agenda,
                minutes=minutes,
            )
            if days < 0:
                session.participants.set(members[: max(len(members) - 1, 1)])
        sessions.append(session)
    return sessions


def _results(sessions, specs, field, actor):
    for index, kind, title, description, need, priority, public, target in specs:
        session = sessions[index]
        result = GroupResult.objects.filter(session=session, title=title).first()
        if result is None:
            result = GroupResult.objects.create(
                session=session,
                kind=kind,
                title=title,
                description=description,
                need=need,
                priority=priority,
                is_public=public,
            )
        if target is None or result.measures.exists():
            continue
        action, value = target
        if action == "link":
            measure = _measure(field, value)
            if measure is not None:
                result.measures.add(measure)
        else:
            measure = create_draft_measure(actor, field, title=value, problem=need, solution_idea=description)
            result.measures.add(measure)


def _document(session):
    """A small members-only handout on the first session (stored in the restricted collection)."""
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    if session.documents.exists():
        return
    text = (
        "Fokusgruppe Digitales Rathaus – Handout zur Auftaktsitzung\n\n"
        "Leitfragen: Wo hakt es beim Kontakt mit der Verwaltung? Welche Wege sollten zuerst online gehen?\n"
    )
    document = get_document_model()(
        title="Handout Auftaktsitzung (nur für Mitglieder)",
        file=ContentFile(text.encode(), name="handout-auftakt.txt"),
        collection=group_documents_collection(),
    )
    document.save()
    session.documents.create(document=document)


def _invitation(group, email):
    """A pending invitation (its link is unknown: the demo shows the sponsor's list, nobody accepts it)."""
    if group.invitations.filter(email=email).exists():
        return
    invitation = GroupInvitation(group=group, email=email)
    invitation.new_token()
    invitation.save()


def _rounds(group, field, members, now):
    for title, days, slugs, verdicts, outcomes in FEEDBACK_GROUP["rounds"]:
        measures = [m for m in (_measure(field, slug) for slug in slugs) if m is not None]
        feedback_round = group.feedback_rounds.filter(title=title).first()
        if feedback_round is None:
            feedback_round = FeedbackRound.objects.create(
                group=group,
                title=title,
                instructions="Bitte bewerten Sie jede Maßnahme und schreiben Sie, was sich ändern sollte.",
                deadline=timezone.localtime(now + datetime.timedelta(days=days)).replace(
                    hour=23, minute=59, second=0, microsecond=0
                ),
            )
            feedback_round.measures.set(measures)
        for measure_index, measure in enumerate(measures):
            for member_index, verdict in enumerate(verdicts):
                member = members[member_index % len(members)]
                if measure_index % 2 and verdict == "agree":
                    verdict = "changes"
                FeedbackRating.objects.get_or_create(
                    round=feedback_round,
                    measure=measure,
                    member=member,
                    defaults={"verdict": verdict, "comment": COMMENTS[verdict]},
                )
        counts = feedback_round.aggregate()
        for slug, summary in outcomes.items():
            measure = _measure(field, slug)
            if measure is None:
                continue
            row = counts.get(measure.pk, {})
            FeedbackOutcome.objects.get_or_create(
                round=feedback_round,
                measure=measure,
                defaults={
                    "summary": summary,
                    "agree": row.get("agree", 0),
                    "changes": row.get("changes", 0),
                    "disagree": row.get("disagree", 0),
                },
            )


def _sponsor_actor():
    """Whoever promotes demo results: the first superuser, else nobody (the measure has no owner)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_superuser=True).order_by("pk").first()


def load(context):
    citizens = accounts_demo.load()
    fields = {page.slug: page for page in TopicFieldPage.objects.filter(locale__language_code=default_language_code())}
    now = timezone.now()
    actor = _sponsor_actor()
    count = 0
    for slug, spec in FOCUS_GROUPS.items():
        field = fields.get(slug)
        if field is None:
            continue
        group = _group(field, spec["name"], GroupKind.FOCUS, spec["language"], spec["description"], spec["summary"])
        members = _members(group, citizens, spec["members"])
        sessions = _sessions(group, spec["sessions"], members, now)
        _results(sessions, spec["results"], field, actor)
        if slug == "verwaltung":
            _document(sessions[0])
            _invitation(group, "expertin.pflege@example.org")
        count += 1
    field = fields.get(FEEDBACK_GROUP["field"])
    if field is not None:
        group = _group(
            field,
            FEEDBACK_GROUP["name"],
            GroupKind.FEEDBACK,
            "de",
            FEEDBACK_GROUP["description"],
            FEEDBACK_GROUP["summary"],
        )
        members = _members(group, citizens, FEEDBACK_GROUP["members"])
        _rounds(group, field, members, now)
        count += 1
    context.log(f"  {count} focus and feedback groups with sessions, results and feedback rounds")


def delete_demo_content(context):
    """Groups point at topic fields with PROTECT: remove the demo groups before the page trees go."""
    names = [spec["name"] for spec in FOCUS_GROUPS.values()] + [FEEDBACK_GROUP["name"]]
    ExpertGroup.objects.filter(name__in=names).delete()


def add_dev_member(user, topic_field):
    """Make the local development account "member" a member of the demo groups of `topic_field`."""
    from allauth.account.models import EmailAddress

    profile = Profile.for_user(user)
    if profile.display_name != "Demo-Expertin":
        profile.display_name = "Demo-Expertin"
        profile.save(update_fields=["display_name"])
    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    groups = list(ExpertGroup.objects.filter(topic_field=topic_field))
    for group in groups:
        GroupMembership.objects.get_or_create(group=group, user=user)
    return groups
