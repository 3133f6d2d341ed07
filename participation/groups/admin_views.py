"""Admin screens of focus and feedback groups for topic sponsors and editors.

Sponsors see and manage only the groups of the topic fields they sponsor; editors see all.
Council members (and everyone else without a sponsor or editor role) get no access: group
work is confidential, its public outcome is on the site. Every change goes through
``participation.groups.services``, which checks the same rule again.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from participation.core.errors import ParticipationError
from participation.groups import notifications as group_notifications
from participation.groups import services as rules
from participation.groups import urls as group_urls  # noqa: F401  (registers the `id` converter)
from participation.groups.forms import (
    ExpertGroupForm,
    FeedbackRoundForm,
    InviteForm,
    LinkResultForm,
    OutcomeForm,
    PromoteResultForm,
    ResultForm,
    SessionForm,
)
from participation.groups.models import (
    ExpertGroup,
    FeedbackRating,
    FeedbackRound,
    GroupSession,
)
from website import permissions


def _require_group_manager(user):
    if not permissions.can_manage_groups(user):
        raise PermissionDenied


def _get_group(request, pk):
    _require_group_manager(request.user)
    group = get_object_or_404(ExpertGroup.objects.select_related("topic_field"), pk=pk)
    if not permissions.can_run_group(request.user, group):
        raise PermissionDenied
    return group


def _render(request, template, context, status=200):
    return TemplateResponse(request, f"participation/groups/admin/{template}", context, status=status)


@require_http_methods(["GET", "HEAD"])
def group_list(request):
    _require_group_manager(request.user)
    groups = list(
        rules.manageable_groups(request.user)
        .select_related("topic_field")
        .annotate(
            member_count=Count("memberships", distinct=True),
            session_count=Count("sessions", distinct=True),
        )
        .order_by("topic_field__path", "name")
    )
    return _render(
        request,
        "list.html",
        {"page_title": _("Focus and feedback groups"), "header_icon": "group", "groups": groups},
    )


@require_http_methods(["GET", "POST"])
def group_edit(request, pk=None):
    _require_group_manager(request.user)
    group = _get_group(request, pk) if pk else None
    topic_fields = rules.manageable_topic_fields(request.user)
    form = ExpertGroupForm(request.POST or None, instance=group, topic_fields=topic_fields)
    if request.method == "POST" and form.is_valid():
        if not permissions.can_manage_groups(request.user, form.cleaned_data["topic_field"]):
            raise PermissionDenied
        group = form.save()
        messages.success(request, _("The group has been saved."))
        return redirect("participation_groups:detail", pk=group.pk)
    title = _("Edit group: %(name)s") % {"name": group.name} if group else _("New group")
    return _render(
        request,
        "edit.html",
        {"page_title": title, "header_icon": "group", "form": form, "group": group},
        status=400 if request.method == "POST" else 200,
    )


GROUP_ACTIONS = ("invite", "resend", "revoke", "remove")


@require_http_methods(["GET", "POST"])
def group_detail(request, pk):
    group = _get_group(request, pk)
    invite_form = InviteForm()
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            done, invite_form = _group_action(request, group, action)
        except ParticipationError as error:
            messages.error(request, error.message)
            done = False
        if done:
            messages.success(request, done)
            return redirect("participation_groups:detail", pk=group.pk)
        status = 400
    now = timezone.now()
    invitations = list(group.invitations.select_related("accepted_by"))
    for invitation in invitations:
        invitation.current_state = invitation.state(now)
    return _render(
        request,
        "detail.html",
        {
            "page_title": group.name,
            "header_icon": "group",
            "group": group,
            "memberships": list(
                group.memberships.select_related("user__profile").order_by("user__profile__display_name", "pk")
            ),
            "invitations": invitations,
            "sessions": list(group.sessions.annotate(result_count=Count("results"))),
            "rounds": list(group.feedback_rounds.annotate(measure_count=Count("measures", distinct=True))),
            "invite_form": invite_form,
        },
        status=status,
    )


def _send(invitation, token):
    group_notifications.invitation_created(invitation, token, translation.get_language())


def _group_action(request, group, action):
    user = request.user
    if action == "invite":
        form = InviteForm(request.POST)
        if not form.is_valid():
            return False, form
        invited = []
        for email in form.cleaned_data["emails"]:
            try:
                invitation, token = rules.invite(user, group, email)
            except ParticipationError as error:
                messages.warning(request, error.message)
                continue
            _send(invitation, token)
            invited.append(email)
        if not invited:
            return False, form
        return _("Invitations sent to: %(emails)s") % {"emails": ", ".join(invited)}, InviteForm()
    invitation = None
    if action in ("resend", "revoke"):
        invitation = group.invitations.filter(pk=_int(request.POST.get("invitation"))).first()
        if invitation is None:
            raise ParticipationError(_("Unknown invitation."))
    if action == "resend":
        token = rules.resend(user, invitation)
        _send(invitation, token)
        return _("A new invitation link has been sent to %(email)s.") % {"email": invitation.email}, InviteForm()
    if action == "revoke":
        rules.revoke(user, invitation)
        return _("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email}, InviteForm()
    if action == "remove":
        rules.remove_member(user, group, _int(request.POST.get("member")))
        return _("The member has been removed from the group."), InviteForm()
    raise ParticipationError(_("Unknown action."))


def _int(value):
    """A positive database id from a form value, else None (never an overflow)."""
    value = str(value or "")
    if not value.isdigit() or len(value) > 10 or int(value) > 2**31 - 1:
        return None
    return int(value)


@require_http_methods(["GET", "POST"])
def session_edit(request, group_pk, pk=None):
    group = _get_group(request, group_pk)
    session = get_object_or_404(GroupSession, pk=pk, group=group) if pk else None
    members = rules.members_of(group).order_by("profile__display_name", "pk")
    form = SessionForm(request.POST or None, request.FILES or None, instance=session, members=members)
    if request.method == "POST" and form.is_valid():
        session = form.save(commit=False)
        session.group = group
        session.save()
        form.save_m2m()
        if form.cleaned_data.get("document"):
            rules.attach_document(request.user, session, form.cleaned_data["document"])
        messages.success(request, _("The session has been saved."))
        return redirect("participation_groups:session", pk=session.pk)
    title = _("Edit session: %(title)s") % {"title": session.title} if session else _("New session")
    return _render(
        request,
        "session_edit.html",
        {"page_title": title, "header_icon": "date", "form": form, "group": group, "session": session},
        status=400 if request.method == "POST" else 200,
    )


RESULT_ACTIONS = ("add_result", "publish", "unpublish", "promote", "link", "remove_document")


@require_http_methods(["GET", "POST"])
def session_detail(request, pk):
    _require_group_manager(request.user)
    session = get_object_or_404(GroupSession.objects.select_related("group__topic_field"), pk=pk)
    group = session.group
    if not permissions.can_run_group(request.user, group):
        raise PermissionDenied
    result_form = ResultForm()
    bound = {}
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            done = _session_action(request, session, action, bound)
        except ParticipationError as error:
            messages.error(request, error.message)
            done = False
        if done:
            messages.success(request, done)
            return redirect("participation_groups:session", pk=session.pk)
        result_form = bound.get("add_result", result_form)
        status = 400
    results = list(session.results.prefetch_related("measures"))
    for result in results:
        result.promote_form = bound.get(("promote", result.pk)) or PromoteResultForm(
            initial={"title": result.title}, auto_id=f"id_promote{result.pk}_%s"
        )
        result.link_form = bound.get(("link", result.pk)) or LinkResultForm(
            topic_field=group.topic_field, auto_id=f"id_link{result.pk}_%s"
        )
    return _render(
        request,
        "session.html",
        {
            "page_title": session.title,
            "header_icon": "date",
            "session": session,
            "group": group,
            "documents": list(session.documents.select_related("document")),
            "participants": list(session.participants.select_related("profile")),
            "results": results,
            "result_form": result_form,
        },
        status=status,
    )


def _session_action(request, session, action, bound):
    user = request.user
    if action == "add_result":
        rules.require_manager(user, session.group)
        form = bound["add_result"] = ResultForm(request.POST)
        if not form.is_valid():
            return False
        result = form.save(commit=False)
        result.session = session
        result.save()
        return _("The result has been recorded.")
    if action == "remove_document":
        rules.require_manager(user, session.group)
        deleted, _by_model = session.documents.filter(pk=_int(request.POST.get("document"))).delete()
        if not deleted:
            raise ParticipationError(_("Unknown document."))
        return _("The document has been removed from the session.")
    result = session.results.filter(pk=_int(request.POST.get("result"))).first()
    if result is None:
        raise ParticipationError(_("Unknown result."))
    if action in ("publish", "unpublish"):
        rules.set_result_public(user, result, action == "publish")
        return _("Saved.")
    if action == "promote":
        form = bound[("promote", result.pk)] = PromoteResultForm(request.POST, auto_id=f"id_promote{result.pk}_%s")
        if not form.is_valid():
            return False
        measure = rules.promote_result(
            user, result, title=form.cleaned_data["title"], solution_idea=form.cleaned_data["solution_idea"]
        )
        return _("The draft measure “%(title)s” has been created; edit and submit it for publication.") % {
            "title": measure.title
        }
    if action == "link":
        form = bound[("link", result.pk)] = LinkResultForm(
            request.POST, topic_field=session.group.topic_field, auto_id=f"id_link{result.pk}_%s"
        )
        if not form.is_valid():
            return False
        measure = rules.link_result(user, result, form.cleaned_data["measure"])
        return _("Linked to the measure “%(title)s”.") % {"title": measure.title}
    raise ParticipationError(_("Unknown action."))


@require_http_methods(["GET", "POST"])
def round_create(request, group_pk):
    group = _get_group(request, group_pk)
    if not group.is_feedback_group:
        messages.error(request, _("Feedback rounds are held by feedback groups."))
        return redirect("participation_groups:detail", pk=group.pk)
    form = FeedbackRoundForm(request.POST or None, topic_field=group.topic_field)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                feedback_round = rules.open_round(
                    request.user,
                    group,
                    title=form.cleaned_data["title"],
                    instructions=form.cleaned_data["instructions"],
                    measures=form.cleaned_data["measures"],
                    deadline=form.cleaned_data["deadline"],
                )
            except ParticipationError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, _("The feedback round is open."))
                return redirect("participation_groups:round", pk=feedback_round.pk)
    return _render(
        request,
        "round_create.html",
        {"page_title": _("New feedback round"), "header_icon": "tasks", "form": form, "group": group},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def round_detail(request, pk):
    _require_group_manager(request.user)
    feedback_round = get_object_or_404(FeedbackRound.objects.select_related("group"), pk=pk)
    group = feedback_round.group
    if not permissions.can_run_group(request.user, group):
        raise PermissionDenied
    status = 200
    bound = None
    if request.method == "POST":
        bound = OutcomeForm(request.POST)
        measure = None
        if bound.is_valid():
            measure = feedback_round.measures.filter(pk=bound.cleaned_data["measure"]).first()
            if measure is None:
                messages.error(request, _("This measure is not part of the feedback round."))
            else:
                try:
                    rules.record_outcome(
                        request.user,
                        feedback_round,
                        measure,
                        summary=bound.cleaned_data["summary"],
                        is_public=bound.cleaned_data["is_public"],
                    )
                except ParticipationError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(request, _("The outcome has been saved with the measure."))
                    return redirect("participation_groups:round", pk=feedback_round.pk)
        status = 400
    measures = list(feedback_round.measures.all().order_by("title"))
    counts = feedback_round.aggregate()
    ratings = {}
    for rating in FeedbackRating.objects.filter(round=feedback_round).select_related("member__profile"):
        ratings.setdefault(rating.measure_id, []).append(rating)
    outcomes = {outcome.measure_id: outcome for outcome in feedback_round.outcomes.all()}
    member_count = group.memberships.count()
    rows = []
    for measure in measures:
        outcome = outcomes.get(measure.pk)
        form = OutcomeForm(
            initial={
                "measure": measure.pk,
                "summary": outcome.summary if outcome else "",
                "is_public": outcome.is_public if outcome else True,
            },
            auto_id=f"id_outcome{measure.pk}_%s",
        )
        if bound is not None and bound.data.get("measure") == str(measure.pk):
            form = bound
        rows.append(
            {
                "measure": measure,
                "counts": counts.get(measure.pk, {"agree": 0, "changes": 0, "disagree": 0, "total": 0}),
                "ratings": ratings.get(measure.pk, []),
                "outcome": outcome,
                "form": form,
            }
        )
    return _render(
        request,
        "round.html",
        {
            "page_title": feedback_round.title,
            "header_icon": "tasks",
            "round": feedback_round,
            "group": group,
            "rows": rows,
            "member_count": member_count,
            "is_open": feedback_round.is_open(),
        },
        status=status,
    )


urlpatterns = [
    path("", group_list, name="list"),
    path("new/", group_edit, name="add"),
    path("<id:pk>/", group_detail, name="detail"),
    path("<id:pk>/edit/", group_edit, name="edit"),
    path("<id:group_pk>/sessions/new/", session_edit, name="session_add"),
    path("<id:group_pk>/sessions/<id:pk>/edit/", session_edit, name="session_edit"),
    path("sessions/<id:pk>/", session_detail, name="session"),
    path("<id:group_pk>/feedback/new/", round_create, name="round_add"),
    path("feedback/<id:pk>/", round_detail, name="round"),
]
