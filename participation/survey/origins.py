"""Needs survey findings as an origin of measures (see ``agenda.origins``)."""

from django.utils.translation import gettext_lazy as _

from agenda import origins
from participation.survey.models import SurveyFinding


def items_for_measure(measure, request=None):
    """Public findings of a measure, each with ``public_url``; the URL of a survey is looked up once."""
    findings = list(
        SurveyFinding.objects.public()
        .filter(measures=measure)
        .select_related("survey", "topic_field")
        .order_by("-created_at", "-pk")
    )
    base_urls = {}
    for finding in findings:
        if finding.survey_id not in base_urls:
            base_urls[finding.survey_id] = finding.localized_survey().url
        finding.public_url = base_urls[finding.survey_id] + finding.survey.reverse_subpage("finding", args=[finding.pk])
    return findings


def measures_with_origins(source_ids):
    ids = set(source_ids)
    found = SurveyFinding.objects.public().filter(measures__in=ids).values_list("measures", flat=True).distinct()
    return set(found) & ids


def api_items(measure):
    for finding in items_for_measure(measure):
        yield {
            "id": finding.pk,
            "title": finding.title,
            "summary": finding.summary,
            "survey": finding.survey.title,
            "topic_field": finding.topic_field_id,
            "url": finding.public_url,
        }


SURVEY_FINDINGS = origins.OriginKind(
    key="survey_findings",
    label=_("Findings of the needs survey"),
    template="participation/includes/origins_survey_findings.html",
    items_for_measure=items_for_measure,
    measures_with_origins=measures_with_origins,
    api_items=api_items,
    order=30,
)


def register():
    origins.register(SURVEY_FINDINGS)
