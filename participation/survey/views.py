"""Public views of the needs survey (routes of ``NeedsSurveyPage``): the answer form in two
steps (choose topic fields, then answer), the results once an editor publishes them, and a
finding's page. The admin screens are in ``participation.survey.admin_views``; every change
goes through ``participation.survey.services``.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts import ratelimit as account_ratelimit
from agenda.models import MeasurePage
from participation.core import ratelimit
from participation.dialogues import services
from participation.models import ModerationState, SurveyFinding
from participation.survey import forms as survey_forms
from participation.survey import services as survey
from participation.survey.results import results as aggregate_results
from website import permissions

RATE_LIMIT = {"per_user": (20, 3600), "per_ip": (60, 3600)}


# ---------------------------------------------------------------------------
# Public
# ---------------------------------------------------------------------------


def _render(request, page, context, status=200):
    base = page.get_context(request)
    base.update(context)
    return TemplateResponse(request, page.get_template(request), base, status=status)


def _ids(values):
    ids = []
    for value in values:
        if not str(value).isdigit():
            return None
        ids.append(int(value))
    return ids


def survey_form(request, page):
    choices = page.topic_field_choices()
    status = page.status()
    context = {"survey_status": status, "topic_field_choices": choices, "results_url": _results_url(page)}
    user = request.user
    if not user.is_authenticated:
        code = 401 if request.method == "POST" else 200
        if request.method == "POST":
            context["error"] = _("Please log in to answer the survey.")
        return _render(request, page, context, status=code)
    existing = survey.response_of(page, user)
    context["existing"] = existing
    if status != "open":
        if request.method == "POST":
            context["error"] = _("This survey is not open for answers.")
            return _render(request, page, context, status=403)
        return _render(request, page, context)

    if request.method == "POST":
        if ratelimit_exceeded(request):
            context["error"] = str(ratelimit.MESSAGE)
            return _render(request, page, context, status=429)
        selected = _ids(request.POST.getlist("topic_fields")) or []
        form = survey_forms.SurveyAnswerForm(request.POST, page=page, selected=selected, choices=choices)
        context["form"] = form
        if not form.is_valid():
            return _render(request, page, context, status=400)
        try:
            survey.save_response(page, user, form, language=get_language() or "")
        except services.ParticipationError as error:
            context["error"] = error.message
            return _render(request, page, context, status=error.status)
        messages.success(request, page.thank_you_text or _("Thank you! Your answers have been saved."))
        return redirect(page.url + "?saved=1")

    # GET: step 1 (choose topic fields) unless chosen in the query or by an earlier response
    selection = survey_forms.TopicFieldSelectionForm(request.GET or None, choices=choices)
    selected = None
    if request.GET.getlist("topic_fields"):
        if selection.is_valid():
            selected = selection.selected_ids()
        else:
            context["selection_form"] = selection
            return _render(request, page, context, status=400)
    elif existing is not None and "change" not in request.GET:
        selected = list(existing.topic_fields.values_list("pk", flat=True))
    if not selected:
        context["selection_form"] = survey_forms.TopicFieldSelectionForm(
            choices=choices,
            initial={"topic_fields": [str(pk) for pk in existing.topic_fields.values_list("pk", flat=True)]}
            if existing
            else None,
        )
        return _render(request, page, context)
    initial = {"topic_fields": [str(pk) for pk in selected]}
    if existing is not None:
        initial.update(survey_forms.initial_from_response(existing))
        initial["topic_fields"] = [str(pk) for pk in selected]
    form = survey_forms.SurveyAnswerForm(initial=initial, page=page, selected=selected, choices=choices)
    survey_forms.unwrap_single_choices(form.initial, form)
    context["form"] = form
    return _render(request, page, context)


def ratelimit_exceeded(request):
    return account_ratelimit.exceeded(request, "participation-survey", **RATE_LIMIT)


def _results_url(page):
    return page.url + page.reverse_subpage("results") if page.results_published else None


def survey_results(request, page):
    if not page.results_published and not permissions.can_view_unpublished_results(request.user, page):
        raise Http404
    results = aggregate_results(page)
    findings = list(
        SurveyFinding.objects.public()
        .filter(survey=page.source_page())
        .select_related("topic_field")
        .prefetch_related("measures")
    )
    context = {"results": results, "findings": findings, "preview": not page.results_published}
    base = page.get_context(request)
    base.update(context)
    return TemplateResponse(request, "participation/survey/results.html", base)


def finding_detail(request, page, finding_id):
    finding = (
        SurveyFinding.objects.filter(pk=finding_id, survey=page.source_page())
        .select_related("topic_field", "survey")
        .first()
    )
    if finding is None or not (finding.is_public or permissions.can_manage_finding(request.user, finding)):
        raise Http404
    measures = list(MeasurePage.objects.filter(pk__in=finding.measures.values("pk")).order_by("title"))
    localized = _localized_measures(measures)
    mean, count = survey.finding_need(finding)
    answers = list(finding.answers.filter(moderation=ModerationState.APPROVED).exclude(text="").order_by("pk")) + list(
        finding.answers.filter(text="").order_by("pk")
    )
    questions = page.questions_by_key()
    context = {
        "finding": finding,
        "measures": localized,
        "need_mean": mean,
        "need_count": count,
        "evidence": [(questions.get(a.question), a) for a in answers],
        "results_url": _results_url(page),
    }
    base = page.get_context(request)
    base.update(context)
    return TemplateResponse(request, "participation/survey/finding_detail.html", base)


def _localized_measures(measures):
    """Each measure in the active language where a live translation exists, with its projects."""
    from wagtail.models import Locale

    if not measures:
        return []
    locale = Locale.get_active()
    translations = {
        m.translation_key: m
        for m in MeasurePage.objects.live()
        .filter(locale=locale, translation_key__in=[m.translation_key for m in measures])
        .prefetch_related("projects")
    }
    return [translations.get(m.translation_key, m) for m in measures]
