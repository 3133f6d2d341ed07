"""The participation app's wiring: in ``ready()`` it fills the registries of the apps below it
(origins, demand, personal data, the poll block, demo content), so none of them imports it.
"""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from agenda import demand
from website import demo_registry


def _grant_survey_settings(sender, using="default", **kwargs):
    """Editors may change the needs survey settings (the weight of the need score)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    from agenda.roles import EDITORS

    create_permissions(apps.get_app_config("participation"), verbosity=0, using=using)
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="participation",
            codename__in=["change_surveyscoringsettings", "view_surveyscoringsettings"],
        )
    )


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        # Imported here, not at module top: app modules load before models and other apps are ready.
        from website.blocks import register_block_context

        from . import group_origins, group_personal_data, origins, personal_data, scoring, survey, survey_origins
        from .models import polls
        from .views.polls import poll_block_context

        # Personal-data sections of the account export, in the order citizens see them.
        group_personal_data.register()
        personal_data.register()
        polls.register_personal_data()
        survey.register_personal_data()
        demand.register_demand_source("participation", scoring.demand_expression)
        register_block_context("poll", poll_block_context)
        demo_registry.register_demo_module("participation.demo", order=30)
        origins.register()
        group_origins.register()
        survey_origins.register()
        post_migrate.connect(_grant_survey_settings, sender=self, dispatch_uid="participation_survey_settings")
