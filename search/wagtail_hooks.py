"""Admin wiring: the search statistics report in Wagtail's "Reports" menu.

Promoted results are edited in Wagtail's own *Settings → Promoted search results*
(``wagtail.contrib.search_promotions``); ``search.apps`` gives the Editors group the
permissions for both.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from website import permissions

from .admin_views import search_report


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("search/report/", search_report, name="search_report")]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_read_search_statistics(request.user)


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(_("Site search"), reverse("search_report"), icon_name="search", order=60)
