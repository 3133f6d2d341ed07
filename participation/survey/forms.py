"""The needs survey's answer form: choosing topic fields, then one field per question (and
per topic field for per-topic-field questions), plain text only.
"""

import re
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from participation.survey.models import (
    TEXT_MAX_LENGTH,
)
from participation.survey.services import answer_key

# ---------------------------------------------------------------------------
# The answer form
# ---------------------------------------------------------------------------

_HTML = re.compile(r"<\s*[a-zA-Z/!?]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_plain_text(value):
    value = (value or "").strip()
    if _CONTROL.search(value):
        raise forms.ValidationError(_("Please remove invisible control characters."), code="control_characters")
    if _HTML.search(value):
        raise forms.ValidationError(_("Please write plain text without HTML tags."), code="html")
    return value


class PlainTextField(forms.CharField):
    def clean(self, value):
        return clean_plain_text(super().clean(value))


def scale_choices():
    return [
        ("1", _("1 – hardly needed")),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", _("5 – very urgently needed")),
    ]


@dataclass
class FormQuestion:
    """One rendered question: the form field name, the question, the topic field it is asked for."""

    name: str
    question: object
    topic_field: object = None  # source TopicFieldPage
    topic_field_shown: object = None


class TopicFieldSelectionForm(forms.Form):
    topic_fields = forms.MultipleChoiceField(
        label=_("Which topic fields do you want to answer for?"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The questions are then asked once for each topic field you choose."),
        error_messages={"required": _("Choose at least one topic field.")},
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic_fields"].choices = [(str(source.pk), shown.title) for source, shown in choices]

    def selected_ids(self):
        return [int(value) for value in self.cleaned_data["topic_fields"]]


class SurveyAnswerForm(forms.Form):
    """The answers of one respondent for the chosen topic fields (plus general questions)."""

    topic_fields = forms.MultipleChoiceField(widget=forms.MultipleHiddenInput)
    edit_of = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, page, selected, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.fields["topic_fields"].choices = [(str(source.pk), shown.title) for source, shown in choices]
        self.fields["topic_fields"].error_messages["required"] = _("Choose at least one topic field.")
        shown_by_id = {source.pk: shown for source, shown in choices}
        source_by_id = {source.pk: source for source, _shown in choices}
        self.questions = list(page.form_fields.all())
        self.general = []
        self.per_topic_field = []  # [(shown topic field, [FormQuestion])]
        for topic_field_id in selected:
            if topic_field_id not in source_by_id:
                continue
            rows = []
            for question in self.questions:
                if question.per_topic_field:
                    name = answer_key(question.clean_name, topic_field_id)
                    self.fields[name] = self._field(question, shown_by_id[topic_field_id].title)
                    rows.append(FormQuestion(name, question, source_by_id[topic_field_id], shown_by_id[topic_field_id]))
            self.per_topic_field.append((shown_by_id[topic_field_id], rows))
        for question in self.questions:
            if not question.per_topic_field:
                self.fields[question.clean_name] = self._field(question, None)
                self.general.append(FormQuestion(question.clean_name, question))

    def _field(self, question, topic_field_title):
        label = question.label
        options = {"label": label, "required": question.required, "help_text": question.help_text}
        if question.field_type == "need_scale":
            return forms.TypedChoiceField(
                choices=scale_choices(), coerce=int, widget=forms.RadioSelect, empty_value=None, **options
            )
        if question.field_type == "radio":
            return forms.TypedChoiceField(
                choices=self._choices(question),
                coerce=int,
                widget=forms.RadioSelect,
                empty_value=None,
                **options,
            )
        if question.field_type == "checkboxes":
            return forms.TypedMultipleChoiceField(
                choices=self._choices(question), coerce=int, widget=forms.CheckboxSelectMultiple, **options
            )
        return PlainTextField(
            max_length=question_text_max_length(), widget=forms.Textarea(attrs={"rows": 3}), **options
        )

    @staticmethod
    def _choices(question):
        return [(str(index), label) for index, label in enumerate(question.choice_labels())]

    def selected_ids(self):
        return [int(value) for value in self.cleaned_data.get("topic_fields", [])]

    def all_questions(self):
        for _shown, rows in self.per_topic_field:
            yield from rows
        yield from self.general


def question_text_max_length():
    return TEXT_MAX_LENGTH


def initial_from_response(response):
    """Form initial values from a stored response (to edit it)."""
    initial = {"edit_of": response.pk}
    for answer in response.answers.all():
        key = answer_key(answer.question, answer.topic_field_id)
        if answer.scale_value is not None:
            initial[key] = str(answer.scale_value)
        elif answer.choice_index is not None:
            if isinstance(initial.get(key), list):
                initial[key].append(str(answer.choice_index))
            else:
                initial[key] = [str(answer.choice_index)]
        elif answer.text:
            initial[key] = answer.text
    return initial


def unwrap_single_choices(initial, form):
    for name, form_field in form.fields.items():
        if isinstance(form_field, forms.TypedChoiceField) and isinstance(initial.get(name), list):
            initial[name] = initial[name][0]
    return initial
