"""The open data app's wiring: its demo module is registered with ``website.demo_registry``."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from website import demo_registry


class OpenDataConfig(AppConfig):
    name = "opendata"
    verbose_name = _("Open data")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at module top: app modules load before models and other apps are ready.

        demo_registry.register_demo_module("opendata.demo", order=50)
