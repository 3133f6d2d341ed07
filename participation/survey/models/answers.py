"""What comes back from a survey: responses, answers per question and topic field, the findings
drawn from them, and how the need scores weigh in the prioritisation."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.forms.models import AbstractFormSubmission
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from participation.survey.models.pages import FINDING_TEXT_MAX_LENGTH, SCALE_MAX, SCALE_MIN, TEXT_MAX_LENGTH


class SurveyResponse(AbstractFormSubmission):
    """One account's answers to one survey (``page`` is the default-language survey page)."""

    ONLINE = "online"
    PAPER = "paper"
    CHANNEL_CHOICES = [(ONLINE, _("online")), (PAPER, _("paper questionnaire, entered by staff"))]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("respondent"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    topic_fields = models.ManyToManyField(
        "agenda.TopicFieldPage", verbose_name=_("topic fields"), blank=True, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    channel = models.CharField(_("channel"), max_length=10, choices=CHANNEL_CHOICES, default=ONLINE)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(fields=["page", "user"], name="participation_survey_one_response_per_account"),
        ]


class ModerationState(models.TextChoices):
    PENDING = "pending", _("waiting for moderation")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("not published")


class SurveyAnswerQuerySet(models.QuerySet):
    def of_survey(self, survey):
        return self.filter(response__page=survey.source_page())

    def texts(self):
        return self.exclude(text="")

    def approved(self):
        return self.filter(moderation=ModerationState.APPROVED)


class SurveyAnswer(models.Model):
    """One answer: a question (by key), the topic field it speaks to (or none), and one value.

    A multiple-choice answer is one row per chosen option.
    """

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(_("question"), max_length=255)
    topic_field = models.ForeignKey(
        "agenda.TopicFieldPage",
        verbose_name=_("topic field"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_answers",
    )
    choice_index = models.PositiveSmallIntegerField(_("choice"), null=True, blank=True)
    scale_value = models.PositiveSmallIntegerField(
        _("need score"),
        null=True,
        blank=True,
        validators=[MinValueValidator(SCALE_MIN), MaxValueValidator(SCALE_MAX)],
    )
    text = models.TextField(_("text"), blank=True, max_length=TEXT_MAX_LENGTH)
    moderation = models.CharField(
        _("moderation"), max_length=10, choices=ModerationState.choices, default=ModerationState.PENDING
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    objects = SurveyAnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_value__isnull=True) | (Q(scale_value__gte=SCALE_MIN) & Q(scale_value__lte=SCALE_MAX)),
                name="participation_survey_scale_1_5",
            ),
        ]
        indexes = [
            models.Index(fields=["topic_field", "scale_value"], name="participation_answer_need"),
            models.Index(fields=["question", "topic_field"], name="participation_answer_question"),
        ]

    def __str__(self):
        return f"{self.question} / {self.topic_field_id}"


class SurveyFindingQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class SurveyFinding(models.Model):
    """A need recorded from the survey by an editor or sponsor, with the answers it rests on."""

    survey = models.ForeignKey(
        "participation.NeedsSurveyPage",
        verbose_name=_("needs survey"),
        on_delete=models.PROTECT,
        related_name="findings",
    )
    topic_field = models.ForeignKey(
        "agenda.TopicFieldPage", verbose_name=_("topic field"), on_delete=models.PROTECT, related_name="survey_findings"
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary of the need"), max_length=FINDING_TEXT_MAX_LENGTH)
    answers = models.ManyToManyField(
        SurveyAnswer, verbose_name=_("answers it rests on"), blank=True, related_name="findings"
    )
    measures = models.ManyToManyField(
        "agenda.MeasurePage",
        verbose_name=_("measures"),
        blank=True,
        related_name="origin_findings",
        help_text=_("Measures (in the default language) this finding fed into."),
    )
    is_public = models.BooleanField(_("public"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SurveyFindingQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey finding")
        verbose_name_plural = _("survey findings")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        survey = self.localized_survey()
        return survey.url + survey.reverse_subpage("finding", args=[self.pk])

    def localized_survey(self):
        """The survey page in the active language (or the source page)."""
        from django.utils.translation import get_language

        from wagtail.models import Locale

        locale = Locale.objects.filter(language_code=get_language()).first()
        survey = self.survey
        if locale is not None and locale.pk != survey.locale_id:
            survey = survey.get_translation_or_none(locale) or survey
        return survey


@register_setting(icon="form")
class SurveyScoringSettings(BaseGenericSetting):
    """How much the survey's mean need score of a topic field counts in the demand term of its measures."""

    need_weight = models.DecimalField(
        _("weight of the survey need score in the demand score"),
        max_digits=3,
        decimal_places=2,
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_(
            "0 to 1. Demand score = support score × (1 − weight) + need score × weight, where the need "
            "score is 25 × (mean need score of the measure's topic field − 1). Without survey answers "
            "for the topic field the demand score is the support score alone."
        ),
    )

    panels = [FieldPanel("need_weight")]

    class Meta:
        verbose_name = _("needs survey settings")
