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
        from participation.core import scoring
        from participation.dialogues import origins, personal_data
        from participation.groups import origins as group_origins
        from participation.groups import personal_data as group_personal_data
        from participation.polls import models as polls
        from participation.polls.views import poll_block_context
        from participation.survey import origins as survey_origins
        from participation.survey import personal_data as survey_personal_data
        from website.blocks import register_block_context

        # Personal-data sections of the account export, in the order citizens see them.
        group_personal_data.register()
        personal_data.register()
        polls.register_personal_data()
        survey_personal_data.register_personal_data()
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
