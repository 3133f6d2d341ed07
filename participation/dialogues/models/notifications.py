"""What an account wants to be told about its ideas and followed dialogues, with the token of
its one-click unsubscribe link."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def _new_token():
    return secrets.token_urlsafe(24)


class NotificationSettings(models.Model):
    """Which e-mails a citizen wants; the token makes one-click unsubscribe links work without log-in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="participation_notifications",
        verbose_name=_("account"),
    )
    idea_updates = models.BooleanField(
        _("news about my ideas"),
        default=True,
        help_text=_("When the status or the official answer of your idea changes, or it is linked to a measure."),
    )
    dialogue_phases = models.BooleanField(
        _("new phases of dialogues I follow"),
        default=True,
        help_text=_("When a dialogue you follow enters a new phase."),
    )
    token = models.CharField(_("unsubscribe token"), max_length=64, unique=True, default=_new_token, editable=False)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self):
        return str(self.user_id)

    @classmethod
    def for_user(cls, user):
        settings_row, _created = cls.objects.get_or_create(user=user)
        return settings_row
