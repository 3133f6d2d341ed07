from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from website import converters  # noqa: F401  (registers the <id:…> URL converter)
from website.models import ContactPerson
from website.views import api_preview_link


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = _("Contact people")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "role", "unit", "email"]
    search_fields = ["name", "role", "unit"]


register_snippet(ContactPersonViewSet)


class HeadlessPreviewMenuItem(PageMenuItem):
    """Page header/listing menu entry that leads to the page's signed API preview link."""

    label = _("Headless preview")
    icon_name = "view"
    url_name = "website_api_preview"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def headless_preview_header_button(page, user, view_name, next_url=None):
    yield HeadlessPreviewMenuItem(page=page, priority=68)


@hooks.register("register_page_listing_more_buttons")
def headless_preview_listing_button(page, user, next_url=None):
    yield HeadlessPreviewMenuItem(page=page, priority=68)


@hooks.register("register_admin_urls")
def headless_preview_urls():
    return [path("api-preview/<id:page_id>/", api_preview_link, name="website_api_preview")]
