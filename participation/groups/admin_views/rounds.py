"""Feedback rounds: opening one on measures, the members' ratings and the outcome per measure."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from participation.core.errors import ParticipationError
from participation.groups import services as rules
from participation.groups.admin_views.access import get_group, render, require_group_manager
from participation.groups.forms import FeedbackRoundForm, OutcomeForm
from participation.groups.models import FeedbackRating, FeedbackRound
from website import permissions


@require_http_methods(["GET", "POST"])
def round_create(request, group_pk):
    group = get_group(request, group_pk)
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
    return render(
        request,
        "round_create.html",
        {"page_title": _("New feedback round"), "header_icon": "tasks", "form": form, "group": group},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def round_detail(request, pk):
    require_group_manager(request.user)
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
    return render(
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
