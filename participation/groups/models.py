"""Focus and feedback groups run by topic sponsors.

A group belongs to one topic field (its page in the default language) and is run by
that field's sponsors. Members are regional experts invited by e-mail; everything a
group does (sessions, minutes, documents, member list) is visible to its members, its
sponsors and editors only. What the public sees: a summary the sponsor publishes, and
results a sponsor marked public. Group content is written in the group's working
language and is not translated (it is working data, like ideas); the UI around it is.

Who may do what lives in ``participation.groups.services``.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.fields import RichTextField

NAME_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 5000
SUMMARY_MAX_LENGTH = 10000
MINUTES_MAX_LENGTH = 50000
COMMENT_MAX_LENGTH = 2000
INVITATION_DAYS = 14


class GroupKind(models.TextChoices):
    FOCUS = "focus", _("Focus group")
    FEEDBACK = "feedback", _("Feedback group")


class ExpertGroupQuerySet(models.QuerySet):
    def published(self):
        return self.filter(summary_published=True).exclude(public_summary="")


class ExpertGroup(models.Model):
    """A focus group (works out needs and solution ideas) or a feedback group (reviews measures)."""

    topic_field = models.ForeignKey(
        "agenda.TopicFieldPage",
        verbose_name=_("topic field"),
        on_delete=models.PROTECT,
        related_name="expert_groups",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=GroupKind.choices, default=GroupKind.FOCUS)
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    language = models.CharField(
        _("working language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="de",
        help_text=_("The language the group works and writes in; its texts are not translated."),
    )
    description = models.TextField(
        _("description for members"), blank=True, max_length=TEXT_MAX_LENGTH, help_text=_("Visible to members only.")
    )
    public_summary = models.TextField(
        _("public summary"),
        blank=True,
        max_length=SUMMARY_MAX_LENGTH,
        help_text=_("What the group works on and has found; visible to everyone once published."),
    )
    summary_published = models.BooleanField(_("publish the summary"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ExpertGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("focus or feedback group")
        verbose_name_plural = _("focus and feedback groups")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    @property
    def is_feedback_group(self):
        return self.kind == GroupKind.FEEDBACK

    def has_member(self, user):
        if not getattr(user, "is_authenticated", False):
            return False
        return self.memberships.filter(user=user).exists()


class GroupMembership(models.Model):
    group = models.ForeignKey(ExpertGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships")
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="participation_one_membership")]

    def __str__(self):
        return f"{self.group} – {self.user_id}"


def hash_token(token):
    return hashlib.sha256(str(token).encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self, now=None):
        now = now or timezone.now()
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now)


class GroupInvitation(models.Model):
    """An e-mail invitation. Only a hash of the link's token is stored; the link is single-use."""

    PENDING, ACCEPTED, REVOKED, EXPIRED = "pending", "accepted", "revoked", "expired"

    group = models.ForeignKey(ExpertGroup, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    sent_at = models.DateTimeField(_("last sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("group invitation")
        verbose_name_plural = _("group invitations")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.group} – {self.email}"

    def new_token(self):
        """Set a fresh token (invalidating the old link) and return it; the caller saves."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.sent_at = timezone.now()
        self.expires_at = self.sent_at + datetime.timedelta(days=INVITATION_DAYS)
        return token

    def state(self, now=None):
        if self.accepted_at:
            return self.ACCEPTED
        if self.revoked_at:
            return self.REVOKED
        if self.expires_at <= (now or timezone.now()):
            return self.EXPIRED
        return self.PENDING

    def get_state_display(self):
        return {
            self.PENDING: _("pending"),
            self.ACCEPTED: _("accepted"),
            self.REVOKED: _("revoked"),
            self.EXPIRED: _("expired"),
        }[self.state()]


class GroupSession(models.Model):
    group = models.ForeignKey(ExpertGroup, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=NAME_MAX_LENGTH)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True, max_length=TEXT_MAX_LENGTH)
    minutes = RichTextField(
        _("minutes"),
        blank=True,
        features=["h3", "h4", "bold", "italic", "ol", "ul", "link"],
        max_length=MINUTES_MAX_LENGTH,
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("participants present"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("group session")
        verbose_name_plural = _("group sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="participation_session_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def is_upcoming(self, now=None):
        return (self.ends_at or self.starts_at) >= (now or timezone.now())


class SessionDocument(models.Model):
    """A Wagtail document attached to a session; served only to members, sponsors and editors."""

    session = models.ForeignKey(GroupSession, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("session document")
        verbose_name_plural = _("session documents")
        constraints = [models.UniqueConstraint(fields=["session", "document"], name="participation_one_session_doc")]

    def __str__(self):
        return f"{self.session} – {self.document_id}"


class ResultKind(models.TextChoices):
    FINDING = "finding", _("Finding")
    SOLUTION = "solution", _("Solution idea")


class ResultPriority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class GroupResultQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class GroupResult(models.Model):
    """A finding or solution idea recorded in a session; may be promoted to (or linked with) measures."""

    session = models.ForeignKey(GroupSession, on_delete=models.CASCADE, related_name="results")
    kind = models.CharField(_("kind"), max_length=10, choices=ResultKind.choices, default=ResultKind.FINDING)
    title = models.CharField(_("title"), max_length=NAME_MAX_LENGTH)
    description = models.TextField(_("description"), max_length=TEXT_MAX_LENGTH)
    need = models.TextField(_("the need it answers"), blank=True, max_length=TEXT_MAX_LENGTH)
    priority = models.CharField(
        _("priority suggested by the group"),
        max_length=10,
        choices=ResultPriority.choices,
        default=ResultPriority.MEDIUM,
    )
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Public results are listed on measures and in the API.")
    )
    measures = models.ManyToManyField(
        "agenda.MeasurePage", verbose_name=_("measures"), blank=True, related_name="group_results"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = GroupResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("group result")
        verbose_name_plural = _("group results")
        ordering = ["session__starts_at", "pk"]

    def __str__(self):
        return self.title


class Verdict(models.TextChoices):
    AGREE = "agree", _("Agree")
    CHANGES = "changes", _("Agree with changes")
    DISAGREE = "disagree", _("Disagree")


class FeedbackRound(models.Model):
    """A feedback group reviews a set of measures of its topic field until a deadline."""

    group = models.ForeignKey(ExpertGroup, on_delete=models.CASCADE, related_name="feedback_rounds")
    title = models.CharField(_("title"), max_length=NAME_MAX_LENGTH)
    instructions = models.TextField(_("instructions for members"), blank=True, max_length=TEXT_MAX_LENGTH)
    measures = models.ManyToManyField("agenda.MeasurePage", verbose_name=_("measures"), related_name="feedback_rounds")
    deadline = models.DateTimeField(_("deadline"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback round")
        verbose_name_plural = _("feedback rounds")
        ordering = ["-deadline", "-pk"]

    def __str__(self):
        return self.title

    def is_open(self, now=None):
        return (now or timezone.now()) < self.deadline

    def aggregate(self):
        """{measure id: {"agree": n, "changes": n, "disagree": n, "total": n}} in one query."""
        rows = self.ratings.values("measure_id").annotate(
            agree=Count("pk", filter=Q(verdict=Verdict.AGREE)),
            changes=Count("pk", filter=Q(verdict=Verdict.CHANGES)),
            disagree=Count("pk", filter=Q(verdict=Verdict.DISAGREE)),
            total=Count("pk"),
        )
        return {row.pop("measure_id"): row for row in rows}


class FeedbackRating(models.Model):
    round = models.ForeignKey(FeedbackRound, on_delete=models.CASCADE, related_name="ratings")
    measure = models.ForeignKey("agenda.MeasurePage", on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_ratings")
    verdict = models.CharField(_("your assessment"), max_length=10, choices=Verdict.choices)
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX_LENGTH)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("feedback rating")
        verbose_name_plural = _("feedback ratings")
        constraints = [
            models.UniqueConstraint(fields=["round", "measure", "member"], name="participation_one_rating_per_member")
        ]

    def __str__(self):
        return f"{self.round} – {self.measure_id} – {self.verdict}"


class FeedbackOutcome(models.Model):
    """What a feedback round concluded about one measure, kept with the measure."""

    round = models.ForeignKey(FeedbackRound, on_delete=models.CASCADE, related_name="outcomes")
    measure = models.ForeignKey("agenda.MeasurePage", on_delete=models.CASCADE, related_name="feedback_outcomes")
    agree = models.PositiveIntegerField(_("agree"), default=0)
    changes = models.PositiveIntegerField(_("agree with changes"), default=0)
    disagree = models.PositiveIntegerField(_("disagree"), default=0)
    summary = models.TextField(_("summary of the feedback"), max_length=TEXT_MAX_LENGTH)
    is_public = models.BooleanField(_("show on the measure page"), default=True)
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("feedback outcome")
        verbose_name_plural = _("feedback outcomes")
        constraints = [models.UniqueConstraint(fields=["round", "measure"], name="participation_one_outcome")]

    def __str__(self):
        return f"{self.round} – {self.measure_id}"

    @property
    def total(self):
        return self.agree + self.changes + self.disagree
