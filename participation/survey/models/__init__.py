"""The needs survey (Bestands- und Bedarfsaufnahme), its answers and the findings drawn from them.

Who may answer: accounts only, one response per account and survey, enforced by a unique
constraint, editable until the survey closes. An anonymous survey with rate limits can be
repeated by anyone who clears cookies or changes network, and its need scores feed the
prioritisation of measures, so they must not be stuffed; an account also lets a citizen see,
change, export and delete their own answers (``accounts.gdpr``).

Answers per topic field: the respondent first picks the topic fields they want to speak to;
every question marked "per topic field" is then asked once for each of them. Each answer is
stored twice: in the submission's ``form_data`` (so Wagtail's submissions listing and its
CSV/XLSX export work unchanged, one column per question and topic field) and as
``SurveyAnswer`` rows (question, topic field, choice index, scale value, text), which the
results page and the prioritisation aggregate in SQL.

Translations: the survey page is translated with wagtail-localize; question keys
(``clean_name``), types and flags are synchronised, so every language version shares them.
Choices are stored by position, so a Danish and a German "yes" count together. Responses and
answers always point at the default-language survey page and topic field.

``pages`` holds the page and its questions, ``answers`` what comes back.
"""

from participation.survey.models.answers import (
    ModerationState,
    SurveyAnswer,
    SurveyAnswerQuerySet,
    SurveyFinding,
    SurveyFindingQuerySet,
    SurveyResponse,
    SurveyScoringSettings,
)
from participation.survey.models.pages import (
    FINDING_TEXT_MAX_LENGTH,
    SCALE_MAX,
    SCALE_MIN,
    TEXT_MAX_LENGTH,
    TOPIC_FIELD_KEY_SEPARATOR,
    NeedsSurveyAdminForm,
    NeedsSurveyFormField,
    NeedsSurveyPage,
    QuestionType,
)

__all__ = [
    "FINDING_TEXT_MAX_LENGTH",
    "SCALE_MAX",
    "SCALE_MIN",
    "TEXT_MAX_LENGTH",
    "TOPIC_FIELD_KEY_SEPARATOR",
    "ModerationState",
    "NeedsSurveyAdminForm",
    "NeedsSurveyFormField",
    "NeedsSurveyPage",
    "QuestionType",
    "SurveyAnswer",
    "SurveyAnswerQuerySet",
    "SurveyFinding",
    "SurveyFindingQuerySet",
    "SurveyResponse",
    "SurveyScoringSettings",
]
