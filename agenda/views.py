"""Admin views of the agenda: the backlog (filter, bulk status, CSV/XLSX export), rating, notes.

Permissions: ``agenda.view_backlog`` to see the backlog; changing anything also needs
Wagtail page permissions on the measure (so sponsors act only in their topic field and
council members, who have none, stay read-only).
"""

import csv
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wagtail.permission_policies.pages import PagePermissionPolicy

from website import permissions

from . import services
from .forms import BacklogFilterForm, BulkStatusForm, ProgressNoteForm, RatingForm
from .models import MeasurePage, MeasureProgressUpdate, MeasureRating, PrioritisationCriterion


def backlog_queryset():
    return MeasurePage.objects.source_locale().with_topic_field().with_scores().prefetch_related("tags")


def require_backlog_access(user):
    if not permissions.can_view_backlog(user):
        raise PermissionDenied


EXPORT_HEADERS = [
    "Rank",
    "ID",
    "Title",
    "Topic field",
    "Status",
    "Percentage done",
    "Pinned class",
    "Pin reason",
    "Rating score",
    "Demand score",
    "Total score",
    "Start date",
    "Target date",
    "End date",
    "Responsible unit",
    "Tags",
    "Published",
]


def export_rows(measures):
    for rank, m in enumerate(measures, start=1):
        yield [
            rank,
            m.pk,
            m.title,
            m.topic_field_title or "",
            str(m.get_status_display()),
            m.percent_done,
            m.priority_class,
            m.priority_reason,
            round(m.rating_score, 1),
            round(m.demand_score, 1),
            round(m.total_score, 1),
            m.start_date.isoformat() if m.start_date else "",
            m.target_date.isoformat() if m.target_date else "",
            m.end_date.isoformat() if m.end_date else "",
            m.responsible_unit,
            ", ".join(sorted(t.name for t in m.tags.all())),
            "yes" if m.live else "no",
        ]


def safe_cell(value):
    """Neutralise spreadsheet formulas in exported text (CSV/formula injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export_response(measures, file_format):
    stamp = timezone.localdate().isoformat()
    rows = [[safe_cell(v) for v in row] for row in export_rows(measures)]
    if file_format == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="backlog-{stamp}.csv"'
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(EXPORT_HEADERS)
        writer.writerows(rows)
        return response
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Backlog"
    sheet.append(EXPORT_HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="backlog-{stamp}.xlsx"'
    return response


@require_http_methods(["GET", "POST"])
def backlog(request):
    require_backlog_access(request.user)
    if request.method == "POST":
        return bulk_status(request)
    form = BacklogFilterForm(request.GET or None)
    measures = backlog_queryset()
    if form.is_bound and not form.is_valid():
        measures = measures.none()
    else:
        if not form.is_bound:
            form = BacklogFilterForm({})
            form.is_valid()
        measures = form.filter(measures)
    file_format = request.GET.get("export")
    if file_format in ("csv", "xlsx"):
        return export_response(list(measures), file_format)
    measures = list(measures)
    can_change = PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])
    query = request.GET.copy()
    query.pop("export", None)
    return TemplateResponse(
        request,
        "agenda/admin/backlog.html",
        {
            "page_title": _("Backlog"),
            "header_icon": "list-ol",
            "form": form,
            "measures": measures,
            "bulk_form": BulkStatusForm() if can_change else None,
            "query_string": query.urlencode(),
            "criteria_count": PrioritisationCriterion.source_criteria().count(),
        },
    )


def bulk_status(request):
    if not PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"]):
        raise PermissionDenied
    ids = [value for value in request.POST.getlist("measures") if value.isdigit()]
    form = BulkStatusForm(request.POST, measure_ids=[int(v) for v in ids])
    back = reverse("agenda_backlog") + ("?" + request.GET.urlencode() if request.GET else "")
    if not form.is_valid():
        for field_errors in form.errors.values():
            for error in field_errors:
                messages.error(request, error)
        return redirect(back)
    measures = MeasurePage.objects.source_locale().filter(pk__in=form.cleaned_data["measures"]).order_by("pk")
    changed = 0
    for measure in measures:
        if not permissions.can_change_measure(request.user, measure):
            messages.error(request, _("You may not change “%(title)s”.") % {"title": measure.title})
            continue
        try:
            services.change_status(
                measure, form.cleaned_data["new_status"], user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
            continue
        changed += 1
    if changed:
        messages.success(request, _("Status changed for %(count)d measure(s).") % {"count": changed})
    return redirect(back)


def _next_url(request, default):
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}):
        return candidate
    return default


@require_http_methods(["GET", "POST"])
def rate_measure(request, page_id):
    measure = get_object_or_404(MeasurePage, pk=page_id).source_page()
    if not permissions.can_rate_measure(request.user, measure):
        raise PermissionDenied
    criteria = list(PrioritisationCriterion.source_criteria())
    current = dict(MeasureRating.objects.filter(measure=measure).values_list("criterion_id", "value"))
    form = RatingForm(request.POST or None, criteria=criteria, initial_values=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.rate_measure(measure, form.values(), user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Ratings of “%(title)s” saved.") % {"title": measure.title})
            return redirect(_next_url(request, reverse("agenda_backlog")))
    scored = MeasurePage.objects.with_scores().get(pk=measure.pk)
    rank = [m.pk for m in MeasurePage.objects.source_locale().ranked().only("pk")].index(measure.pk) + 1
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(
        request,
        "agenda/admin/rate_measure.html",
        {
            "page_title": _("Rate “%(title)s”") % {"title": measure.title},
            "header_icon": "pick",
            "measure": measure,
            "form": form,
            "score": round(scored.total_score, 1),
            "rank": rank,
            "next": _next_url(request, ""),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def progress_note(request, page_id):
    measure = get_object_or_404(MeasurePage, pk=page_id).source_page()
    if not permissions.can_change_measure(request.user, measure):
        raise PermissionDenied
    form = ProgressNoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_progress(measure, user=request.user, note=form.cleaned_data["note"], force=True)
        messages.success(request, _("Note added to the progress log."))
        return redirect(_next_url(request, reverse("agenda_backlog")))
    return TemplateResponse(
        request,
        "agenda/admin/progress_note.html",
        {
            "page_title": _("Progress log of “%(title)s”") % {"title": measure.title},
            "header_icon": "history",
            "measure": measure,
            "form": form,
            "updates": MeasureProgressUpdate.objects.for_measure(measure).select_related("changed_by")[:50],
        },
        status=400 if request.method == "POST" else 200,
    )
