from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _grant_editor_permissions(sender, using="default", **kwargs):
    """Editors edit promoted results and read the search statistics; council members read them."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    from agenda.roles import COUNCIL_MEMBERS, EDITORS

    for label in ("search", "wagtailsearchpromotions"):
        create_permissions(apps.get_app_config(label), verbosity=0, using=using)
    report = Permission.objects.filter(content_type__app_label="search", codename="view_searchquerystat")
    promotions = Permission.objects.filter(
        content_type__app_label="wagtailsearchpromotions",
        codename__in=[f"{action}_searchpromotion" for action in ("add", "change", "delete", "view")],
    )
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.add(*report, *promotions)
    for group in Group.objects.filter(name=COUNCIL_MEMBERS):
        group.permissions.add(*report)


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(_grant_editor_permissions, sender=self, dispatch_uid="search_grant_permissions")
