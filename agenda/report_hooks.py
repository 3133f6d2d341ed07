"""Admin wiring of the progress report: its item in the admin's "Reports" menu and its two admin URLs.

Registered at import time (imported by ``agenda.wagtail_hooks``) so the report code
stays together. Wagtail wraps these URLs with its admin-access check, so
anonymous visitors are sent to the login page; the views themselves require the
``agenda.view_backlog`` permission ("view the backlog and reports"), which the
Editors, Council members and Topic sponsors groups have (``agenda.roles``).
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from website import permissions

from . import report_views


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("agenda/reports/", report_views.admin_report, name="agenda_progress_report"),
        path("agenda/reports/pdf/", report_views.admin_report_pdf, name="agenda_progress_report_pdf"),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_view_backlog(request.user)


@hooks.register("register_reports_menu_item")
def register_reports_menu_item():
    """An entry in Wagtail's own "Reports" menu (shown to anyone who may see at least one report)."""
    return ReportsMenuItem(_("Progress report"), reverse("agenda_progress_report"), icon_name="table", order=50)
