from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from agenda import roles

        # Editors edit promoted results and read the search statistics; council members read them.
        promotions = [
            f"wagtailsearchpromotions.{action}_searchpromotion" for action in ("add", "change", "delete", "view")
        ]
        roles.grant_to_role("editors", "search.view_searchquerystat", *promotions)
        roles.grant_to_role("council_members", "search.view_searchquerystat")
