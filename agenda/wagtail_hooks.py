from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from website import (
    converters,  # noqa: F401  (registers the <id:…> URL converter)
    permissions,
)

from . import report_hooks, views  # noqa: F401  (report_hooks registers the progress report's admin URLs)
from .models import AgendaPage, MeasurePage, PrioritisationCriterion, TopicFieldPage


@hooks.register("register_admin_urls")
def register_agenda_admin_urls():
    return [
        path("agenda/backlog/", views.backlog, name="agenda_backlog"),
        path("agenda/measures/<id:page_id>/rate/", views.rate_measure, name="agenda_rate_measure"),
        path("agenda/measures/<id:page_id>/note/", views.progress_note, name="agenda_progress_note"),
    ]


class BacklogMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_view_backlog(request.user)


@hooks.register("register_admin_menu_item")
def register_backlog_menu_item():
    return BacklogMenuItem(_("Backlog"), reverse("agenda_backlog"), icon_name="list-ol", order=250)


@hooks.register("register_page_header_buttons")
def measure_header_buttons(page, user, view_name, next_url=None):
    if not isinstance(page, MeasurePage) or not permissions.can_change_measure(user, page):
        return []
    buttons = [
        Button(_("Progress log"), reverse("agenda_progress_note", args=[page.pk]), icon_name="history", priority=60)
    ]
    if permissions.can_rate_measure(user, page):
        buttons.append(Button(_("Rate"), reverse("agenda_rate_measure", args=[page.pk]), icon_name="pick", priority=50))
    return buttons


@hooks.register("before_delete_page")
def refuse_deleting_fields_with_measures(request, page):
    """A topic field (or the agenda) that still has measures cannot be deleted."""
    if not isinstance(page.specific_deferred, (TopicFieldPage, AgendaPage)):
        return None
    count = MeasurePage.objects.descendant_of(page).count()
    if not count:
        return None
    messages.error(
        request,
        _("“%(title)s” still has %(count)d measure(s). Move or delete them first.")
        % {"title": page.get_admin_display_title(), "count": count},
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


class PrioritisationCriterionViewSet(SnippetViewSet):
    model = PrioritisationCriterion
    icon = "order"
    menu_label = _("Prioritisation criteria")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["name", "weight", "sort_order"]
    ordering = ["sort_order", "pk"]


register_snippet(PrioritisationCriterionViewSet)
