"""The participation app's wiring: in ``ready()`` it fills the registries of the apps below it
(origins, demand, personal data, the poll block, demo content), so none of them imports it.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from agenda import demand
from website import demo_registry


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        # Imported here, not at module top: app modules load before models and other apps are ready.
        from agenda import roles
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
        # Editors may change the needs survey settings (the weight of the need score).
        roles.grant_to_role(
            "editors", "participation.change_surveyscoringsettings", "participation.view_surveyscoringsettings"
        )
