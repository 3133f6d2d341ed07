"""Demo content of the participation app.

Polls: three polls (two open, one closed with results) in German with Danish and
English translations through wagtail-localize, votes from the demo citizens of
`accounts.demo`, and a content page "Umfragen" that embeds them. Idempotent;
dates are relative to today so the open polls are open on first run.

City dialogues and ideas add their own `load_*` function and call it from `load`.
"""

import datetime

from django.utils import timezone

from accounts import demo as accounts_demo
from participation.core import audit
from participation.dialogues import demo as demo_dialogues
from participation.groups import demo as demo_groups
from participation.models import (
    GroupResult,
    Idea,
    IdeaStatus,
    ModerationAction,
    ModerationLogEntry,
    ModerationState,
    Poll,
    PollBallot,
    PollChoice,
    PollVote,
    SurveyAnswer,
    SurveyFinding,
)
from participation.survey import demo as demo_survey
from website.demo import T, build_page, paragraph, translate_snippet, upsert_snippet
from website.models import ContentPage

POLLS = [
    {
        "key": "next-service",
        "question": (
            "Welchen digitalen Service soll die Stadt als Nächstes anbieten?",
            "Hvilken digital service skal byen tilbyde som den næste?",
            "Which digital service should the city offer next?",
        ),
        "description": (
            "Ihre Stimme fließt in die Priorisierung der Maßnahmen der Digitalen Agenda ein.",
            "Din stemme indgår i prioriteringen af tiltagene i den digitale dagsorden.",
            "Your vote feeds into how the measures of the Digital Agenda are prioritised.",
        ),
        "kind": Poll.SINGLE,
        "opens": -7,
        "closes": 28,
        "results_visibility": Poll.AFTER_VOTE,
        "choices": [
            (
                "Online-Terminvergabe im Bürgerbüro",
                "Online-tidsbestilling i borgerservice",
                "Online appointments at the citizens' office",
            ),
            ("Digitaler Bauantrag", "Digital byggeansøgning", "Digital building permit application"),
            (
                "Mängelmelder für Straßen und Wege",
                "Fejlmelding for veje og stier",
                "Reporting damage to streets and paths",
            ),
            (
                "Kita-Platz online beantragen",
                "Ansøg om daginstitutionsplads online",
                "Applying for a childcare place online",
            ),
        ],
        "votes": [0, 0, 1, 2, 0, 3, 1, 0, 2, 0],
    },
    {
        "key": "contact-channel",
        "question": (
            "Wie nehmen Sie meistens Kontakt zur Verwaltung auf?",
            "Hvordan kontakter du oftest forvaltningen?",
            "How do you usually contact the administration?",
        ),
        "description": (
            "Mehrere Antworten sind möglich.",
            "Flere svar er mulige.",
            "Several answers are possible.",
        ),
        "kind": Poll.MULTIPLE,
        "opens": -3,
        "closes": 42,
        "results_visibility": Poll.AFTER_VOTE,
        "choices": [
            ("Persönlich im Rathaus", "Personligt på rådhuset", "In person at the town hall"),
            ("Telefon", "Telefon", "Phone"),
            ("E-Mail", "E-mail", "E-mail"),
            ("Bürgerportal im Internet", "Borgerportalen på internettet", "The online citizens' portal"),
            ("Chatbot auf der Website", "Chatbot på hjemmesiden", "Chatbot on the website"),
        ],
        "votes": [[1, 2], [3], [0, 2, 3], [3, 4], [1], [2, 3], [0], [3]],
    },
    {
        "key": "wifi-places",
        "question": (
            "Wo wünschen Sie sich zuerst freies WLAN in der Innenstadt?",
            "Hvor ønsker du dig først gratis wifi i midtbyen?",
            "Where would you like free Wi-Fi in the city centre first?",
        ),
        "description": (
            "Diese Umfrage ist abgeschlossen. Das Ergebnis ging in die Planung des Smart-City-Programms ein.",
            "Denne afstemning er afsluttet. Resultatet indgik i planlægningen af smart city-programmet.",
            "This poll is closed. Its result went into planning the Smart City programme.",
        ),
        "kind": Poll.SINGLE,
        "opens": -60,
        "closes": -30,
        "results_visibility": Poll.AFTER_CLOSE,
        "choices": [
            ("Hafenspitze", "Hafenspitze (havnespidsen)", "Hafenspitze (harbour tip)"),
            ("Holm und Große Straße", "Holm og Große Straße", "Holm and Große Straße"),
            ("ZOB und Bahnhof", "Busterminalen og banegården", "Bus station and railway station"),
        ],
        "votes": [0, 0, 1, 0, 2, 1, 0, 0, 1, 0, 2, 0],
    },
]


def _today():
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


def _build_poll(spec):
    today = _today()
    question = T(*spec["question"])
    description = T(*spec["description"])
    fields = {
        "description": description.de,
        "kind": spec["kind"],
        "opens_at": today + datetime.timedelta(days=spec["opens"]),
        "closes_at": today + datetime.timedelta(days=spec["closes"]),
        "results_visibility": spec["results_visibility"],
    }
    poll, changed = upsert_snippet(Poll, {"question": question.de}, **fields)
    texts = [T(*choice) for choice in spec["choices"]]
    existing = list(poll.choices.order_by("sort_order"))
    for position, text in enumerate(texts):
        if position < len(existing):
            choice = existing[position]
            if choice.text != text.de:
                choice.text = text.de
                choice.save()
                changed = True
        else:
            PollChoice.objects.create(poll=poll, text=text.de, sort_order=position, locale=poll.locale)
            changed = True
    translations = {"da": {}, "en": {}}
    for text in [question, description, *texts]:
        translations["da"][text.de] = text.da
        translations["en"][text.de] = text.en
    translate_snippet(poll, translations, changed=changed)
    return poll


def _cast_demo_votes(poll, citizens, pattern):
    """Ballots written directly (the closed poll would refuse `cast_vote`); idempotent per citizen."""
    keys = [choice.translation_key for choice in poll.choices.order_by("sort_order")]
    for citizen, picks in zip(citizens, pattern, strict=False):
        picks = picks if isinstance(picks, list) else [picks]
        ballot, created = PollBallot.objects.get_or_create(poll_key=poll.translation_key, user=citizen)
        if created:
            PollVote.objects.bulk_create(
                PollVote(ballot=ballot, poll_key=poll.translation_key, choice_key=keys[pick]) for pick in picks
            )


def _build_poll_page(context, polls):
    if context.home is None:
        return None
    body = [
        paragraph(
            T(
                "<p>Mit kurzen Umfragen fragt die Stadt nach Ihrer Meinung. "
                "Jedes Konto hat eine Stimme pro Umfrage.</p>",
                "<p>Med korte afstemninger spørger byen om din mening. Hver konto har én stemme pr. afstemning.</p>",
                "<p>With short polls the city asks for your opinion. Every account has one vote per poll.</p>",
            )
        ),
        *({"type": "poll", "value": {"poll": poll.pk}} for poll in polls),
    ]
    return build_page(
        context.home,
        ContentPage,
        T("umfragen", "afstemninger", "polls"),
        title=T("Umfragen", "Afstemninger", "Polls"),
        intro=T(
            "Ihre Meinung zur Digitalisierung in Flensburg – in einer Minute.",
            "Din mening om digitaliseringen i Flensborg – på et minut.",
            "Your view on digitalisation in Flensburg – in one minute.",
        ),
        body=body,
    )


def load_polls(context):
    citizens = accounts_demo.load(context)
    polls = []
    for spec in POLLS:
        poll = _build_poll(spec)
        _cast_demo_votes(poll, citizens, spec["votes"])
        polls.append(poll)
    page = _build_poll_page(context, polls)
    context.log(f"  {len(polls)} polls with votes" + (f", page {page.url_path}" if page else ""))
    return polls


def load_dialogues(context):
    """Two city dialogues with ideas, comments, supports, answers and events (participation.dialogues.demo)."""
    return demo_dialogues.load(context)


def load_groups(context):
    """Focus and feedback groups with sessions, results and feedback rounds (participation.groups.demo)."""
    return demo_groups.load(context)


def load_survey(context):
    """The needs survey with responses, results and findings (participation.survey.demo)."""
    return demo_survey.load(context)


def record_decisions(context):
    """Write the decisions the demo content stands for into the audit trail, once: idea
    statuses, official answers and links to measures, approved survey answers, findings
    and group results linked to measures, results made public. A newcomer then finds the
    moderation log filled (admin → Moderation log), sponsors the part of their fields."""
    if ModerationLogEntry.objects.filter(details__demo=True).exists():
        return 0
    entries = 0
    for idea in Idea.objects.exclude(status=IdeaStatus.NEW).prefetch_related("measures").order_by("pk"):
        audit.record(ModerationAction.STATUS, None, idea, old=IdeaStatus.NEW, new=idea.status, demo=True)
        entries += 1
        if idea.official_answer:
            audit.record(ModerationAction.ANSWER, None, idea, demo=True)
            entries += 1
        for measure in idea.measures.all():
            audit.record(ModerationAction.LINK_MEASURE, None, idea, measure=measure.pk, demo=True)
            entries += 1
    for answer in SurveyAnswer.objects.filter(moderation=ModerationState.APPROVED).exclude(text="").order_by("pk")[:20]:
        audit.record(ModerationAction.APPROVE, None, answer, state=answer.moderation, demo=True)
        entries += 1
    for item in [*SurveyFinding.objects.order_by("pk"), *GroupResult.objects.select_related("session__group")]:
        for measure in item.measures.all():
            audit.record(ModerationAction.LINK_MEASURE, None, item, measure=measure.pk, demo=True)
            entries += 1
    for result in GroupResult.objects.filter(is_public=True).select_related("session__group"):
        audit.record(ModerationAction.PUBLISH, None, result, demo=True)
        entries += 1
    context.log(f"  {entries} moderation and triage decisions in the audit trail")
    return entries


def load(context):
    load_polls(context)
    load_dialogues(context)
    load_groups(context)
    load_survey(context)
    record_decisions(context)


def delete_demo_content(context):
    """Remove what protects pages from deletion: survey findings, groups, then the ideas
    (with their comments, supports, flags and log entries, which cascade)."""
    ModerationLogEntry.objects.filter(details__demo=True).delete()
    demo_survey.delete_demo_content(context)
    demo_groups.delete_demo_content(context)
    Idea.objects.all().delete()
