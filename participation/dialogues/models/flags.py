"""Readers' reports (flags) of ideas and comments, and how moderators resolved them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .ideas import Comment, Idea


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Insulting or discriminating")
    PERSONAL_DATA = "personal_data", _("Reveals personal data")
    ILLEGAL = "illegal", _("Possibly illegal content")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Something else")


class FlagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Flag(models.Model):
    """A reader's report of an idea or a comment."""

    OPEN = ""
    DISMISSED = "dismissed"
    HIDDEN = "hidden"
    RESOLUTION_CHOICES = [(OPEN, _("Open")), (DISMISSED, _("Dismissed")), (HIDDEN, _("Content hidden"))]

    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, null=True, blank=True, related_name="flags", verbose_name=_("idea")
    )
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="flags", verbose_name=_("comment")
    )
    reason = models.CharField(_("reason"), max_length=20, choices=FlagReason.choices)
    text = models.TextField(_("explanation"), blank=True, max_length=1000)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    resolution = models.CharField(_("resolution"), max_length=20, choices=RESOLUTION_CHOICES, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )

    objects = FlagQuerySet.as_manager()

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(idea__isnull=False) & Q(comment__isnull=True))
                | (Q(idea__isnull=True) & Q(comment__isnull=False)),
                name="participation_flag_one_target",
            ),
            models.UniqueConstraint(
                fields=["reporter", "idea"],
                condition=Q(reporter__isnull=False, idea__isnull=False, resolved_at__isnull=True),
                name="participation_flag_idea_once",
            ),
            models.UniqueConstraint(
                fields=["reporter", "comment"],
                condition=Q(reporter__isnull=False, comment__isnull=False, resolved_at__isnull=True),
                name="participation_flag_comment_once",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.created_at:%Y-%m-%d})"

    @property
    def target(self):
        return self.idea if self.idea_id else self.comment
