"""A group's sessions: their form, documents, participants and results (publish, promote to a
draft measure, link to a measure)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from participation.core.errors import ParticipationError
from participation.groups import services as rules
from participation.groups.admin_views.access import get_group, positive_id, render, require_group_manager
from participation.groups.forms import LinkResultForm, PromoteResultForm, ResultForm, SessionForm
from participation.groups.models import GroupSession
from website import permissions


@require_http_methods(["GET", "POST"])
def session_edit(request, group_pk, pk=None):
    group = get_group(request, group_pk)
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
    return render(
        request,
        "session_edit.html",
        {"page_title": title, "header_icon": "date", "form": form, "group": group, "session": session},
        status=400 if request.method == "POST" else 200,
    )


RESULT_ACTIONS = ("add_result", "publish", "unpublish", "promote", "link", "remove_document")


@require_http_methods(["GET", "POST"])
def session_detail(request, pk):
    require_group_manager(request.user)
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
    return render(
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
        deleted, _by_model = session.documents.filter(pk=positive_id(request.POST.get("document"))).delete()
        if not deleted:
            raise ParticipationError(_("Unknown document."))
        return _("The document has been removed from the session.")
    result = session.results.filter(pk=positive_id(request.POST.get("result"))).first()
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
