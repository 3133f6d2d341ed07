"""Polls: a question with choices, one ballot per participant.

Who may vote: accounts only. One vote per participant must be enforceable; a vote
per browser session is repeated by anyone who clears their cookies or opens a private
window, so it would make the numbers meaningless. An account needs a verified
e-mail address, and the database enforces one ballot per account and poll.

Translations: every language version of a poll shares Wagtail's `translation_key`,
and so do the choices. Ballots and votes are keyed by these keys, so votes cast
in any language count for the same poll.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Count
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from accounts import gdpr
from participation.core import windows


class VoteError(Exception):
    """A vote that must not be stored; `field` says which input is wrong."""

    def __init__(self, message, field="choices", code="invalid"):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.code = code


class PollQuerySet(models.QuerySet):
    def open_now(self, now=None):
        return self.filter(windows.open_now(now))


class Poll(windows.TimeWindowMixin, TranslatableMixin, ClusterableModel):
    SINGLE = "single"
    MULTIPLE = "multiple"
    KIND_CHOICES = [(SINGLE, _("Single choice")), (MULTIPLE, _("Multiple choice"))]

    AFTER_VOTE = "after_vote"
    AFTER_CLOSE = "after_close"
    RESULTS_CHOICES = [
        (AFTER_VOTE, _("To people who have voted, and to everyone once the poll is closed")),
        (AFTER_CLOSE, _("Only once the poll is closed")),
    ]

    question = models.CharField(_("question"), max_length=255)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES, default=SINGLE)
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(
        _("closes at"), null=True, blank=True, help_text=_("Leave empty to keep the poll open.")
    )
    results_visibility = models.CharField(_("show results"), max_length=20, choices=RESULTS_CHOICES, default=AFTER_VOTE)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PollQuerySet.as_manager()

    panels = [
        FieldPanel("question"),
        FieldPanel("description"),
        InlinePanel("choices", label=_("Choices"), min_num=2, max_num=20),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("results_visibility"),
            ],
            heading=_("Rules"),
        ),
    ]

    translatable_fields = [
        TranslatableField("question"),
        TranslatableField("description"),
        TranslatableField("choices"),
        SynchronizedField("kind"),
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        SynchronizedField("results_visibility"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["-opens_at", "pk"]

    def __str__(self):
        return self.question

    def clean(self):
        super().clean()
        if self.closes_at and self.opens_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The poll must close after it opens.")})

    # --- state -------------------------------------------------------------

    @property
    def is_multiple(self):
        return self.kind == self.MULTIPLE

    def has_voted(self, user):
        if not getattr(user, "is_authenticated", False):
            return False
        return PollBallot.objects.filter(poll_key=self.translation_key, user=user).exists()

    def results_visible(self, has_voted, now=None):
        if self.is_closed(now):
            return True
        return self.results_visibility == self.AFTER_VOTE and has_voted

    def results(self, choices=None):
        """Counts per choice in this poll's language; two queries whatever the number of votes."""
        choices = list(self.choices.all()) if choices is None else choices
        counts = dict(
            PollVote.objects.filter(poll_key=self.translation_key)
            .values("choice_key")
            .annotate(total=Count("pk"))
            .values_list("choice_key", "total")
        )
        participants = PollBallot.objects.filter(poll_key=self.translation_key).count()
        return PollResults.build(choices, counts, participants)

    # --- voting -------------------------------------------------------------

    def cast_vote(self, user, choice_ids, now=None):
        """Store `user`'s ballot for the given PollChoice ids of this poll, or raise VoteError.

        Nothing is stored unless every rule holds; the unique constraint on the
        ballot settles races between concurrent requests.
        """
        if not getattr(user, "is_authenticated", False):
            raise VoteError(_("Please log in to vote."), field="non_field_errors", code="login_required")
        status = self.status(now)
        if status == self.STATUS_UPCOMING:
            raise VoteError(_("This poll is not open yet."), field="non_field_errors", code="not_open")
        if status == self.STATUS_CLOSED:
            raise VoteError(_("This poll is closed."), field="non_field_errors", code="closed")

        choice_ids = list(choice_ids or [])
        if not choice_ids:
            raise VoteError(_("Please choose an answer."), code="required")
        try:
            wanted = [int(str(choice_id).strip()) for choice_id in choice_ids]
        except (TypeError, ValueError):
            raise VoteError(_("Please choose one of the answers shown."), code="invalid_choice") from None
        if len(wanted) != len(set(wanted)):
            raise VoteError(_("Each answer can be chosen only once."), code="duplicate")
        if len(wanted) > 1 and not self.is_multiple:
            raise VoteError(_("Please choose only one answer."), code="single_choice")
        keys_by_id = dict(self.choices.values_list("pk", "translation_key"))
        if any(choice_id not in keys_by_id for choice_id in wanted):
            raise VoteError(_("Please choose one of the answers shown."), code="invalid_choice")
        if self.has_voted(user):
            raise VoteError(_("You have already voted in this poll."), field="non_field_errors", code="already_voted")

        try:
            with transaction.atomic():
                ballot = PollBallot.objects.create(poll_key=self.translation_key, user=user)
                PollVote.objects.bulk_create(
                    PollVote(ballot=ballot, poll_key=self.translation_key, choice_key=keys_by_id[choice_id])
                    for choice_id in wanted
                )
        except IntegrityError:
            raise VoteError(
                _("You have already voted in this poll."), field="non_field_errors", code="already_voted"
            ) from None
        return ballot


class PollChoice(TranslatableMixin, Orderable):
    poll = ParentalKey(Poll, on_delete=models.CASCADE, related_name="choices", verbose_name=_("poll"))
    text = models.CharField(_("answer"), max_length=200)

    panels = [FieldPanel("text")]

    translatable_fields = [TranslatableField("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["sort_order"]

    def __str__(self):
        return self.text


class PollBallot(models.Model):
    """One participant's ballot; the unique constraint is the "one vote per participant" rule.

    `user` becomes NULL when the account is deleted and the citizen chose to keep
    their contributions: the vote still counts, nobody can tell whose it was.
    """

    poll_key = models.UUIDField(_("poll"), db_index=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="poll_ballots",
        verbose_name=_("account"),
    )
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [models.UniqueConstraint(fields=["poll_key", "user"], name="participation_one_ballot_per_user")]

    def __str__(self):
        return f"{self.poll_key} ({self.cast_at:%Y-%m-%d})"


class PollVote(models.Model):
    ballot = models.ForeignKey(PollBallot, on_delete=models.CASCADE, related_name="votes", verbose_name=_("ballot"))
    poll_key = models.UUIDField(_("poll"), db_index=True, editable=False)
    choice_key = models.UUIDField(_("choice"), editable=False, default=uuid.uuid4)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "choice_key"], name="participation_one_vote_per_choice")
        ]

    def __str__(self):
        return str(self.choice_key)


@dataclass
class ChoiceResult:
    choice: PollChoice
    votes: int
    percent: int  # share of participants, rounded

    @property
    def bar_width(self):
        return max(0, min(100, self.percent))


@dataclass
class PollResults:
    participants: int
    votes: int
    choices: list

    @classmethod
    def build(cls, choices, counts, participants):
        rows = []
        for choice in choices:
            votes = counts.get(choice.translation_key, 0)
            percent = round(100 * votes / participants) if participants else 0
            rows.append(ChoiceResult(choice, votes, percent))
        return cls(participants=participants, votes=sum(counts.values()), choices=rows)


@receiver(post_delete, sender=Poll, dispatch_uid="participation_poll_delete_votes")
def delete_votes_of_removed_poll(sender, instance, **kwargs):
    """Ballots belong to the translation group; they go when its last poll goes."""
    if not Poll.objects.filter(translation_key=instance.translation_key).exists():
        PollBallot.objects.filter(poll_key=instance.translation_key).delete()


# --- GDPR: votes are contributions ------------------------------------------------


def _export_poll_votes(user):
    ballots = list(PollBallot.objects.filter(user=user).prefetch_related("votes").order_by("cast_at"))
    keys = {ballot.poll_key for ballot in ballots}
    questions = {}
    choice_texts = {}
    active = Locale.get_active()
    polls = Poll.objects.filter(translation_key__in=keys).prefetch_related("choices")
    # The poll in the reader's language first, then the oldest (source) version.
    for poll in sorted(polls, key=lambda poll: (poll.locale_id != active.pk, poll.pk)):
        questions.setdefault(poll.translation_key, poll.question)
        for choice in poll.choices.all():
            choice_texts.setdefault(choice.translation_key, choice.text)
    return [
        {
            "poll": questions.get(ballot.poll_key, str(ballot.poll_key)),
            "choices": [choice_texts.get(vote.choice_key, str(vote.choice_key)) for vote in ballot.votes.all()],
            "cast_at": ballot.cast_at.isoformat(),
        }
        for ballot in ballots
    ]


def _anonymise_poll_votes(user):
    return PollBallot.objects.filter(user=user).update(user=None)


def _delete_poll_votes(user):
    ballots = PollBallot.objects.filter(user=user)
    count = ballots.count()
    ballots.delete()
    return count


def register_personal_data():
    """Called from ``ParticipationConfig.ready()``, in the order the sections are exported."""
    gdpr.register("poll_votes", _("Poll votes"), _export_poll_votes, _anonymise_poll_votes, _delete_poll_votes)
