"""City dialogues (Stadtdialoge): a page per dialogue, its phases, events and registrations.

A dialogue is a page (public URL, editorial life, translation); the ideas posted in it
are plain models (`participation.dialogues.models.ideas`) that always point at the dialogue's
source (German) page, so an idea written on the Danish page shows on all three.

Phases follow from four dates unless an editor pins one (`phase_override`):

    announced → collecting ideas → commenting and support → evaluation → closed
              ideas_from        ideas_until            support_until   evaluation_until
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from agenda.language import default_language_code
from website.models.pages import BasePage


class Phase(models.TextChoices):
    ANNOUNCED = "announced", _("Announced")
    COLLECTING = "collecting", _("Collecting ideas")
    COMMENTING = "commenting", _("Commenting and support")
    EVALUATION = "evaluation", _("Evaluation")
    CLOSED = "closed", _("Closed")


#: Phases in which comments and supports are accepted.
INTERACTIVE_PHASES = {Phase.COLLECTING, Phase.COMMENTING}


class CityDialoguePage(BasePage):
    """A city dialogue on one or more topic fields, with phases, events and citizens' ideas."""

    description = RichTextField(_("description"), blank=True)
    topic_fields = ParentalManyToManyField(
        "agenda.TopicFieldPage",
        verbose_name=_("topic fields"),
        related_name="city_dialogues",
        blank=True,
        help_text=_("Ideas in this dialogue are assigned to one of these topic fields."),
    )
    ideas_from = models.DateField(_("collecting ideas from"))
    ideas_until = models.DateField(_("collecting ideas until"))
    support_until = models.DateField(
        _("commenting and support until"),
        help_text=_("After collecting ideas, people can still comment and support until this day."),
    )
    evaluation_until = models.DateField(
        _("evaluation until"), help_text=_("The city evaluates the ideas until this day; then the dialogue closes.")
    )
    phase_override = models.CharField(
        _("phase set by hand"),
        max_length=20,
        choices=Phase.choices,
        blank=True,
        help_text=_("Leave empty to follow the dates. Set only to open or close a phase early or late."),
    )
    pre_moderation = models.BooleanField(
        _("pre-moderation"),
        default=False,
        help_text=_("New ideas and comments appear publicly only after a moderator approved them."),
    )
    notified_phase = models.CharField(_("last announced phase"), max_length=20, blank=True, editable=False)

    parent_page_types = ["agenda.AgendaPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("description"),
        FieldPanel("topic_fields"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("ideas_from"), FieldPanel("ideas_until")]),
                FieldRowPanel([FieldPanel("support_until"), FieldPanel("evaluation_until")]),
                FieldPanel("phase_override"),
            ],
            heading=_("Phases"),
        ),
        FieldPanel("pre_moderation"),
        InlinePanel("events", heading=_("Events"), label=_("Event")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("description")]
    api_date_field = "ideas_from"  # ?date_from= / ?date_to= in the API
    api_fields = [
        *BasePage.api_fields,
        APIField("description"),
        APIField("phase"),
        APIField("ideas_from"),
        APIField("ideas_until"),
        APIField("support_until"),
        APIField("evaluation_until"),
    ]
    override_translatable_fields = [
        SynchronizedField("topic_fields"),
        SynchronizedField("ideas_from"),
        SynchronizedField("ideas_until"),
        SynchronizedField("support_until"),
        SynchronizedField("evaluation_until"),
        SynchronizedField("phase_override"),
        SynchronizedField("pre_moderation"),
    ]

    class Meta:
        verbose_name = _("city dialogue")
        verbose_name_plural = _("city dialogues")

    # -- phases ----------------------------------------------------------------

    def computed_phase(self, today=None):
        today = today or timezone.localdate()
        if today < self.ideas_from:
            return Phase.ANNOUNCED
        if today <= self.ideas_until:
            return Phase.COLLECTING
        if today <= self.support_until:
            return Phase.COMMENTING
        if today <= self.evaluation_until:
            return Phase.EVALUATION
        return Phase.CLOSED

    def current_phase(self, today=None):
        if self.phase_override:
            return Phase(self.phase_override)
        return self.computed_phase(today)

    @property
    def phase(self):
        return self.current_phase().value

    def get_phase_display(self):
        return self.current_phase().label

    def phase_timeline(self, today=None):
        """[(phase, label, start, end, is_current)] for the public timeline."""
        current = self.current_phase(today)
        day = datetime.timedelta(days=1)
        rows = [
            (Phase.ANNOUNCED, None, self.ideas_from - day),
            (Phase.COLLECTING, self.ideas_from, self.ideas_until),
            (Phase.COMMENTING, self.ideas_until + day, self.support_until),
            (Phase.EVALUATION, self.support_until + day, self.evaluation_until),
            (Phase.CLOSED, self.evaluation_until + day, None),
        ]
        return [
            {"phase": phase.value, "label": phase.label, "start": start, "end": end, "current": phase == current}
            for phase, start, end in rows
        ]

    def accepts_ideas(self, today=None):
        return self.current_phase(today) == Phase.COLLECTING

    def is_open(self, today=None):
        """Takes citizens' input (ideas, comments, supports) at all: the dialogue's time window."""
        return self.accepts_interaction(today)

    def accepts_interaction(self, today=None):
        """Comments and supports are welcome while ideas are collected and in the support phase."""
        return self.current_phase(today) in INTERACTIVE_PHASES

    def clean(self):
        super().clean()
        errors = {}
        if self.ideas_from and self.ideas_until and self.ideas_until < self.ideas_from:
            errors["ideas_until"] = _("Collecting ideas cannot end before it starts.")
        if self.ideas_until and self.support_until and self.support_until < self.ideas_until:
            errors["support_until"] = _("The support phase cannot end before collecting ideas ends.")
        if self.support_until and self.evaluation_until and self.evaluation_until < self.support_until:
            errors["evaluation_until"] = _("The evaluation cannot end before the support phase ends.")
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        """Publishing a revision must not reset which phase followers were last told about."""
        obj = super().with_content_json(content)
        if self.pk:
            obj.notified_phase = (
                CityDialoguePage.objects.filter(pk=self.pk).values_list("notified_phase", flat=True).first() or ""
            )
        return obj

    # -- translations --------------------------------------------------------

    def source_page(self):
        """The default-language page that ideas, events and registrations point at."""
        if self.locale_id is None or self.locale.language_code == default_language_code():
            return self
        return (
            CityDialoguePage.objects.filter(
                translation_key=self.translation_key, locale__language_code=default_language_code()
            ).first()
            or self
        )

    # -- rendering -------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        from participation.dialogues.views.pages import dialogue_context  # the views import these models

        context = super().get_context(request, *args, **kwargs)
        context.update(dialogue_context(self, request))
        return context


class DialogueEvent(index.Indexed, Orderable):
    """An in-person or online meeting of a dialogue, with optional registration and a waiting list."""

    page = ParentalKey(CityDialoguePage, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True, help_text=_("Address of an in-person meeting."))
    online_url = models.URLField(_("online link"), blank=True, help_text=_("Link to an online meeting."))
    accessibility_notes = models.TextField(
        _("accessibility notes"),
        blank=True,
        max_length=1000,
        help_text=_("Step-free access, sign language interpretation, hearing loop, …"),
    )
    registration_required = models.BooleanField(_("registration"), default=False)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Places for registered participants; further registrations go on a waiting list."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place"),
        FieldPanel("online_url"),
        FieldPanel("accessibility_notes"),
        FieldRowPanel([FieldPanel("registration_required"), FieldPanel("capacity")]),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.SearchField("place"),
        index.AutocompleteField("title"),
        index.FilterField("page"),
        index.FilterField("starts_at"),
    ]
    api_fields = [
        APIField(name)
        for name in (
            "title",
            "description",
            "starts_at",
            "ends_at",
            "place",
            "online_url",
            "accessibility_notes",
            "registration_required",
            "capacity",
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("An event cannot end before it starts.")
        if not self.place and not self.online_url:
            errors["place"] = _("Give a place, an online link, or both.")
        if self.registration_required and not self.capacity:
            errors["capacity"] = _("An event with registration needs a capacity.")
        if errors:
            raise ValidationError(errors)

    def is_past(self, now=None):
        return (self.ends_at or self.starts_at) < (now or timezone.now())

    def register(self, user):
        """Register `user`: a place while places are free, else the waiting list. Idempotent."""
        with transaction.atomic():
            # Lock the event row so two last-place registrations cannot both get the place.
            DialogueEvent.objects.select_for_update().filter(pk=self.pk).first()
            existing = self.registrations.filter(user=user).first()
            if existing is not None:
                return existing
            taken = self.registrations.filter(status=EventRegistration.CONFIRMED).count()
            status = (
                EventRegistration.CONFIRMED
                if self.capacity is None or taken < self.capacity
                else EventRegistration.WAITING
            )
            return EventRegistration.objects.create(event=self, user=user, status=status)

    def cancel(self, user):
        """Cancel `user`'s registration; the first on the waiting list moves up. Returns who moved up."""
        with transaction.atomic():
            DialogueEvent.objects.select_for_update().filter(pk=self.pk).first()
            registration = self.registrations.filter(user=user).first()
            if registration is None:
                return None
            freed = registration.status == EventRegistration.CONFIRMED
            registration.delete()
            if not freed:
                return None
            waiting = self.registrations.filter(status=EventRegistration.WAITING).order_by("created_at", "pk").first()
            if waiting is not None:
                waiting.status = EventRegistration.CONFIRMED
                waiting.save(update_fields=["status"])
            return waiting


class EventRegistration(models.Model):
    CONFIRMED = "confirmed"
    WAITING = "waiting"
    STATUS_CHOICES = [(CONFIRMED, _("Place confirmed")), (WAITING, _("On the waiting list"))]

    event = models.ForeignKey(
        DialogueEvent, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("account"),
    )
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES, default=CONFIRMED)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="participation_registration_unique"),
        ]

    def __str__(self):
        return f"{self.event_id} / {self.user_id}: {self.status}"


class DialogueFollower(models.Model):
    """An account that wants an e-mail when the dialogue enters a new phase."""

    dialogue = models.ForeignKey(
        CityDialoguePage, on_delete=models.CASCADE, related_name="followers", verbose_name=_("city dialogue")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_dialogues", verbose_name=_("account")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("dialogue follower")
        verbose_name_plural = _("dialogue followers")
        constraints = [models.UniqueConstraint(fields=["dialogue", "user"], name="participation_follower_unique")]

    def __str__(self):
        return f"{self.user_id} → {self.dialogue_id}"
