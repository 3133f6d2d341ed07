"""Results of the needs survey: answers aggregated per question and topic field (counts,
shares, mean need score) with the SVG charts of ``agenda.charts``, in a fixed number of queries
whatever the number of responses. Shown only once an editor publishes them (see the views).
"""

from dataclasses import dataclass, field

from django.db.models import Count

from agenda.charts import SeriesStyle, stacked_bars
from participation.survey.models import ModerationState, SurveyAnswer, SurveyResponse
from participation.survey.services import topic_field_choices


@dataclass
class ChoiceRow:
    label: str
    count: int
    percent: int


@dataclass
class TopicFieldResult:
    topic_field: object  # shown in the page's language; None for general questions
    respondents: int  # who answered this question for this topic field
    choices: list = field(default_factory=list)  # [ChoiceRow] for choice and scale questions
    mean: float | None = None  # scale questions only
    texts: list = field(default_factory=list)  # approved free texts


@dataclass
class QuestionResult:
    question: object
    rows: list  # [TopicFieldResult]
    chart: object = None
    text_total: int = 0  # submitted free texts (approved or not)


@dataclass
class SurveyResults:
    responses: int
    respondents_by_topic_field: list  # [(shown topic field, count)]
    questions: list  # [QuestionResult]
    need_by_topic_field: list  # [(shown topic field, mean, count)]


def _percent(count, total):
    return round(100 * count / total) if total else 0


def results(page):
    """Aggregated answers per question and topic field, in a fixed number of queries."""
    source = page.source_page()
    questions = list(page.form_fields.all())
    choices = topic_field_choices(page)
    shown = {src.pk: tf for src, tf in choices}
    order = [src.pk for src, _tf in choices]
    answers = SurveyAnswer.objects.filter(response__page=source).order_by()
    total = SurveyResponse.objects.filter(page=source).count()
    by_field = dict(
        SurveyResponse.topic_fields.through.objects.filter(surveyresponse__page=source)
        .order_by()
        .values("topicfieldpage_id")
        .annotate(n=Count("surveyresponse_id", distinct=True))
        .values_list("topicfieldpage_id", "n")
    )
    answered = {
        (row["question"], row["topic_field_id"]): row["n"]
        for row in answers.values("question", "topic_field_id").annotate(n=Count("response_id", distinct=True))
    }
    choice_counts = {
        (row["question"], row["topic_field_id"], row["choice_index"]): row["n"]
        for row in answers.filter(choice_index__isnull=False)
        .values("question", "topic_field_id", "choice_index")
        .annotate(n=Count("pk"))
    }
    scale_counts = {
        (row["question"], row["topic_field_id"], row["scale_value"]): row["n"]
        for row in answers.filter(scale_value__isnull=False)
        .values("question", "topic_field_id", "scale_value")
        .annotate(n=Count("pk"))
    }
    text_totals = {
        row["question"]: row["n"] for row in answers.exclude(text="").values("question").annotate(n=Count("pk"))
    }
    texts = {}
    for answer in answers.exclude(text="").filter(moderation=ModerationState.APPROVED).order_by("pk"):
        texts.setdefault((answer.question, answer.topic_field_id), []).append(answer.text)

    question_results = []
    for question in questions:
        keys = order if question.per_topic_field else [None]
        rows = []
        for tf_id in keys:
            n = answered.get((question.clean_name, tf_id), 0)
            row = TopicFieldResult(topic_field=shown.get(tf_id), respondents=n)
            if question.field_type in ("radio", "checkboxes"):
                row.choices = [
                    ChoiceRow(label, choice_counts.get((question.clean_name, tf_id, index), 0), 0)
                    for index, label in enumerate(question.choice_labels())
                ]
            elif question.field_type == "need_scale":
                row.choices = [
                    ChoiceRow(str(value), scale_counts.get((question.clean_name, tf_id, value), 0), 0)
                    for value in range(1, 6)
                ]
                scored = sum(c.count for c in row.choices)
                if scored:
                    row.mean = round(sum(int(c.label) * c.count for c in row.choices) / scored, 2)
            else:
                row.texts = texts.get((question.clean_name, tf_id), [])
            for choice in row.choices:
                choice.percent = _percent(choice.count, n)
            rows.append(row)
        result = QuestionResult(question, rows, text_total=text_totals.get(question.clean_name, 0))
        result.chart = _chart(question, rows)
        question_results.append(result)

    need_rows = []
    need_questions = [
        q for q in question_results if q.question.field_type == "need_scale" and q.question.per_topic_field
    ]
    for tf_id in order:
        counts = [0] * 5
        for q in need_questions:
            for row in q.rows:
                if row.topic_field is shown[tf_id]:
                    for i, choice in enumerate(row.choices):
                        counts[i] += choice.count
        n = sum(counts)
        mean = round(sum((i + 1) * c for i, c in enumerate(counts)) / n, 2) if n else None
        need_rows.append((shown[tf_id], mean, n))
    return SurveyResults(
        responses=total,
        respondents_by_topic_field=[(shown[pk], by_field.get(pk, 0)) for pk in order],
        questions=question_results,
        need_by_topic_field=need_rows,
    )


def _styles(count):
    palette = [
        SeriesStyle("#e3e8ee", "dots", "#1b1b1b", "#5b6770"),
        SeriesStyle("#b9d3ea", "diagonal", "#1b1b1b", "#24527a"),
        SeriesStyle("#7fb0d9", "horizontal", "#1b1b1b", "#1d4a70"),
        SeriesStyle("#3d85c0", "vertical", "#ffffff"),
        SeriesStyle("#1f5f96", "diagonal-reverse", "#ffffff"),
        SeriesStyle("#0b6e3f", "solid", "#ffffff"),
        SeriesStyle("#b35c00", "cross", "#ffffff"),
        SeriesStyle("#6b6b6b", "grid", "#ffffff"),
    ]
    return {f"c{index}": palette[index % len(palette)] for index in range(count)}


def _chart(question, rows):
    from django.utils.translation import gettext

    if question.field_type not in ("radio", "checkboxes", "need_scale") or not rows or not rows[0].choices:
        return None
    series = [(f"c{index}", choice.label) for index, choice in enumerate(rows[0].choices)]
    chart_rows = [
        (
            row.topic_field.title if row.topic_field is not None else gettext("All respondents"),
            {f"c{index}": choice.count for index, choice in enumerate(row.choices)},
        )
        for row in rows
    ]
    if question.field_type == "need_scale":
        desc = gettext(
            "One bar per topic field, divided by the need score given (1 to 5). "
            "The table gives every number and the mean."
        )
    else:
        desc = gettext(
            "One bar per topic field, divided by the options chosen. The table gives every number and share."
        )
    return stacked_bars(
        f"chart-q-{question.clean_name}".replace("_", "-"),
        question.label,
        desc,
        series,
        chart_rows,
        _styles(len(series)),
    )
