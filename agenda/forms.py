from django import forms
from django.utils.translation import gettext_lazy as _

from .language import default_language_code
from .models import MeasureStatus, PriorityClass, TopicFieldPage
from .models.prioritisation import RATING_MAX, RATING_MIN

RATING_ERROR = _("Ratings must be whole numbers from 0 to 5.")


class BacklogFilterForm(forms.Form):
    SORT_CHOICES = [
        ("rank", _("Rank (pinned class, then score)")),
        ("score", _("Score, highest first")),
        ("title", _("Title")),
        ("status", _("Status")),
    ]

    topic_field = forms.ModelChoiceField(
        queryset=TopicFieldPage.objects.none(), required=False, label=_("Topic field"), empty_label=_("All")
    )
    status = forms.ChoiceField(choices=[("", _("All")), *MeasureStatus.choices], required=False, label=_("Status"))
    priority_class = forms.ChoiceField(
        choices=[("", _("All")), *PriorityClass.choices, ("none", _("Not pinned"))],
        required=False,
        label=_("Priority class"),
    )
    tag = forms.CharField(required=False, max_length=100, label=_("Tag"))
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False, label=_("Sort by"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic_field"].queryset = TopicFieldPage.objects.filter(
            locale__language_code=default_language_code()
        ).order_by("path")

    def filter(self, queryset):
        """Apply the cleaned filters and sort order to a ``MeasurePage`` queryset."""
        data = self.cleaned_data
        if data.get("topic_field"):
            queryset = queryset.child_of(data["topic_field"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("priority_class") == "none":
            queryset = queryset.filter(priority_class="")
        elif data.get("priority_class"):
            queryset = queryset.filter(priority_class=data["priority_class"])
        if data.get("tag"):
            queryset = queryset.filter(tags__name__iexact=data["tag"].strip())
        sort = data.get("sort") or "rank"
        order = {
            "rank": ["priority_rank", "-total_score", "title", "pk"],
            "score": ["-total_score", "title", "pk"],
            "title": ["title", "pk"],
            "status": ["status", "-total_score", "title", "pk"],
        }[sort]
        return queryset.order_by(*order)


class BulkStatusForm(forms.Form):
    measures = forms.TypedMultipleChoiceField(coerce=int, label=_("Measures"))
    new_status = forms.ChoiceField(choices=MeasureStatus.choices, label=_("New status"))
    reason = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Public reason"),
        help_text=_("Required for deferred or rejected measures."),
    )

    def __init__(self, *args, measure_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measures"].choices = [(pk, pk) for pk in measure_ids]


class RatingForm(forms.Form):
    """One 0–5 select per prioritisation criterion; empty means "not rated"."""

    def __init__(self, *args, criteria=(), initial_values=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_values = initial_values or {}
        self.criteria = list(criteria)
        choices = [("", _("not rated"))] + [(str(v), str(v)) for v in range(RATING_MIN, RATING_MAX + 1)]
        for criterion in self.criteria:
            self.fields[self.field_name(criterion)] = forms.TypedChoiceField(
                label=criterion.name,
                help_text=criterion.description,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=initial_values.get(criterion.pk),
                error_messages={"invalid_choice": RATING_ERROR},
            )

    @staticmethod
    def field_name(criterion):
        return f"criterion_{criterion.pk}"

    def values(self):
        return {c: self.cleaned_data.get(self.field_name(c)) for c in self.criteria}


class ProgressNoteForm(forms.Form):
    note = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 4}), label=_("Note"))
