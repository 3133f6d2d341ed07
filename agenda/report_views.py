"""The progress report for council sessions: HTML and PDF, public and in the admin.

URLs (see ``agenda/report_urls.py`` and ``agenda/report_hooks.py``):

- ``/<lang>/progress-report/`` and ``/<lang>/progress-report.pdf`` — public, published
  measures and projects only (what the Progress page shows);
- ``/admin/agenda/reports/`` and ``/admin/agenda/reports/pdf/`` — users with the
  ``agenda.view_backlog`` permission (editors, council members, topic sponsors);
  includes unpublished measures and projects.

All accept ``?as_of=YYYY-MM-DD``. Decision on bad dates: anything that is not a real
calendar date in exactly that form, a date before 2000-01-01 or a date in the
future is answered with **400** and a sentence saying what is wrong — a report for a
future date would silently show today's figures under a wrong date, so it is refused
rather than clamped. An empty or missing ``as_of`` means today.
"""

import datetime
import re

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from website import permissions
from website.models.settings import SiteSettings

from .charts import report_charts
from .report_pdf import PdfUnavailable, pdf_filename, render_pdf
from .reports import EARLIEST_AS_OF, build_report, source_home, source_home_for_request

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")


class BadReportDate(ValueError):
    pass


def parse_as_of(value):
    """The report date from ``?as_of=``: a date, or None for today. Raises ``BadReportDate``."""
    value = (value or "").strip()
    if not value:
        return None
    if len(value) > 10 or not ISO_DATE.match(value):
        raise BadReportDate(_("The report date must be given as YYYY-MM-DD, for example 2021-12-31."))
    try:
        on_date = datetime.date.fromisoformat(value)
    except ValueError:
        raise BadReportDate(_("The report date is not a valid calendar date.")) from None
    if on_date < EARLIEST_AS_OF:
        raise BadReportDate(_("The report date must not be before %(date)s.") % {"date": EARLIEST_AS_OF.isoformat()})
    if on_date > timezone.localdate():
        raise BadReportDate(_("The report date must not be in the future."))
    return on_date


def _bad_request(message):
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


def _organisation_name(request):
    try:
        return SiteSettings.for_request(request).organisation_name
    except Exception:  # no site for this host
        return ""


def _report_for(request, *, include_unpublished, home=None):
    """(report, charts) or raises BadReportDate."""
    from django.http import Http404

    as_of = parse_as_of(request.GET.get("as_of"))
    home = home or source_home_for_request(request)
    if home is None:
        raise Http404("No site is configured for this host.")
    report = build_report(home, as_of=as_of, include_unpublished=include_unpublished, request=request)
    return report, report_charts(report)


def _pdf_response(request, report, charts):
    try:
        pdf = render_pdf(report, charts, _organisation_name(request))
    except PdfUnavailable:
        return HttpResponse(
            _(
                "The PDF report cannot be created on this server right now because the PDF library "
                "(WeasyPrint with Pango) is not available. The HTML report works; please use it or try later."
            ),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf_filename(report)}"'
    return response


def _with_as_of(url, report):
    return url if report.is_today else f"{url}?as_of={report.as_of:%Y-%m-%d}"


@require_GET
def progress_report(request):
    from django.urls import reverse

    try:
        report, charts = _report_for(request, include_unpublished=False)
    except BadReportDate as error:
        return _bad_request(str(error))
    return render(
        request,
        "agenda/progress_report.html",
        {
            "report": report,
            "charts": charts,
            "pdf_url": _with_as_of(reverse("progress_report_pdf"), report),
            "organisation_name": _organisation_name(request),
        },
    )


@require_GET
def progress_report_pdf(request):
    try:
        report, charts = _report_for(request, include_unpublished=False)
    except BadReportDate as error:
        return _bad_request(str(error))
    return _pdf_response(request, report, charts)


def _admin_home(request):
    from wagtail.models import Site

    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return source_home(site.root_page) if site else None


def admin_report(request):
    """The report in the admin, with unpublished measures, and a date picker."""
    from django.core.exceptions import PermissionDenied
    from django.urls import reverse

    if not permissions.can_view_backlog(request.user):
        raise PermissionDenied
    error = None
    try:
        report, charts = _report_for(request, include_unpublished=True, home=_admin_home(request))
    except BadReportDate as bad:
        error = str(bad)
        report = build_report(_admin_home(request), include_unpublished=True, request=request)
        charts = report_charts(report)
    response = render(
        request,
        "agenda/admin/progress_report.html",
        {
            "report": report,
            "charts": charts,
            "error": error,
            "pdf_url": _with_as_of(reverse("agenda_progress_report_pdf"), report),
            "public_url": _with_as_of(reverse("progress_report"), report),
            "today": timezone.localdate(),
        },
    )
    if error:
        response.status_code = 400
    return response


def admin_report_pdf(request):
    from django.core.exceptions import PermissionDenied

    if not permissions.can_view_backlog(request.user):
        raise PermissionDenied
    try:
        report, charts = _report_for(request, include_unpublished=True, home=_admin_home(request))
    except BadReportDate as error:
        return _bad_request(str(error))
    return _pdf_response(request, report, charts)
