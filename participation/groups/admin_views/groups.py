"""The list of groups, a group's form, and its members and invitations."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from participation.core.errors import ParticipationError
from participation.groups import notifications as group_notifications
from participation.groups import services as rules
from participation.groups.admin_views.access import get_group, positive_id, render, require_group_manager
from participation.groups.forms import ExpertGroupForm, InviteForm
from website import permissions


@require_http_methods(["GET", "HEAD"])
def group_list(request):
    require_group_manager(request.user)
    groups = list(
        rules.manageable_groups(request.user)
        .select_related("topic_field")
        .annotate(
            member_count=Count("memberships", distinct=True),
            session_count=Count("sessions", distinct=True),
        )
        .order_by("topic_field__path", "name")
    )
    return render(
        request,
        "list.html",
        {"page_title": _("Focus and feedback groups"), "header_icon": "group", "groups": groups},
    )


@require_http_methods(["GET", "POST"])
def group_edit(request, pk=None):
    require_group_manager(request.user)
    group = get_group(request, pk) if pk else None
    topic_fields = rules.manageable_topic_fields(request.user)
    form = ExpertGroupForm(request.POST or None, instance=group, topic_fields=topic_fields)
    if request.method == "POST" and form.is_valid():
        if not permissions.can_manage_groups(request.user, form.cleaned_data["topic_field"]):
            raise PermissionDenied
        group = form.save()
        messages.success(request, _("The group has been saved."))
        return redirect("participation_groups:detail", pk=group.pk)
    title = _("Edit group: %(name)s") % {"name": group.name} if group else _("New group")
    return render(
        request,
        "edit.html",
        {"page_title": title, "header_icon": "group", "form": form, "group": group},
        status=400 if request.method == "POST" else 200,
    )


GROUP_ACTIONS = ("invite", "resend", "revoke", "remove")


@require_http_methods(["GET", "POST"])
def group_detail(request, pk):
    group = get_group(request, pk)
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
    return render(
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
        invitation = group.invitations.filter(pk=positive_id(request.POST.get("invitation"))).first()
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
        rules.remove_member(user, group, positive_id(request.POST.get("member")))
        return _("The member has been removed from the group."), InviteForm()
    raise ParticipationError(_("Unknown action."))
