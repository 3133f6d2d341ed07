from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Citizen accounts")

    def ready(self):
        from accounts import gdpr, signals  # noqa: F401  (connects receivers, registers core data)
