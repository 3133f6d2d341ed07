"""Ideas, comments, supports, flags and the moderation log: high-volume citizen data.

Nothing here is deleted by triage: an idea gets a status, a hidden idea keeps its text
for the author and the moderators. Supports survive the deletion of the supporter's
account (the row loses its user), so counts do not change when someone leaves.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.search import index

from accounts.models import display_name_of

TITLE_MAX_LENGTH = 150
TEXT_MAX_LENGTH = 5000
COMMENT_MAX_LENGTH = 2000
REASON_MAX_LENGTH = 2000


class IdeaStatus(models.TextChoices):
    NEW = "new", _("New")
    UNDER_REVIEW = "under_review", _("Under review")
    ACCEPTED = "accepted", _("Taken into the backlog")
    MERGED = "merged", _("Merged into another idea")
    NOT_PURSUED = "not_pursued", _("Not pursued")
    IMPLEMENTED = "implemented", _("Already implemented")


#: Statuses in which the author may still edit the idea.
EDITABLE_STATUSES = {IdeaStatus.NEW}


def _count_subquery(model, field="idea", filters=None):
    rows = (
        model.objects.filter(**{field: OuterRef("pk")}, **(filters or {}))
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


class IdeaQuerySet(models.QuerySet):
    def public(self):
        """Ideas shown in public lists: approved (hidden ones are shown as a placeholder)."""
        return self.filter(is_approved=True)

    def visible(self):
        return self.filter(is_approved=True, is_hidden=False)

    def in_dialogue(self, dialogue):
        return self.filter(dialogue=dialogue.source_page())

    def with_counts(self):
        """Annotate ``support_count`` and ``comment_count`` (public comments) in the same query."""
        return self.annotate(
            support_count=_count_subquery(Support),
            comment_count=_count_subquery(Comment, filters={"is_approved": True, "is_hidden": False}),
        )

    def sorted_by(self, key):
        orderings = {
            "newest": ["-created_at", "-pk"],
            "supported": ["-support_count", "-created_at", "-pk"],
            "discussed": ["-comment_count", "-created_at", "-pk"],
        }
        return self.order_by(*orderings.get(key, orderings["newest"]))

    def for_topic_fields(self, topic_fields):
        return self.filter(topic_field__in=topic_fields)


class Idea(index.Indexed, models.Model):
    dialogue = models.ForeignKey(
        "participation.CityDialoguePage",
        on_delete=models.PROTECT,
        related_name="ideas",
        verbose_name=_("city dialogue"),
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    text = models.TextField(
        _("text"),
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Plain text. **bold**, *italic*, lists starting with “- ” and links are shown formatted."),
    )
    topic_field = models.ForeignKey(
        "agenda.TopicFieldPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("topic field"),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("image"),
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the picture shows, for people who cannot see it."),
    )
    address = models.CharField(_("address or place"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))],
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("author"),
    )
    organisation = models.ForeignKey(
        "accounts.ParticipatingOrganisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("on behalf of"),
    )
    language = models.CharField(
        _("language"),
        max_length=7,
        blank=True,
        help_text=_("The language the author wrote in; e-mails about the idea are sent in it."),
    )
    status = models.CharField(_("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.NEW)
    status_reason = models.TextField(
        _("public reason for the status"),
        blank=True,
        max_length=REASON_MAX_LENGTH,
        help_text=_("Required when the idea is not pursued; shown publicly."),
    )
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_ideas",
        verbose_name=_("merged into"),
    )
    official_answer = models.TextField(_("official answer of the city"), blank=True, max_length=TEXT_MAX_LENGTH)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    measures = models.ManyToManyField(
        "agenda.MeasurePage",
        blank=True,
        related_name="origin_ideas",
        verbose_name=_("measures"),
        help_text=_("Measures (in the default language) this idea fed into."),
    )
    is_approved = models.BooleanField(
        _("approved"), default=True, help_text=_("False while the idea waits for pre-moderation.")
    )
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True, max_length=REASON_MAX_LENGTH)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = IdeaQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("text"),
        index.SearchField("address"),
        index.SearchField("official_answer"),
        index.AutocompleteField("title"),
        index.FilterField("dialogue"),
        index.FilterField("topic_field"),
        index.FilterField("status"),
        index.FilterField("is_approved"),
        index.FilterField("is_hidden"),
        index.FilterField("created_at"),
    ]

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-pk"]
        permissions = [("moderate_idea", _("Can moderate ideas and comments of every topic field"))]
        constraints = [
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (Q(latitude__isnull=False) & Q(longitude__isnull=False)),
                name="participation_idea_point_complete",
            ),
        ]
        indexes = [models.Index(fields=["dialogue", "status"], name="participation_idea_dlg_status")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("ideas:detail", args=[self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both latitude and longitude, or neither.")
        if self.image_id and not (self.image_alt or "").strip():
            errors["image_alt"] = _("Please describe the image for people who cannot see it.")
        if self.status == IdeaStatus.NOT_PURSUED and not (self.status_reason or "").strip():
            errors["status_reason"] = _("An idea that is not pursued needs a public reason.")
        if self.status == IdeaStatus.MERGED and not self.merged_into_id:
            errors["merged_into"] = _("Choose the idea this one was merged into.")
        if self.merged_into_id and self.merged_into_id == self.pk:
            errors["merged_into"] = _("An idea cannot be merged into itself.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_editable_by_author(self):
        return self.status in EDITABLE_STATUSES and not self.is_hidden

    def author_name(self):
        return display_name_of(self.author)

    @property
    def point(self):
        if self.latitude is None:
            return None
        return (self.latitude, self.longitude)


class IdeaRevision(models.Model):
    """The text of an idea before an edit by its author (edit history)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("idea"))
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    text = models.TextField(_("text"), max_length=TEXT_MAX_LENGTH)
    edited_at = models.DateTimeField(_("replaced at"), default=timezone.now)

    class Meta:
        verbose_name = _("idea revision")
        verbose_name_plural = _("idea revisions")
        ordering = ["-edited_at", "-pk"]

    def __str__(self):
        return f"{self.idea_id} @ {self.edited_at:%Y-%m-%d %H:%M}"


class CommentQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_approved=True)


class Comment(models.Model):
    """A comment on an idea, or a reply to a top-level comment (one reply level only)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments", verbose_name=_("idea"))
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("reply to"),
    )
    text = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="idea_comments",
        verbose_name=_("author"),
    )
    organisation = models.ForeignKey(
        "accounts.ParticipatingOrganisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="idea_comments",
        verbose_name=_("on behalf of"),
    )
    is_approved = models.BooleanField(_("approved"), default=True)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True, max_length=REASON_MAX_LENGTH)
    is_official = models.BooleanField(
        _("official"), default=False, help_text=_("Written by the city; shown distinctly.")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]

    def clean(self):
        super().clean()
        if self.parent_id:
            if self.parent.parent_id:
                raise ValidationError({"parent": _("Replies can only be given to comments, not to replies.")})
            if self.parent.idea_id != self.idea_id:
                raise ValidationError({"parent": _("The reply must belong to the same idea.")})

    def author_name(self):
        return display_name_of(self.author)


class Support(models.Model):
    """“I support this”: one per account and idea, withdrawable (the row is deleted)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports", verbose_name=_("idea"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="idea_supports",
        verbose_name=_("account"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(
                fields=["idea", "user"], condition=Q(user__isnull=False), name="participation_support_once"
            ),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.idea_id}"
