from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Project portfolio")

    def ready(self):
        # The portfolio's API endpoints join the site's API router here, so the
        # router module does not need to know about every app.
        from website.api import api_router

        from .api import register_endpoints

        register_endpoints(api_router)
