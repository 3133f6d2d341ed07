"""The audit trail's model: one row per moderation or triage decision (see ``core.audit``)."""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ModerationAction(models.TextChoices):
    APPROVE = "approve", _("Approved")
    HIDE = "hide", _("Hidden")
    RESTORE = "restore", _("Restored")
    DISMISS_FLAG = "dismiss_flag", _("Flag dismissed")
    STATUS = "status", _("Status changed")
    ANSWER = "answer", _("Official answer given")
    LINK_MEASURE = "link_measure", _("Linked to a measure")
    PROMOTE = "promote", _("Turned into a new measure")
    REJECT = "reject", _("Rejected")
    PUBLISH = "publish", _("Made public")
    UNPUBLISH = "unpublish", _("Made private")
    REMOVE_MEMBER = "remove_member", _("Member removed")


class ModerationLogEntry(models.Model):
    """Every moderation and triage action of every kind (ideas, comments, flags, survey answers
    and findings, group results and members), kept even when the content or the account goes.

    Written only through ``participation.core.audit.record``. ``topic_field`` scopes the log for
    sponsors; ``target_*`` name the content when it is not an idea or comment.
    """

    action = models.CharField(_("action"), max_length=20, choices=ModerationAction.choices)
    idea = models.ForeignKey(
        "participation.Idea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="log_entries",
        verbose_name=_("idea"),
    )
    comment = models.ForeignKey(
        "participation.Comment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="log_entries",
        verbose_name=_("comment"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderator"),
    )
    topic_field = models.ForeignKey(
        "agenda.TopicFieldPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("topic field"),
    )
    target_type = models.CharField(_("kind of content"), max_length=30, blank=True)
    target_id = models.PositiveBigIntegerField(_("content number"), null=True, blank=True)
    target_label = models.CharField(_("content"), max_length=255, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    def target_kind(self):
        """The translated name of the kind of content (idea, survey answer, group result …)."""
        try:
            return apps.get_model("participation", self.target_type)._meta.verbose_name
        except LookupError:
            return self.target_type


class IdempotencyRecord(models.Model):
    """The answer to an API write sent with an ``Idempotency-Key`` header, stored in the same
    transaction as the write (``participation.core.api.idempotent_write``): the same key sent
    again by the same account repeats this answer instead of writing twice. Kept for a day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(_("idempotency key"), max_length=100)
    method = models.CharField(max_length=8)
    path = models.CharField(max_length=300)
    status = models.PositiveSmallIntegerField()
    body = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("idempotency record")
        verbose_name_plural = _("idempotency records")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="participation_one_answer_per_key")]

    def __str__(self):
        return f"{self.method} {self.path} ({self.key})"
