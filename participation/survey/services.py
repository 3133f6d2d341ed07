"""Domain operations of the needs survey: the default questions, the answer form, saving a
response, moderation of free text, findings and personal data (results: ``survey_results``).

Every write goes through here (site form, admin screens, demo), so the rules hold everywhere.
Rule violations raise ``participation.dialogues.services.ParticipationError``; nothing is stored then.
"""

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from agenda.language import default_language_code
from agenda.models import TopicFieldPage
from participation.core import audit
from participation.core.errors import ParticipationError
from participation.core.measures import link as link_measure
from participation.core.measures import promote as promote_measure
from participation.core.measures import source_measure
from participation.core.models import ModerationAction
from participation.survey.models import (
    ModerationState,
    NeedsSurveyFormField,
    SurveyAnswer,
    SurveyResponse,
)
from website import permissions

# ---------------------------------------------------------------------------
# The agenda's six guiding questions (the default set of a new survey)
# ---------------------------------------------------------------------------

DEFAULT_QUESTIONS = [
    {
        "label": gettext_noop("Which digital offers do you know in this topic field, and how well do they work?"),
        "field_type": "multiline",
        "help_text": gettext_noop("Name the offers you use or know and what works well or badly."),
        "required": False,
    },
    {
        "label": gettext_noop("Why are some digital offers used less than hoped?"),
        "field_type": "checkboxes",
        "choices": [
            gettext_noop("They are not known"),
            gettext_noop("They are too complicated"),
            gettext_noop("They are not accessible"),
            gettext_noop("Concerns about data protection"),
            gettext_noop("The conventional way is quicker"),
        ],
        "required": False,
    },
    {
        "label": gettext_noop("Which conventional offers would benefit from digital support?"),
        "field_type": "multiline",
        "required": False,
    },
    {
        "label": gettext_noop("How much does this topic field need new digital offers?"),
        "field_type": "need_scale",
        "help_text": gettext_noop("1 = hardly at all, 5 = very urgently."),
        "required": True,
    },
    {
        "label": gettext_noop("Where do conditions favour quick wins?"),
        "field_type": "radio",
        "choices": [
            gettext_noop("Data and systems are already there"),
            gettext_noop("Committed staff"),
            gettext_noop("Funding is available"),
            gettext_noop("Partners are ready"),
            gettext_noop("I do not know"),
        ],
        "required": False,
    },
    {
        "label": gettext_noop("Which stakeholders should be involved?"),
        "field_type": "checkboxes",
        "choices": [
            gettext_noop("Citizens"),
            gettext_noop("Businesses"),
            gettext_noop("Clubs and associations"),
            gettext_noop("Schools and universities"),
            gettext_noop("Danish partners"),
            gettext_noop("Staff of the administration"),
        ],
        "required": False,
    },
]

DEFAULT_QUESTION_KEYS = [
    "known_offers",
    "reasons_low_use",
    "conventional_offers",
    "need_score",
    "quick_wins",
    "stakeholders",
]


def default_questions(language_code=None):
    """The six guiding questions as unsaved form fields, worded in ``language_code``."""
    language_code = language_code or translation.get_language()
    fields = []
    with translation.override(language_code):
        for order, (key, spec) in enumerate(zip(DEFAULT_QUESTION_KEYS, DEFAULT_QUESTIONS, strict=True)):
            fields.append(
                NeedsSurveyFormField(
                    sort_order=order,
                    clean_name=key,
                    label=translation.gettext(spec["label"]),
                    help_text=translation.gettext(spec.get("help_text", "")) if spec.get("help_text") else "",
                    field_type=spec["field_type"],
                    required=spec["required"],
                    per_topic_field=True,
                    choices="\n".join(translation.gettext(choice) for choice in spec.get("choices", [])),
                )
            )
    return fields


# ---------------------------------------------------------------------------
# Topic fields and answer keys
# ---------------------------------------------------------------------------


def topic_field_choices(page):
    """[(source topic field, topic field shown in the page's language)] of the survey's site, in path order."""
    from wagtail.models import Page

    source = page.source_page()
    home_path = source.path[: Page.steplen * 2]
    sources = list(
        TopicFieldPage.objects.live()
        .filter(path__startswith=home_path, locale__language_code=default_language_code())
        .order_by("path")
    )
    if page.locale_id == source.locale_id or not sources:
        return [(tf, tf) for tf in sources]
    shown = {
        tf.translation_key: tf
        for tf in TopicFieldPage.objects.live().filter(
            translation_key__in=[tf.translation_key for tf in sources], locale_id=page.locale_id
        )
    }
    return [(tf, shown.get(tf.translation_key, tf)) for tf in sources]


def answer_key(question_key, topic_field_id=None):
    return f"{question_key}__tf{topic_field_id}" if topic_field_id else question_key


def data_fields(page):
    """Wagtail's export columns: (key, heading) per question and, where asked so, per topic field."""
    choices = topic_field_choices(page)
    from wagtail.contrib.forms.models import FormMixin

    columns = FormMixin.get_data_fields(page)[:1]  # Wagtail's own "submit_time" column
    columns += [("topic_field_titles", _("Topic fields")), ("channel", _("Channel")), ("language", _("Language"))]
    for question in page.form_fields.all():
        if question.per_topic_field:
            columns += [
                (answer_key(question.clean_name, source.pk), f"{question.label} – {shown.title}")
                for source, shown in choices
            ]
        else:
            columns.append((question.clean_name, question.label))
    return columns


# ---------------------------------------------------------------------------
# Saving a response
# ---------------------------------------------------------------------------


def response_of(page, user):
    if not getattr(user, "is_authenticated", False):
        return None
    return SurveyResponse.objects.filter(page=page.source_page(), user=user).first()


def save_response(page, user, form, *, language="", channel=None):
    """Store (or replace, while open) the account's response from a valid ``SurveyAnswerForm``.

    The default-language labels of the chosen options go into ``form_data`` (the export);
    the answers as rows. A second response of the same account is refused (409), also when
    two requests race: the unique constraint decides.
    """
    if not getattr(user, "is_authenticated", False):
        raise ParticipationError(_("Please log in to answer the survey."), code="login_required", status=401)
    if not page.is_open():
        raise ParticipationError(_("This survey is not open for answers."), code="closed", status=403)
    source = page.source_page()
    existing = response_of(page, user)
    edit_of = form.cleaned_data.get("edit_of")
    if existing is None and edit_of:
        raise ParticipationError(_("This response does not exist."), field="edit_of", code="unknown", status=400)
    if existing is not None and edit_of != existing.pk:
        raise ParticipationError(
            _("You have already answered this survey. Open it again to change your answers."),
            code="already_answered",
            status=409,
        )
    source_questions = {q.clean_name: q for q in source.form_fields.all()}
    titles = {tf.pk: tf.title for tf, _shown in topic_field_choices(source)}
    selected = form.selected_ids()
    form_data = {
        "topic_field_titles": "; ".join(titles.get(pk, str(pk)) for pk in selected),
        "channel": channel or SurveyResponse.ONLINE,
        "language": language,
    }
    answers = []
    for item in form.all_questions():
        value = form.cleaned_data.get(item.name)
        question = source_questions.get(item.question.clean_name, item.question)
        labels = question.choice_labels()
        topic_field_id = item.topic_field.pk if item.topic_field is not None else None
        base = {"question": item.question.clean_name, "topic_field_id": topic_field_id}
        if value in (None, "", []):
            form_data[item.name] = ""
            continue
        if item.question.field_type == "need_scale":
            answers.append(SurveyAnswer(scale_value=value, **base))
            form_data[item.name] = value
        elif item.question.field_type == "radio":
            answers.append(SurveyAnswer(choice_index=value, **base))
            form_data[item.name] = labels[value] if value < len(labels) else str(value)
        elif item.question.field_type == "checkboxes":
            answers.extend(SurveyAnswer(choice_index=index, **base) for index in sorted(set(value)))
            form_data[item.name] = "; ".join(labels[i] if i < len(labels) else str(i) for i in sorted(set(value)))
        else:
            answers.append(SurveyAnswer(text=value, **base))
            form_data[item.name] = value
    try:
        with transaction.atomic():
            if existing is None:
                response = SurveyResponse.objects.create(
                    page=source, user=user, form_data=form_data, language=language, channel=form_data["channel"]
                )
            else:
                response = existing
                response.form_data, response.language = form_data, language
                response.save(update_fields=["form_data", "language", "updated_at"])
                response.answers.all().delete()
            response.topic_fields.set(selected)
            for answer in answers:
                answer.response = response
            SurveyAnswer.objects.bulk_create(answers)
    except IntegrityError:
        raise ParticipationError(
            _("You have already answered this survey. Open it again to change your answers."),
            code="already_answered",
            status=409,
        ) from None
    return response


# ---------------------------------------------------------------------------
# Moderation of free-text answers
# ---------------------------------------------------------------------------


def moderate_answer(actor, answer, state):
    if state not in (ModerationState.APPROVED, ModerationState.REJECTED, ModerationState.PENDING):
        raise ParticipationError(_("Unknown moderation decision."), field="state")
    if not answer.text:
        raise ParticipationError(_("Only free-text answers are moderated."), field="answer")
    if not permissions.can_moderate_answer(actor, answer):
        raise ParticipationError(_("You are not allowed to do this."), code="forbidden", status=403)
    action = {ModerationState.APPROVED: ModerationAction.APPROVE, ModerationState.REJECTED: ModerationAction.REJECT}
    with transaction.atomic():
        answer.moderation, answer.moderated_by, answer.moderated_at = state, actor, timezone.now()
        answer.save(update_fields=["moderation", "moderated_by", "moderated_at"])
        audit.record(action.get(state, ModerationAction.STATUS), actor, answer, state=state)
    return answer


# ---------------------------------------------------------------------------
# Findings
# ---------------------------------------------------------------------------


def _require_finding_manager(user, finding):
    if not permissions.can_manage_finding(user, finding):
        raise ParticipationError(
            _("Only editors and the sponsors of this finding's topic field may do this."), code="forbidden", status=403
        )


def link_finding(actor, finding, measure):
    """Link a finding to an existing measure (its default-language page)."""
    _require_finding_manager(actor, finding)
    measure = source_measure(measure)
    link_measure(actor, finding, measure)
    return measure


def promote_finding(actor, finding, *, title, solution_idea=""):
    """A new draft measure in the finding's topic field, linked to the finding."""
    _require_finding_manager(actor, finding)
    with transaction.atomic():
        measure = promote_measure(
            actor,
            [finding],
            finding.topic_field,
            title=title,
            problem=f"{finding.title}: {finding.summary}",
            solution_idea=solution_idea,
        )
        finding.measures.add(measure)
    return measure


def finding_need(finding):
    """(mean need score, number of scores) of the finding's topic field in its survey."""
    row = SurveyAnswer.objects.filter(
        response__page_id=finding.survey_id, topic_field_id=finding.topic_field_id, scale_value__isnull=False
    ).aggregate(mean=Avg("scale_value"), n=Count("pk"))
    return (round(row["mean"], 2) if row["mean"] is not None else None, row["n"])
