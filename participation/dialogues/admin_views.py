"""Moderation and triage in the Wagtail admin.

- the queue: open flags and contributions waiting for pre-moderation, plus new ideas;
- an idea's triage screen: status, official answer, hide/restore, link to a measure or
  turn one or more ideas into a new draft measure;
- listings of ideas and comments (filters, search, CSV/XLSX export of ideas) and the log.

Editors see everything; topic sponsors only the ideas of their topic fields (the
permission policy below filters every listing). Every change goes through
`participation.dialogues.services`, which checks the same rule again and logs it.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.coreutils import multigetattr
from wagtail.permission_policies.base import BasePermissionPolicy

from accounts.models import display_name_of
from agenda.models import MeasurePage
from participation.dialogues import services
from participation.dialogues.models.ideas import REASON_MAX_LENGTH, TEXT_MAX_LENGTH
from participation.models import Comment, Flag, Idea, IdeaStatus, ModerationLogEntry
from website import permissions

# ---------------------------------------------------------------------------
# Permission policies: moderators only, sponsors limited to their topic fields
# ---------------------------------------------------------------------------


class _ModeratorPolicy(BasePermissionPolicy):
    """Moderators may view the listings; every change goes through the triage screen and
    `participation.dialogues.services` (logged, notified), so the generic add/edit/delete views stay closed."""

    allowed_actions = {"view"}

    def user_has_permission(self, user, action):
        return action in self.allowed_actions and permissions.can_moderate(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):  # pragma: no cover - not used by the admin screens here
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()

    def user_has_permission_for_instance(self, user, action, instance):
        return action in self.allowed_actions and permissions.can_moderate(user, self._idea(instance))

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(action in self.allowed_actions for action in actions):
            return self.model.objects.none()
        return self._scoped(user)


class IdeaPolicy(_ModeratorPolicy):
    def _idea(self, instance):
        return instance

    def _scoped(self, user):
        return services.moderatable_ideas(user)


class CommentPolicy(_ModeratorPolicy):
    def _idea(self, instance):
        return instance.idea

    def _scoped(self, user):
        return services.moderatable_comments(user)


class LogPolicy(_ModeratorPolicy):
    def _idea(self, instance):
        return instance.idea

    def _scoped(self, user):
        return permissions.limit_to_scope(user, ModerationLogEntry.objects.all())


def require_moderator(user):
    if not permissions.can_moderate(user):
        raise PermissionDenied


# ---------------------------------------------------------------------------
# Listings
# ---------------------------------------------------------------------------


def measure_titles(idea):
    return "; ".join(measure.title for measure in idea.measures.all())


class IdeaIndexView(IndexView):
    def get_base_queryset(self):
        return (
            services.moderatable_ideas(self.request.user, super().get_base_queryset())
            .with_counts()
            .select_related("dialogue", "topic_field", "author__profile", "organisation")
            .prefetch_related("measures")
        )

    def get_edit_url(self, instance):
        return reverse("participation_moderation:idea", args=[instance.pk])

    def get_delete_url(self, instance):
        return None

    def get_copy_url(self, instance):
        return None

    def to_row_dict(self, item):
        """Export row; an idea without topic field or organisation gets empty cells."""
        row = {}
        for field in self.list_export:
            if field == "measure_titles":
                row[field] = measure_titles(item)
                continue
            try:
                value = multigetattr(item, field)
            except AttributeError:
                value = ""
            row[field] = value() if callable(value) else value
        return row

    def get_add_url(self):
        return None


class IdeaViewSet(ModelViewSet):
    model = Idea
    icon = "openquote"
    menu_label = gettext_lazy("Ideas")
    menu_order = 290
    add_to_admin_menu = True
    index_view_class = IdeaIndexView
    form_fields = ["status"]
    copy_view_enabled = False
    search_fields = ["title", "text"]
    search_backend_name = None
    list_filter = ["status", "dialogue", "topic_field", "is_hidden", "is_approved"]
    list_display = [
        "title",
        Column("dialogue", label=gettext_lazy("City dialogue"), accessor="dialogue.title"),
        Column("topic_field", label=gettext_lazy("Topic field"), accessor="topic_field.title"),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        Column("support_count", label=gettext_lazy("Supporters"), sort_key="support_count"),
        Column("comment_count", label=gettext_lazy("Comments"), sort_key="comment_count"),
        Column("is_hidden", label=gettext_lazy("Hidden")),
        "created_at",
    ]
    list_export = [
        "pk",
        "title",
        "dialogue.title",
        "topic_field.title",
        "get_status_display",
        "status_reason",
        "support_count",
        "comment_count",
        "author_name",
        "organisation.name",
        "official_answer",
        "measure_titles",
        "is_hidden",
        "created_at",
    ]
    export_headings = {
        "pk": gettext_lazy("ID"),
        "title": gettext_lazy("Title"),
        "dialogue.title": gettext_lazy("City dialogue"),
        "topic_field.title": gettext_lazy("Topic field"),
        "get_status_display": gettext_lazy("Status"),
        "status_reason": gettext_lazy("Reason for the status"),
        "support_count": gettext_lazy("Supporters"),
        "comment_count": gettext_lazy("Comments"),
        "author_name": gettext_lazy("Author (display name)"),
        "organisation.name": gettext_lazy("On behalf of"),
        "official_answer": gettext_lazy("Official answer"),
        "measure_titles": gettext_lazy("Linked measures"),
        "is_hidden": gettext_lazy("Hidden"),
        "created_at": gettext_lazy("Created"),
    }
    export_filename = "ideas"


class CommentIndexView(IndexView):
    def get_base_queryset(self):
        return services.moderatable_comments(self.request.user, super().get_base_queryset()).select_related(
            "idea", "author__profile"
        )

    def get_edit_url(self, instance):
        return reverse("participation_moderation:idea", args=[instance.idea_id]) + f"#comment-{instance.pk}"

    def get_delete_url(self, instance):
        return None

    def get_add_url(self):
        return None


class CommentViewSet(ModelViewSet):
    model = Comment
    icon = "comment"
    menu_label = gettext_lazy("Comments on ideas")
    menu_order = 291
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    form_fields = ["text"]
    copy_view_enabled = False
    search_fields = ["text"]
    search_backend_name = None
    list_filter = ["is_hidden", "is_approved", "is_official", "idea__dialogue"]
    list_display = [
        "text",
        Column("idea", label=gettext_lazy("Idea"), accessor="idea.title"),
        Column("author", label=gettext_lazy("Author"), accessor="author_name"),
        Column("is_hidden", label=gettext_lazy("Hidden")),
        "created_at",
    ]


class LogIndexView(IndexView):
    def get_base_queryset(self):
        policy = LogPolicy(ModerationLogEntry)
        return policy.instances_user_has_any_permission_for(self.request.user, ["view"]).select_related("idea", "actor")

    def get_edit_url(self, instance):
        return reverse("participation_moderation:idea", args=[instance.idea_id]) if instance.idea_id else None

    def get_delete_url(self, instance):
        return None

    def get_add_url(self):
        return None


class ModerationLogViewSet(ModelViewSet):
    model = ModerationLogEntry
    icon = "history"
    menu_label = gettext_lazy("Moderation log")
    menu_order = 293
    add_to_admin_menu = True
    index_view_class = LogIndexView
    form_fields = ["reason"]
    copy_view_enabled = False
    list_filter = ["action"]
    list_display = [
        Column("action", label=gettext_lazy("Action"), accessor="get_action_display"),
        Column("target_label", label=gettext_lazy("Content"), accessor="target_label"),
        Column("target_type", label=gettext_lazy("Kind"), accessor="target_kind"),
        Column("actor", label=gettext_lazy("Moderator"), accessor="actor"),
        "reason",
        "created_at",
    ]


# ---------------------------------------------------------------------------
# Queue
# ---------------------------------------------------------------------------

QUEUE_LIMIT = 100


def moderation_queue(request):
    require_moderator(request.user)
    user = request.user
    flags = list(
        Flag.objects.open()
        .filter(pk__in=_scoped_flags(user))
        .select_related("idea", "comment__idea", "reporter__profile")
        .order_by("created_at")[:QUEUE_LIMIT]
    )
    pending_ideas = list(
        services.moderatable_ideas(user, Idea.objects.filter(is_approved=False))
        .select_related("dialogue", "author__profile")
        .order_by("created_at")[:QUEUE_LIMIT]
    )
    pending_comments = list(
        services.moderatable_comments(user, Comment.objects.filter(is_approved=False))
        .select_related("idea", "author__profile")
        .order_by("created_at")[:QUEUE_LIMIT]
    )
    new_ideas = list(
        services.moderatable_ideas(user, Idea.objects.filter(is_approved=True, status=IdeaStatus.NEW))
        .with_counts()
        .select_related("dialogue", "topic_field", "author__profile")
        .order_by("created_at")[:QUEUE_LIMIT]
    )
    return TemplateResponse(
        request,
        "participation/admin/queue.html",
        {
            "page_title": _("Moderation queue"),
            "header_icon": "warning",
            "flags": flags,
            "pending_ideas": pending_ideas,
            "pending_comments": pending_comments,
            "new_ideas": new_ideas,
        },
    )


def _scoped_flags(user):
    by_idea = permissions.limit_to_scope(user, Flag.objects.all(), field="idea__topic_field_id")
    by_comment = permissions.limit_to_scope(user, Flag.objects.all(), field="comment__idea__topic_field_id")
    return (by_idea | by_comment).values("pk")


# ---------------------------------------------------------------------------
# Triage of one idea
# ---------------------------------------------------------------------------


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=IdeaStatus.choices)
    status_reason = forms.CharField(
        label=gettext_lazy("Public reason"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required when the idea is not pursued; shown publicly."),
    )
    merged_into = forms.IntegerField(label=gettext_lazy("Merged into idea no."), required=False, min_value=1)


class AnswerForm(forms.Form):
    official_answer = forms.CharField(
        label=gettext_lazy("Official answer of the city"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (shown to the author)"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def _parse_ids(value):
    ids = []
    for part in (value or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit():
            raise forms.ValidationError(gettext_lazy("Give idea numbers separated by commas."))
        ids.append(int(part))
    return ids


class LinkMeasureForm(forms.Form):
    measure = forms.ModelChoiceField(label=gettext_lazy("Existing measure"), queryset=None)
    more_ideas = forms.CharField(
        label=gettext_lazy("Further ideas (numbers, comma-separated)"), required=False, max_length=500
    )

    def __init__(self, *args, topic_field, **kwargs):
        super().__init__(*args, **kwargs)
        measures = MeasurePage.objects.none()
        if topic_field is not None:
            measures = MeasurePage.objects.child_of(topic_field).order_by("title")
        self.fields["measure"].queryset = measures

    def clean_more_ideas(self):
        return _parse_ids(self.cleaned_data.get("more_ideas"))


class PromoteForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title of the new measure"), max_length=255)
    solution_idea = forms.CharField(
        label=gettext_lazy("Solution idea"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    more_ideas = forms.CharField(
        label=gettext_lazy("Further ideas (numbers, comma-separated)"), required=False, max_length=500
    )

    def clean_more_ideas(self):
        return _parse_ids(self.cleaned_data.get("more_ideas"))


def _get_idea(request, pk):
    idea = get_object_or_404(
        Idea.objects.select_related("dialogue", "topic_field", "author__profile", "organisation", "merged_into"),
        pk=pk,
    )
    if not permissions.can_moderate(request.user, idea):
        raise PermissionDenied
    return idea


def _ideas_with(idea, ids, user):
    """The idea plus further ideas by number; all must exist and be moderatable by `user`."""
    extra = list(services.moderatable_ideas(user, Idea.objects.filter(pk__in=ids).exclude(pk=idea.pk)))
    if len(extra) != len(set(ids) - {idea.pk}):
        raise services.ParticipationError(
            _("Some idea numbers do not exist or are outside your topic fields."), field="more_ideas"
        )
    return [idea, *extra]


ACTIONS = ("status", "answer", "hide", "restore", "approve", "link", "promote", "hide_comment", "restore_comment")


@require_http_methods(["GET", "POST"])
def idea_triage(request, pk):
    require_moderator(request.user)
    idea = _get_idea(request, pk)
    forms_by_action = {
        "status": StatusForm(
            initial={
                "status": idea.status,
                "status_reason": idea.status_reason,
                "merged_into": idea.merged_into_id,
            }
        ),
        "answer": AnswerForm(initial={"official_answer": idea.official_answer}),
        "hide": ReasonForm(),
        "link": LinkMeasureForm(topic_field=idea.topic_field),
        "promote": PromoteForm(initial={"title": idea.title[:255]}),
    }
    status_code = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in ACTIONS:
            messages.error(request, _("Unknown action."))
            return redirect("participation_moderation:idea", pk=idea.pk)
        try:
            done = _run_action(request, idea, action, forms_by_action)
        except services.ParticipationError as error:
            messages.error(request, error.message)
            done = False
        if done:
            messages.success(request, done)
            return redirect("participation_moderation:idea", pk=idea.pk)
        status_code = 400
    comments = list(
        idea.comments.select_related("author__profile").prefetch_related(
            Prefetch("flags", queryset=Flag.objects.open(), to_attr="open_flags")
        )
    )
    return TemplateResponse(
        request,
        "participation/admin/idea_triage.html",
        {
            "page_title": _("Idea: %(title)s") % {"title": idea.title},
            "header_icon": "openquote",
            "idea": idea,
            "author_name": display_name_of(idea.author),
            "flags": list(idea.flags.open().select_related("reporter__profile")),
            "comments": comments,
            "measures": list(idea.measures.all()),
            "support_count": idea.supports.count(),
            "log": list(idea.log_entries.select_related("actor")[:50]),
            "forms": forms_by_action,
        },
        status=status_code,
    )


def _run_action(request, idea, action, forms_by_action):
    """Run one POSTed action; return a success message, or False with the bound form kept for errors."""
    user = request.user
    if action == "status":
        form = forms_by_action["status"] = StatusForm(request.POST)
        if not form.is_valid():
            return False
        merged_into = None
        if form.cleaned_data["status"] == IdeaStatus.MERGED and form.cleaned_data.get("merged_into"):
            merged_into = Idea.objects.filter(pk=form.cleaned_data["merged_into"]).first()
            if merged_into is None:
                form.add_error("merged_into", _("There is no idea with this number."))
                return False
        services.set_status(
            user, idea, form.cleaned_data["status"], form.cleaned_data["status_reason"], merged_into=merged_into
        )
        return _("The status has been saved; the author is notified.")
    if action == "answer":
        form = forms_by_action["answer"] = AnswerForm(request.POST)
        if not form.is_valid():
            return False
        services.answer(user, idea, form.cleaned_data["official_answer"])
        return _("The answer has been published; the author is notified.")
    if action in ("hide", "hide_comment"):
        form = forms_by_action["hide"] = ReasonForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give a reason; the author will see it."))
            return False
        target = _comment_of(idea, request.POST.get("comment")) if action == "hide_comment" else idea
        services.hide(user, target, form.cleaned_data["reason"])
        return _("Hidden. The public sees a placeholder, the author the reason.")
    if action in ("restore", "restore_comment"):
        target = _comment_of(idea, request.POST.get("comment")) if action == "restore_comment" else idea
        services.restore(user, target)
        return _("Restored.")
    if action == "approve":
        target = _comment_of(idea, request.POST.get("comment")) if request.POST.get("comment") else idea
        services.approve(user, target)
        return _("Approved and published.")
    if action == "link":
        form = forms_by_action["link"] = LinkMeasureForm(request.POST, topic_field=idea.topic_field)
        if not form.is_valid():
            return False
        ideas = _ideas_with(idea, form.cleaned_data["more_ideas"], user)
        measure = services.link_to_measure(user, ideas, form.cleaned_data["measure"])
        return _("Linked to the measure “%(title)s”.") % {"title": measure.title}
    if action == "promote":
        form = forms_by_action["promote"] = PromoteForm(request.POST)
        if not form.is_valid():
            return False
        ideas = _ideas_with(idea, form.cleaned_data["more_ideas"], user)
        measure = services.promote_to_measure(
            user, ideas, title=form.cleaned_data["title"], solution_idea=form.cleaned_data["solution_idea"]
        )
        return _("The draft measure “%(title)s” has been created; edit and submit it for publication.") % {
            "title": measure.title
        }
    return False


def _comment_of(idea, pk):
    if not (pk or "").isdigit():
        raise services.ParticipationError(_("Unknown comment."))
    comment = idea.comments.filter(pk=int(pk)).first()
    if comment is None:
        raise services.ParticipationError(_("Unknown comment."))
    return comment


@require_POST
def flag_action(request, pk):
    require_moderator(request.user)
    flag_row = get_object_or_404(Flag.objects.select_related("idea", "comment__idea"), pk=pk)
    if not permissions.can_moderate(request.user, flag_row):
        raise PermissionDenied
    action = request.POST.get("action")
    try:
        if action == "dismiss":
            services.dismiss_flag(request.user, flag_row)
            messages.success(request, _("The report has been dismissed."))
        elif action == "hide":
            services.hide(request.user, flag_row.target, request.POST.get("reason", "")[:REASON_MAX_LENGTH])
            messages.success(request, _("Hidden. The public sees a placeholder, the author the reason."))
        else:
            messages.error(request, _("Unknown action."))
    except services.ParticipationError as error:
        messages.error(request, error.message)
    return redirect("participation_moderation:queue")


@require_POST
def queue_approve(request, kind, pk):
    require_moderator(request.user)
    model = Idea if kind == "idea" else Comment
    target = get_object_or_404(model, pk=pk)
    try:
        services.approve(request.user, target)
        messages.success(request, _("Approved and published."))
    except services.ParticipationError as error:
        messages.error(request, error.message)
    return redirect("participation_moderation:queue")


urlpatterns = [
    path("", moderation_queue, name="queue"),
    path("ideas/<int:pk>/", idea_triage, name="idea"),
    path("flags/<int:pk>/", flag_action, name="flag"),
    path("approve/<str:kind>/<int:pk>/", queue_approve, name="approve"),
]
