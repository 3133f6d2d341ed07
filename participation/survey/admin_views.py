"""The needs survey in the Wagtail admin: the queue of free-text answers to moderate, and
survey findings (listing, editing, triage into measures). Editors see every topic field,
sponsors their own (``website.permissions``); every decision is logged (``core.audit``).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from agenda.language import default_language_code
from agenda.models import MeasurePage, TopicFieldPage
from participation.dialogues import services
from participation.models import ModerationState, NeedsSurveyPage, SurveyAnswer, SurveyFinding
from participation.survey import forms as survey_forms
from participation.survey import services as survey
from participation.survey.models import FINDING_TEXT_MAX_LENGTH
from website import (
    converters,  # noqa: F401  (registers the <id:…> URL converter)
    permissions,
)

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
        return survey_forms.clean_plain_text(self.cleaned_data["title"])

    def clean_summary(self):
        return survey_forms.clean_plain_text(self.cleaned_data["summary"])


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
    path("findings/<id:pk>/", finding_triage, name="finding"),
]
