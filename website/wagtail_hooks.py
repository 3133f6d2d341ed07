from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from website.models import ContactPerson


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = _("Contact people")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "role", "unit", "email"]
    search_fields = ["name", "role", "unit"]


register_snippet(ContactPersonViewSet)
