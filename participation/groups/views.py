"""The public side of focus and feedback groups (under ``/<lang>/groups/``).

Everyone: the list of published summaries, a published summary, a public result (with the
measure it led to). Members (and the group's sponsors and editors): the members-only area
with the group page, sessions with minutes and documents, iCal per session, and the
rating form of open feedback rounds. Anyone else gets a 404 for members-only pages (a
group's existence is not revealed) or is sent to log in when anonymous.
"""

import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from agenda.models import MeasurePage
from participation.core.errors import ParticipationError
from participation.dialogues.views.following import _ical_escape, _ical_time
from participation.dialogues.views.pages import localized_pages
from participation.groups import services as rules
from participation.groups.forms import RatingForm
from participation.groups.models import (
    COMMENT_MAX_LENGTH,
    ExpertGroup,
    FeedbackRating,
    FeedbackRound,
    GroupResult,
    GroupSession,
    SessionDocument,
    Verdict,
)
from website import permissions


def _require_view(request, group):
    """Members-only: anonymous visitors log in; other accounts get a 404."""
    if not request.user.is_authenticated:
        raise _LoginRequired
    if not permissions.can_view_group(request.user, group):
        raise Http404


class _LoginRequired(Exception):
    pass


def members_only(view):
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _localized_topic_fields(groups):
    fields = {group.topic_field_id: group.topic_field for group in groups}
    localized = localized_pages(list(fields.values())) if fields else {}
    for group in groups:
        group.topic_field_title = localized.get(group.topic_field_id, group.topic_field).title
    return groups


@require_http_methods(["GET", "HEAD"])
def group_index(request):
    published = _localized_topic_fields(list(ExpertGroup.objects.published().select_related("topic_field")))
    mine = []
    if request.user.is_authenticated:
        mine = _localized_topic_fields(list(rules.member_groups(request.user).select_related("topic_field")))
    return TemplateResponse(request, "participation/groups/index.html", {"published": published, "mine": mine})


@require_http_methods(["GET", "HEAD"])
def group_summary(request, pk):
    group = get_object_or_404(ExpertGroup.objects.published().select_related("topic_field"), pk=pk)
    _localized_topic_fields([group])
    results = list(
        GroupResult.objects.public().filter(session__group=group).select_related("session").prefetch_related("measures")
    )
    return TemplateResponse(
        request,
        "participation/groups/summary.html",
        {"group": group, "results": results, "can_view": permissions.can_view_group(request.user, group)},
    )


@members_only
@require_http_methods(["GET", "HEAD"])
def group_detail(request, pk):
    group = get_object_or_404(ExpertGroup.objects.select_related("topic_field"), pk=pk)
    _require_view(request, group)
    _localized_topic_fields([group])
    now = timezone.now()
    sessions = list(group.sessions.all())
    rounds = list(group.feedback_rounds.prefetch_related("measures"))
    return TemplateResponse(
        request,
        "participation/groups/detail.html",
        {
            "group": group,
            "members": list(rules.members_of(group).order_by("profile__display_name", "pk")),
            "upcoming": [session for session in sessions if session.is_upcoming(now)],
            "past": [session for session in sessions if not session.is_upcoming(now)][::-1],
            "open_rounds": [r for r in rounds if r.is_open(now)],
            "closed_rounds": [r for r in rounds if not r.is_open(now)],
            "is_member": group.has_member(request.user),
            "can_manage": permissions.can_run_group(request.user, group),
        },
    )


def _get_session(request, pk):
    session = get_object_or_404(GroupSession.objects.select_related("group"), pk=pk)
    _require_view(request, session.group)
    return session


@members_only
@require_http_methods(["GET", "HEAD"])
def session_detail(request, pk):
    session = _get_session(request, pk)
    return TemplateResponse(
        request,
        "participation/groups/session.html",
        {
            "session": session,
            "group": session.group,
            "documents": list(session.documents.select_related("document")),
            "participants": list(session.participants.select_related("profile")),
            "results": _with_localized_measures(list(session.results.prefetch_related("measures"))),
            "upcoming": session.is_upcoming(),
        },
    )


def _with_localized_measures(results):
    """Give each result ``localized_measures``: its measures in the active language where translated."""
    measures = {measure.pk: measure for result in results for measure in result.measures.all()}
    localized = localized_pages(list(measures.values())) if measures else {}
    for result in results:
        result.localized_measures = [localized.get(m.pk, m) for m in result.measures.all()]
    return results


@members_only
@require_http_methods(["GET", "HEAD"])
def session_ical(request, pk):
    session = _get_session(request, pk)
    ends = session.ends_at or session.starts_at + datetime.timedelta(hours=2)
    url = request.build_absolute_uri(reverse("groups:session", args=[session.pk]))
    description = "\n\n".join(part for part in (session.agenda, session.online_url, url) if part)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Flensburg digital//Groups//DE",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:group-session-{session.pk}@flensburg-digital",
        f"DTSTAMP:{_ical_time(timezone.now())}",
        f"DTSTART:{_ical_time(session.starts_at)}",
        f"DTEND:{_ical_time(ends)}",
        f"SUMMARY:{_ical_escape(session.group.name + ': ' + session.title)}",
        f"LOCATION:{_ical_escape(session.place or session.online_url)}",
        f"DESCRIPTION:{_ical_escape(description)}",
        f"URL:{url}",
        "CLASS:PRIVATE",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    response = HttpResponse("\r\n".join(lines) + "\r\n", content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="group-session-{session.pk}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


@members_only
@require_http_methods(["GET", "HEAD"])
def session_document(request, pk):
    attachment = get_object_or_404(SessionDocument.objects.select_related("session__group", "document"), pk=pk)
    _require_view(request, attachment.session.group)
    document = attachment.document
    response = FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_http_methods(["GET", "HEAD"])
def result_detail(request, pk):
    """A public result with the measures it led to (status and progress)."""
    result = get_object_or_404(GroupResult.objects.public().select_related("session__group"), pk=pk)

    measures = list(MeasurePage.objects.filter(pk__in=result.measures.values("pk")).order_by("title"))
    localized = localized_pages(measures)
    rows = [(measure, localized.get(measure.pk, measure)) for measure in measures]
    return TemplateResponse(
        request,
        "participation/groups/result.html",
        {
            "result": result,
            "group": result.session.group,
            "measures": rows,
            "summary_public": result.session.group.summary_published,
        },
    )


@members_only
@require_http_methods(["GET", "HEAD", "POST"])
def feedback_round(request, pk):
    feedback_round = get_object_or_404(FeedbackRound.objects.select_related("group"), pk=pk)
    group = feedback_round.group
    _require_view(request, group)
    is_member = permissions.can_give_feedback(request.user, group)

    measures = list(feedback_round.measures.all().order_by("title"))
    localized = localized_pages(measures)
    status = 200
    if request.method == "POST":
        form = RatingForm(request.POST)
        if form.is_valid():
            try:
                rules.rate(
                    request.user,
                    feedback_round,
                    form.cleaned_data["measure"],
                    form.cleaned_data["verdict"],
                    form.cleaned_data["comment"],
                )
            except ParticipationError as error:
                messages.error(request, error.message)
                status = error.status
            else:
                messages.success(request, _("Your assessment has been saved. You can change it until the deadline."))
                return HttpResponseRedirect(reverse("groups:round", args=[feedback_round.pk]) + "#rated")
        else:
            messages.error(request, _("Please check your entry."))
            status = 400
    mine = {}
    if is_member:
        mine = {r.measure_id: r for r in FeedbackRating.objects.filter(round=feedback_round, member=request.user)}
    rows = [
        {"measure": measure, "localized": localized.get(measure.pk, measure), "rating": mine.get(measure.pk)}
        for measure in measures
    ]
    return TemplateResponse(
        request,
        "participation/groups/round.html",
        {
            "round": feedback_round,
            "group": group,
            "rows": rows,
            "is_member": is_member,
            "is_open": feedback_round.is_open(),
            "verdict_choices": Verdict.choices,
            "comment_max_length": COMMENT_MAX_LENGTH,
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def invitation(request, token):
    """Accept an invitation: log in or sign up first (the link comes back here), then confirm."""
    invitation_row, state = rules.find_invitation(token)
    context = {"invitation": invitation_row, "state": state, "token": token}
    if invitation_row is None:
        context["error"] = _("This invitation link is not valid. Please check that you copied the whole link.")
        return TemplateResponse(request, "participation/groups/invitation.html", context, status=404)
    if state != invitation_row.PENDING:
        context["error"] = rules.INVITATION_STATE_MESSAGES[state]
        return TemplateResponse(request, "participation/groups/invitation.html", context, status=410)
    if request.method == "POST":
        try:
            rules.accept(request.user, token)
        except ParticipationError as error:
            if error.code == "login_required":
                return redirect_to_login(request.get_full_path())
            context["error"] = error.message
            return TemplateResponse(request, "participation/groups/invitation.html", context, status=error.status)
        messages.success(request, _("Welcome! You are now a member of “%(group)s”.") % {"group": invitation_row.group})
        return HttpResponseRedirect(reverse("groups:detail", args=[invitation_row.group_id]))
    query = urlencode({"next": request.get_full_path()})
    context["login_url"] = f"{reverse('account_login')}?{query}"
    context["signup_url"] = f"{reverse('account_signup')}?{query}"
    return TemplateResponse(request, "participation/groups/invitation.html", context)
