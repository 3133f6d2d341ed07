from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from agenda import roles

        from . import group_origins, origins, survey_origins

        origins.register()
        group_origins.register()
        survey_origins.register()
        # Editors may change the needs survey settings (the weight of the need score).
        roles.grant_to_role(
            "editors", "participation.change_surveyscoringsettings", "participation.view_surveyscoringsettings"
        )
