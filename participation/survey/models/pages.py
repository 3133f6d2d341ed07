"""The survey page, its questions (form fields) and the question types."""

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractFormField, FormMixin
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from agenda.language import default_language_code
from participation.core import windows
from website import converters  # noqa: F401  (registers the <id:…> URL converter)
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
        # The response model lives in answers.py, which refers to this page by name.
        return apps.get_model("participation", "SurveyResponse")

    def get_submissions(self):
        return self.get_submission_class().objects.filter(page=self.source_page())

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

    @path("findings/<id:finding_id>/", name="finding")
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
