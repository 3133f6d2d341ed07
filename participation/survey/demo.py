"""Demo content of the needs survey: a closed survey under the agenda with the six guiding
questions (de/da/en through wagtail-localize), 320 generated responses across the topic fields
(the demo citizens online, the rest entered from paper questionnaires), published results,
approved free texts and findings linked to demo measures.

Idempotent: the page is updated only when a value differs, responses are generated only while
the survey has none, findings are found by title.
"""

import datetime
import hashlib

from django.utils import timezone

from accounts import demo as accounts_demo
from agenda.models import MeasurePage, TopicFieldPage
from participation.models import (
    ModerationState,
    NeedsSurveyFormField,
    NeedsSurveyPage,
    SurveyAnswer,
    SurveyFinding,
    SurveyResponse,
)
from website.demo import T, split_languages, translate_page, upsert_page
from website.demo.api import publish

PAPER_RESPONSES = 308

QUESTIONS = [
    # (key, type, T label, T choices or None, required)
    (
        "known_offers",
        "multiline",
        (
            "Welche digitalen Angebote kennen Sie in diesem Themenfeld, und wie gut funktionieren sie?",
            "Hvilke digitale tilbud kender du på dette område, og hvor godt fungerer de?",
            "Which digital offers do you know in this topic field, and how well do they work?",
        ),
        None,
        False,
    ),
    (
        "reasons_low_use",
        "checkboxes",
        (
            "Warum werden manche digitalen Angebote weniger genutzt als erhofft?",
            "Hvorfor bliver nogle digitale tilbud brugt mindre end håbet?",
            "Why are some digital offers used less than hoped?",
        ),
        (
            "Sie sind nicht bekannt\nSie sind zu kompliziert\nSie sind nicht barrierefrei\n"
            "Bedenken beim Datenschutz\nDer herkömmliche Weg ist schneller",
            "De er ikke kendte\nDe er for komplicerede\nDe er ikke tilgængelige\n"
            "Bekymringer om databeskyttelse\nDen traditionelle vej er hurtigere",
            "They are not known\nThey are too complicated\nThey are not accessible\n"
            "Concerns about data protection\nThe conventional way is quicker",
        ),
        False,
    ),
    (
        "conventional_offers",
        "multiline",
        (
            "Welche herkömmlichen Angebote würden von digitaler Unterstützung profitieren?",
            "Hvilke traditionelle tilbud ville have gavn af digital støtte?",
            "Which conventional offers would benefit from digital support?",
        ),
        None,
        False,
    ),
    (
        "need_score",
        "need_scale",
        (
            "Wie dringend braucht dieses Themenfeld neue digitale Angebote?",
            "Hvor presserende har dette område brug for nye digitale tilbud?",
            "How much does this topic field need new digital offers?",
        ),
        None,
        True,
    ),
    (
        "quick_wins",
        "radio",
        (
            "Wo sind die Voraussetzungen für schnelle Erfolge günstig?",
            "Hvor er forudsætningerne for hurtige resultater gode?",
            "Where do conditions favour quick wins?",
        ),
        (
            "Daten und Systeme sind schon vorhanden\nEngagierte Mitarbeitende\nFördermittel stehen bereit\n"
            "Partner sind bereit\nWeiß ich nicht",
            "Data og systemer findes allerede\nEngagerede medarbejdere\nDer er tilskud til rådighed\n"
            "Partnere er klar\nVed ikke",
            "Data and systems are already there\nCommitted staff\nFunding is available\n"
            "Partners are ready\nI do not know",
        ),
        False,
    ),
    (
        "stakeholders",
        "checkboxes",
        (
            "Wen sollte die Stadt beteiligen?",
            "Hvem bør byen inddrage?",
            "Which stakeholders should be involved?",
        ),
        (
            "Bürgerinnen und Bürger\nUnternehmen\nVereine und Verbände\nSchulen und Hochschulen\n"
            "Dänische Partner\nMitarbeitende der Verwaltung",
            "Borgere\nVirksomheder\nForeninger og organisationer\nSkoler og uddannelsessteder\n"
            "Danske partnere\nForvaltningens medarbejdere",
            "Citizens\nBusinesses\nClubs and associations\nSchools and universities\n"
            "Danish partners\nStaff of the administration",
        ),
        False,
    ),
]

#: Free texts (German, as respondents wrote them); the first ones of each list are approved.
TEXTS = {
    "known_offers": [
        "Das Bürgerportal kenne ich, aber die Suche findet oft nicht die richtige Leistung.",
        "Der Chatbot hilft bei einfachen Fragen, bei Sonderfällen verweist er nur aufs Telefon.",
        "Online-Termine gibt es nur für manche Standorte.",
        "Die Ladesäulen-Karte ist praktisch, zeigt aber nicht, ob eine Säule frei ist.",
    ],
    "conventional_offers": [
        "Anträge auf Wohngeld: viele Nachweise, die man heute noch persönlich abgeben muss.",
        "Anmeldung im Verein für Kinder, bisher nur auf Papier.",
        "Sprechstunden im Gesundheitsamt, die man nur telefonisch vereinbaren kann.",
    ],
}
APPROVED_PER_LIST = 2

#: Mean tendency of the need score per topic field slug (1–5), so the results differ by field.
NEED_TENDENCY = {"verwaltung": 4, "energie-mobilitaet": 4, "gesundheit": 3, "wohnen-arbeiten": 3}

FINDINGS = [
    # (topic field slug, title, summary, measure slug to link or None)
    (
        "verwaltung",
        "Termine und Anträge sollen ohne Wartezeit online gehen",
        "Die Befragten geben der Verwaltung den höchsten Bedarf. Genannt werden vor allem Online-Termine "
        "an allen Standorten und Anträge, für die man nicht mehr ins Rathaus muss.",
        "digitale-terminvergabe",
    ),
    (
        "energie-mobilitaet",
        "Freie Ladesäulen in Echtzeit sehen",
        "Die bestehende Karte der Ladesäulen wird genutzt, aber es fehlt die Angabe, ob eine Säule frei ist.",
        "ladesaeulenkarte",
    ),
    (
        "gesundheit",
        "Termine im Gesundheitsamt online vereinbaren",
        "Mehrere Antworten nennen Sprechstunden, die nur telefonisch zu vereinbaren sind; viele wünschen "
        "sich dafür einen Online-Kalender.",
        None,
    ),
]


def _digest(*parts):
    return int(hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest(), 16)


def load(context):
    agenda = context.pages.get("agenda")
    if agenda is None:
        context.log("  needs survey skipped: no agenda page")
        return None
    today = timezone.now().replace(hour=12, minute=0, second=0, microsecond=0)
    fields = {
        "title": T(
            "Bedarfsumfrage zur Digitalen Agenda",
            "Behovsundersøgelse om den digitale dagsorden",
            "Needs survey on the Digital Agenda",
        ),
        "intro": T(
            "Wo fehlen in Flensburg digitale Angebote am meisten? Die Antworten sind in die Maßnahmen eingeflossen.",
            "Hvor mangler Flensborg mest digitale tilbud? Svarene er indgået i tiltagene.",
            "Where are digital offers missing most in Flensburg? The answers have fed into the measures.",
        ),
        "description": T(
            "<p>Die Umfrage gehörte zur Bestands- und Bedarfsaufnahme der Digitalen Agenda. Sie fragte je Themenfeld, "
            "welche Angebote es gibt, wo sie hakt und wo schnelle Erfolge möglich sind.</p>",
            "<p>Undersøgelsen var en del af kortlægningen af status og behov i den digitale dagsorden. "
            "Den spurgte for hvert område, hvilke tilbud der findes, hvor det halter, "
            "og hvor hurtige resultater er mulige.</p>",
            "<p>The survey was part of the Digital Agenda's review of what exists and what is needed. "
            "For each topic field it asked which offers exist, where they fall short "
            "and where quick wins are possible.</p>",
        ),
        "thank_you_text": T(
            "Danke! Ihre Antworten sind gespeichert.",
            "Tak! Dine svar er gemt.",
            "Thank you! Your answers have been saved.",
        ),
        "results_text": T(
            "<p>Die Ergebnisse zeigen den größten Bedarf in der Verwaltung und bei Energie und Mobilität. "
            "Die Themenpatinnen und Themenpaten haben daraus Erkenntnisse abgeleitet und mit Maßnahmen verknüpft.</p>",
            "<p>Resultaterne viser det største behov i forvaltningen og inden for energi og mobilitet. "
            "De temaansvarlige har udledt resultater heraf og knyttet dem til tiltag.</p>",
            "<p>The results show the greatest need in the administration and in energy and mobility. "
            "The topic sponsors drew findings from them and linked them to measures.</p>",
        ),
        "results_published": True,
    }
    german, translations = split_languages(fields)
    slug = T("bedarfsumfrage", "behovsundersoegelse", "needs-survey")
    for code in translations:
        translations[code][slug.de] = slug.get(code)
    existing = NeedsSurveyPage.objects.child_of(agenda).filter(slug=slug.de).first()
    if existing is None:
        german["opens_at"] = today - datetime.timedelta(days=150)
        german["closes_at"] = today - datetime.timedelta(days=60)
    page, changed = upsert_page(agenda, NeedsSurveyPage, slug.de, **german)
    if not page.form_fields.exists():
        page = NeedsSurveyPage.objects.get(pk=page.pk)
        page.form_fields = [
            NeedsSurveyFormField(
                sort_order=order,
                clean_name=key,
                label=label[0],
                field_type=field_type,
                choices=choices[0] if choices else "",
                required=required,
                per_topic_field=True,
            )
            for order, (key, field_type, label, choices, required) in enumerate(QUESTIONS)
        ]
        publish(page)
        changed = True
    for _key, _type, label, choices, _required in QUESTIONS:
        split_languages([T(*label)] + ([T(*choices)] if choices else []), translations)
    translate_page(page, translations, changed=changed)

    topic_fields = {tf.slug: tf for tf in TopicFieldPage.objects.child_of(agenda).live().order_by("path")}
    responses = _responses(page, topic_fields)
    findings = _findings(page, topic_fields)
    context.pages["needs-survey"] = page
    context.log(f"  needs survey: {responses} responses, {findings} findings")
    return page


def _responses(page, topic_fields):
    """Generated responses, once: demo citizens online, the rest from paper questionnaires."""
    if SurveyResponse.objects.filter(page=page).exists() or not topic_fields:
        return SurveyResponse.objects.filter(page=page).count()
    citizens = accounts_demo.load()
    slugs = list(topic_fields)
    questions = {q.clean_name: q for q in page.form_fields.all()}
    users = citizens + [None] * PAPER_RESPONSES
    responses = SurveyResponse.objects.bulk_create(
        SurveyResponse(
            page=page,
            user=user,
            form_data={},
            language="de",
            channel=SurveyResponse.ONLINE if user else SurveyResponse.PAPER,
        )
        for user in users
    )
    through = SurveyResponse.topic_fields.through
    links, answers = [], []
    text_counters = dict.fromkeys(TEXTS, 0)
    for number, response in enumerate(responses):
        seed = _digest("survey", number)
        chosen = (
            sorted({slugs[seed % len(slugs)], slugs[(seed // 7) % len(slugs)]})
            if seed % 3
            else [slugs[seed % len(slugs)]]
        )
        form_data = {
            "topic_field_titles": "; ".join(topic_fields[s].title for s in chosen),
            "channel": response.channel,
        }
        for slug in chosen:
            tf = topic_fields[slug]
            links.append(through(surveyresponse_id=response.pk, topicfieldpage_id=tf.pk))
            value = seed // (11 + len(slug))
            score = max(1, min(5, NEED_TENDENCY.get(slug, 3) + (value % 5) - 2))
            answers.append(SurveyAnswer(response=response, question="need_score", topic_field=tf, scale_value=score))
            form_data[f"need_score__tf{tf.pk}"] = score
            quick = (value // 5) % 5
            answers.append(SurveyAnswer(response=response, question="quick_wins", topic_field=tf, choice_index=quick))
            form_data[f"quick_wins__tf{tf.pk}"] = questions["quick_wins"].choice_labels()[quick]
            for key, modulo in (("reasons_low_use", 5), ("stakeholders", 6)):
                picked = sorted({(value // 13) % modulo, (value // 17) % modulo})
                answers.extend(
                    SurveyAnswer(response=response, question=key, topic_field=tf, choice_index=i) for i in picked
                )
                labels = questions[key].choice_labels()
                form_data[f"{key}__tf{tf.pk}"] = "; ".join(labels[i] for i in picked)
            if value % 19 == 0:
                key = "known_offers" if value % 2 else "conventional_offers"
                counter = text_counters[key]
                index = counter % len(TEXTS[key])
                text_counters[key] += 1
                approved = counter < len(TEXTS[key]) and index < APPROVED_PER_LIST  # first mention of a text
                answers.append(
                    SurveyAnswer(
                        response=response,
                        question=key,
                        topic_field=tf,
                        text=TEXTS[key][index],
                        moderation=ModerationState.APPROVED if approved else ModerationState.PENDING,
                    )
                )
                form_data[f"{key}__tf{tf.pk}"] = TEXTS[key][index]
        response.form_data = form_data
    SurveyResponse.objects.bulk_update(responses, ["form_data"])
    through.objects.bulk_create(links)
    SurveyAnswer.objects.bulk_create(answers)
    return len(responses)


def _findings(page, topic_fields):
    count = 0
    for slug, title, summary, measure_slug in FINDINGS:
        tf = topic_fields.get(slug)
        if tf is None:
            continue
        finding, created = SurveyFinding.objects.get_or_create(
            survey=page, title=title, defaults={"topic_field": tf, "summary": summary}
        )
        if created:
            evidence = {}
            for answer in SurveyAnswer.objects.filter(response__page=page, topic_field=tf).approved().exclude(text=""):
                evidence.setdefault(answer.text, answer)
            finding.answers.set(list(evidence.values())[:3])
            measure = MeasurePage.objects.child_of(tf).filter(slug=measure_slug).first() if measure_slug else None
            if measure is not None:
                finding.measures.add(measure)
        count += 1
    return count


def delete_demo_content(context):
    """Before ``--reset`` deletes the page trees: findings protect their survey page from deletion."""
    SurveyFinding.objects.filter(survey__slug="bedarfsumfrage").delete()
