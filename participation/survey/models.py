"""The needs survey (Bestands- und Bedarfsaufnahme), its answers and the findings drawn from them.

Who may answer: accounts only, one response per account and survey, enforced by a unique
constraint, editable until the survey closes. An anonymous survey with rate limits can be
repeated by anyone who clears cookies or changes network, and its need scores feed the
prioritisation of measures, so they must not be stuffed; an account also lets a citizen see,
change, export and delete their own answers (``accounts.gdpr``).

Answers per topic field: the respondent first picks the topic fields they want to speak to;
every question marked "per topic field" is then asked once for each of them. Each answer is
stored twice: in the submission's ``form_data`` (so Wagtail's submissions listing and its
CSV/XLSX export work unchanged, one column per question and topic field) and as
``SurveyAnswer`` rows (question, topic field, choice index, scale value, text), which the
results page and the prioritisation aggregate in SQL.

Translations: the survey page is translated with wagtail-localize; question keys
(``clean_name``), types and flags are synchronised, so every language version shares them.
Choices are stored by position, so a Danish and a German "yes" count together. Responses and
answers always point at the default-language survey page and topic field.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractFormField, AbstractFormSubmission, FormMixin
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from agenda.language import default_language_code
from participation.core import windows
from website.models.pages import BasePage

SCALE_MIN = 1
SCALE_MAX = 5
TEXT_MAX_LENGTH = 2000
FINDING_TEXT_MAX_LENGTH = 5000
TOPIC_FIELD_KEY_SEPARATOR = "__tf"


class QuestionType(models.TextChoices):
    SINGLE = "radio", _("Single choice")
    MULTIPLE = "checkboxes", _("Multiple choice")
    SCALE = "need_scale", _("Need score (scale 1 to 5)")
    TEXT = "multiline", _("Free text")


class NeedsSurveyFormField(TranslatableMixin, AbstractFormField):
    """One question of the survey, composed by editors in the admin (Wagtail's form builder).

    Translatable child objects (wagtail-localize needs ``TranslatableMixin`` on inline children
    to translate their text); a question keeps its ``translation_key`` in every language.
    """

    page = ParentalKey("participation.NeedsSurveyPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(
        verbose_name=_("question type"), max_length=16, choices=QuestionType.choices, default=QuestionType.TEXT
    )
    field_type.required_on_save = True
    per_topic_field = models.BooleanField(
        _("ask per topic field"),
        default=True,
        help_text=_("Asked once for every topic field the respondent chooses; otherwise once for the whole survey."),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldRowPanel([FieldPanel("field_type", required_on_save=True), FieldPanel("required")]),
        FieldPanel("per_topic_field"),
        FieldPanel("choices"),
    ]
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        SynchronizedField("per_topic_field"),
    ]

    class Meta(AbstractFormField.Meta):
        unique_together = [("translation_key", "locale")]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def choice_labels(self):
        from wagtail.contrib.forms.forms import _split_by_newline_or_comma

        if self.field_type not in (QuestionType.SINGLE, QuestionType.MULTIPLE) or not self.choices.strip():
            return []
        return [label for label in _split_by_newline_or_comma(self.choices) if label]


class NeedsSurveyAdminForm(WagtailAdminFormPageForm):
    """A new survey starts with the agenda's six guiding questions (editors may change them)."""

    def __init__(self, data=None, files=None, *args, instance=None, **kwargs):
        if data is None and instance is not None and instance.pk is None and not instance.form_fields.all():
            language = instance.locale.language_code if instance.locale_id else None
            # participation.survey.services imports these models at its top: a model -> service call stays lazy.
            from participation.survey.services import default_questions

            instance.form_fields = default_questions(language)
        super().__init__(data, files, *args, instance=instance, **kwargs)


class NeedsSurveyPage(windows.TimeWindowMixin, RoutablePageMixin, FormMixin, BasePage):
    """The needs survey: questions composed in the admin, answered per topic field, results on request."""

    description = RichTextField(_("description"), blank=True)
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    thank_you_text = models.TextField(
        _("thank-you text"), blank=True, help_text=_("Shown after a response has been saved.")
    )
    results_published = models.BooleanField(
        _("results published"),
        default=False,
        help_text=_("Show the aggregated results to everyone. Free-text answers appear only once approved."),
    )
    results_text = RichTextField(_("comment on the results"), blank=True)

    parent_page_types = ["agenda.AgendaPage", "website.HomePage"]
    subpage_types = []
    base_form_class = NeedsSurveyAdminForm

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Open for answers")),
        InlinePanel("form_fields", heading=_("Questions"), label=_("Question")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel([FieldPanel("results_published"), FieldPanel("results_text")], heading=_("Results")),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("description"),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("results_published"),
        APIField("form_fields"),
    ]
    override_translatable_fields = [
        TranslatableField("form_fields"),
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        SynchronizedField("results_published"),
    ]

    class Meta:
        verbose_name = _("needs survey")
        verbose_name_plural = _("needs surveys")

    template = "participation/survey/needs_survey_page.html"
    landing_page_template = "participation/survey/needs_survey_page.html"

    # -- state -----------------------------------------------------------------

    # status(), is_open(), is_closed(), is_upcoming(): participation.core.windows.TimeWindowMixin

    def source_page(self):
        if self.locale.language_code == default_language_code():
            return self
        return (
            NeedsSurveyPage.objects.filter(
                translation_key=self.translation_key, locale__language_code=default_language_code()
            ).first()
            or self
        )

    def get_submission_class(self):
        return SurveyResponse

    def get_submissions(self):
        return SurveyResponse.objects.filter(page=self.source_page())

    def get_form_fields(self):
        return self.form_fields.all()

    def get_data_fields(self):
        """Export columns: one per question (and per topic field for per-topic-field questions)."""
        # participation.survey.services imports these models at its top: a model -> service call stays lazy.
        from participation.survey.services import data_fields

        return data_fields(self)

    def questions_by_key(self):
        return {field.clean_name: field for field in self.form_fields.all()}

    # -- topic fields ----------------------------------------------------------

    def topic_field_choices(self):
        """Live topic fields of this survey's site in this page's language: [(source page, shown page)]."""
        # participation.survey.services imports these models at its top: a model -> service call stays lazy.
        from participation.survey.services import topic_field_choices

        return topic_field_choices(self)

    # -- serving -----------------------------------------------------------------

    def serve(self, request, *args, **kwargs):
        # RoutablePageMixin dispatches to the routes below; FormMixin.serve is not used.
        return RoutablePageMixin.serve(self, request, *args, **kwargs)

    # The routes' views live in participation.survey.views, which imports these models:
    # they are imported when a route is served, so the models module stays free of a cycle.
    @path("")
    def survey_form(self, request):
        from participation.survey.views import survey_form

        return survey_form(request, self)

    @path("results/", name="results")
    def results_view(self, request):
        from participation.survey.views import survey_results

        return survey_results(request, self)

    @path("findings/<int:finding_id>/", name="finding")
    def finding_view(self, request, finding_id):
        from participation.survey.views import finding_detail

        return finding_detail(request, self, finding_id)

    def serve_preview(self, request, mode_name):
        return self.survey_form(request)

    @property
    def preview_modes(self):
        return self.DEFAULT_PREVIEW_MODES

    def get_preview_context(self, request, mode_name):
        return self.get_context(request)


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
        NeedsSurveyPage, verbose_name=_("needs survey"), on_delete=models.PROTECT, related_name="findings"
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
