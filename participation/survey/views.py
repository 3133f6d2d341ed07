"""Views of the needs survey.

Public (routes of ``NeedsSurveyPage``): the answer form in two steps (choose topic fields,
then answer), the results once an editor publishes them, and a finding's page.

Admin: moderation of free-text answers and the findings (list, create, edit, link to a
measure or promote to a new draft measure). Editors see everything; topic sponsors the
answers and findings of their topic fields. Every change goes through ``participation.survey.services``.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from accounts import ratelimit as account_ratelimit
from agenda.language import default_language_code
from agenda.models import MeasurePage, TopicFieldPage
from participation.core import ratelimit
from participation.dialogues import services
from participation.models import ModerationState, NeedsSurveyPage, SurveyAnswer, SurveyFinding
from participation.survey import services as survey
from participation.survey.models import FINDING_TEXT_MAX_LENGTH
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
        form = survey.SurveyAnswerForm(request.POST, page=page, selected=selected, choices=choices)
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
    selection = survey.TopicFieldSelectionForm(request.GET or None, choices=choices)
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
        context["selection_form"] = survey.TopicFieldSelectionForm(
            choices=choices,
            initial={"topic_fields": [str(pk) for pk in existing.topic_fields.values_list("pk", flat=True)]}
            if existing
            else None,
        )
        return _render(request, page, context)
    initial = {"topic_fields": [str(pk) for pk in selected]}
    if existing is not None:
        initial.update(survey.initial_from_response(existing))
        initial["topic_fields"] = [str(pk) for pk in selected]
    form = survey.SurveyAnswerForm(initial=initial, page=page, selected=selected, choices=choices)
    survey._unwrap_single_choices(form.initial, form)
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


# ---------------------------------------------------------------------------
# Admin: moderation of free-text answers
# ---------------------------------------------------------------------------

QUEUE_LIMIT = 200


def _require_moderator(user):
    if not permissions.can_moderate(user):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def answer_queue(request):
    _require_moderator(request.user)
    if request.method == "POST":
        pk, state = request.POST.get("answer", ""), request.POST.get("state", "")
        answer = SurveyAnswer.objects.filter(pk=int(pk)).first() if pk.isdigit() else None
        if answer is None or not permissions.can_moderate_answer(request.user, answer):
            messages.error(request, _("Unknown answer."))
            return redirect("participation_survey:answers")
        try:
            survey.moderate_answer(request.user, answer, state)
            messages.success(request, _("Saved."))
        except services.ParticipationError as error:
            messages.error(request, error.message)
        return redirect("participation_survey:answers")
    answers = list(
        permissions.limit_to_scope(request.user, SurveyAnswer.objects.exclude(text=""))
        .filter(moderation=ModerationState.PENDING)
        .select_related("topic_field", "response__page")
        .order_by("pk")[:QUEUE_LIMIT]
    )
    return TemplateResponse(
        request,
        "participation/survey/admin/answer_queue.html",
        {"page_title": _("Survey answers to moderate"), "header_icon": "form", "answers": answers},
    )


# ---------------------------------------------------------------------------
# Admin: findings
# ---------------------------------------------------------------------------


class FindingPolicy(BasePermissionPolicy):
    """Editors manage every finding, sponsors those of their topic fields; only editors delete."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return permissions.can_delete_finding(user)
        return action in ("view", "add", "change") and permissions.can_moderate(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):  # pragma: no cover
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and permissions.can_manage_finding(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return permissions.limit_to_scope(user, SurveyFinding.objects.all())


class FindingForm(WagtailAdminModelForm):
    class Meta:
        model = SurveyFinding
        fields = ["survey", "topic_field", "title", "summary", "is_public"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.fields["survey"].queryset = NeedsSurveyPage.objects.filter(locale__language_code=default_language_code())
        topic_fields = TopicFieldPage.objects.filter(locale__language_code=default_language_code()).order_by("path")
        if for_user is not None:
            topic_fields = permissions.limit_to_scope(for_user, topic_fields, field="pk")
        self.fields["topic_field"].queryset = topic_fields
        self.fields["summary"].max_length = FINDING_TEXT_MAX_LENGTH

    def save(self, commit=True):
        if self.instance.pk is None and self.for_user is not None:
            self.instance.created_by = self.for_user
        return super().save(commit=commit)

    def clean_title(self):
        return survey.clean_plain_text(self.cleaned_data["title"])

    def clean_summary(self):
        return survey.clean_plain_text(self.cleaned_data["summary"])


class FindingIndexView(IndexView):
    def get_base_queryset(self):
        return permissions.limit_to_scope(self.request.user, super().get_base_queryset()).select_related(
            "topic_field", "survey"
        )

    def get_edit_url(self, instance):
        return reverse("participation_survey:finding", args=[instance.pk])


class FindingViewSet(ModelViewSet):
    model = SurveyFinding
    icon = "clipboard-list"
    menu_label = gettext_lazy("Survey findings")
    menu_order = 295
    add_to_admin_menu = True
    index_view_class = FindingIndexView
    form_fields = ["survey", "topic_field", "title", "summary", "is_public"]
    copy_view_enabled = False
    search_fields = ["title", "summary"]
    search_backend_name = None
    list_filter = ["topic_field", "is_public"]
    list_display = [
        "title",
        Column("topic_field", label=gettext_lazy("Topic field"), accessor="topic_field.title"),
        Column("survey", label=gettext_lazy("Needs survey"), accessor="survey.title"),
        "is_public",
        "created_at",
    ]

    def get_form_class(self, for_update=False):
        return FindingForm


class LinkForm(forms.Form):
    measure = forms.ModelChoiceField(label=gettext_lazy("Existing measure"), queryset=None)

    def __init__(self, *args, topic_field, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = MeasurePage.objects.child_of(topic_field).order_by("title")


class PromoteForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title of the new measure"), max_length=255)
    solution_idea = forms.CharField(
        label=gettext_lazy("Solution idea"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )


class EvidenceForm(forms.Form):
    answers = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Free-text answers this finding rests on"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, finding, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answers"].queryset = (
            SurveyAnswer.objects.filter(response__page_id=finding.survey_id, topic_field_id=finding.topic_field_id)
            .exclude(text="")
            .order_by("pk")
        )
        self.fields["answers"].label_from_instance = lambda answer: answer.text[:300]


@require_http_methods(["GET", "POST"])
def finding_triage(request, pk):
    _require_moderator(request.user)
    finding = get_object_or_404(SurveyFinding.objects.select_related("topic_field", "survey"), pk=pk)
    if not permissions.can_manage_finding(request.user, finding):
        raise PermissionDenied
    forms_by_action = {
        "link": LinkForm(topic_field=finding.topic_field),
        "promote": PromoteForm(initial={"title": finding.title[:255]}),
        "evidence": EvidenceForm(
            finding=finding, initial={"answers": list(finding.answers.values_list("pk", flat=True))}
        ),
    }
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            done = _run_finding_action(request, finding, action, forms_by_action)
        except services.ParticipationError as error:
            messages.error(request, error.message)
            done = False
        if done:
            messages.success(request, done)
            return redirect("participation_survey:finding", pk=finding.pk)
        status = 400
    mean, count = survey.finding_need(finding)
    return TemplateResponse(
        request,
        "participation/survey/admin/finding_triage.html",
        {
            "page_title": _("Finding: %(title)s") % {"title": finding.title},
            "header_icon": "clipboard-list",
            "finding": finding,
            "measures": list(finding.measures.all().order_by("title")),
            "need_mean": mean,
            "need_count": count,
            "forms": forms_by_action,
            "edit_url": reverse("survey_findings:edit", args=[finding.pk]),
        },
        status=status,
    )


def _run_finding_action(request, finding, action, forms_by_action):
    user = request.user
    if action == "link":
        form = forms_by_action["link"] = LinkForm(request.POST, topic_field=finding.topic_field)
        if not form.is_valid():
            return False
        measure = survey.link_finding(user, finding, form.cleaned_data["measure"])
        return _("Linked to the measure “%(title)s”.") % {"title": measure.title}
    if action == "promote":
        form = forms_by_action["promote"] = PromoteForm(request.POST)
        if not form.is_valid():
            return False
        measure = survey.promote_finding(
            user, finding, title=form.cleaned_data["title"], solution_idea=form.cleaned_data["solution_idea"]
        )
        return _("The draft measure “%(title)s” has been created; edit and submit it for publication.") % {
            "title": measure.title
        }
    if action == "evidence":
        form = forms_by_action["evidence"] = EvidenceForm(request.POST, finding=finding)
        if not form.is_valid():
            return False
        finding.answers.set(form.cleaned_data["answers"])
        return _("Saved.")
    messages.error(request, _("Unknown action."))
    return False


urlpatterns = [
    path("answers/", answer_queue, name="answers"),
    path("findings/<int:pk>/", finding_triage, name="finding"),
]
