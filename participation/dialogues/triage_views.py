"""One idea's triage screen in the Wagtail admin: status, official answer, hide/restore,
link to a measure or turn one or more ideas into a new draft measure; and the actions on
flags and pre-moderated contributions that the queue (``admin_views``) offers.

Editors act in every topic field, sponsors in their own (``website.permissions``); every
change goes through ``participation.dialogues.services``, which checks again and logs it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import display_name_of
from participation.dialogues import services
from participation.dialogues.forms import AnswerForm, LinkMeasureForm, PromoteForm, ReasonForm, StatusForm
from participation.dialogues.models.ideas import REASON_MAX_LENGTH
from participation.models import Comment, Flag, Idea, IdeaStatus
from website import permissions


def require_moderator(user):
    if not permissions.can_moderate(user):
        raise PermissionDenied


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
