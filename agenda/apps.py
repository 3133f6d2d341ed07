"""The agenda app's wiring: role groups after migrate, signals and demo modules in ``ready()``."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from website import demo_registry


def _ensure_roles(sender, using="default", **kwargs):
    """Create the role groups after migrate; the permissions they need are created first."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    for label in ("wagtailcore", "wagtailadmin", "agenda"):
        create_permissions(apps.get_app_config(label), verbosity=0, using=using)
    from .roles import ensure_roles

    ensure_roles()


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Digital Agenda")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at module top: app modules load before models and other apps are ready.
        from website import permissions

        from . import signals  # noqa: F401
        from .models import TopicFieldPage

        # Page permissions on a topic field make its sponsors.
        permissions.register_topic_field_type(TopicFieldPage)

        demo_registry.register_demo_module("agenda.demo", order=10)
        demo_registry.register_demo_module("agenda.demo_projects", order=25)
        demo_registry.register_demo_module("agenda.demo_progress", order=40)
        demo_registry.register_page_builder("agenda_page", "agenda.demo.build_site_agenda_page")

        post_migrate.connect(_ensure_roles, sender=self, dispatch_uid="agenda_ensure_roles")
