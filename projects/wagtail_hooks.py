"""Admin wiring: snippet viewsets of the portfolio's reusable data and the OZG catalogue."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AdministrativeService, FundingProgramme, Organisation


class FundingProgrammeViewSet(SnippetViewSet):
    model = FundingProgramme
    icon = "pick"
    menu_label = _("Funding programmes")
    list_display = ["name", "funder", "amount", "period_start", "period_end"]
    list_filter = ["period_start", "period_end"]
    search_fields = ["name", "funder"]
    ordering = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name"]
    ordering = ["name"]


class AdministrativeServiceViewSet(SnippetViewSet):
    model = AdministrativeService
    icon = "list-ul"
    menu_label = _("OZG services")
    list_display = ["name", "leika_key", "topic_area", "responsible_level", "online_status", "efa_solution"]
    list_filter = ["topic_area", "responsible_level", "online_status", "efa_solution"]
    search_fields = ["name", "leika_key"]
    ordering = ["topic_area", "name"]
    list_per_page = 50


class ProjectsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Portfolio")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (FundingProgrammeViewSet, OrganisationViewSet, AdministrativeServiceViewSet)


register_snippet(ProjectsViewSetGroup)
