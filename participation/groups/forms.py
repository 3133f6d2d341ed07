"""Forms of focus and feedback groups (public rating form and the sponsors' admin forms)."""

from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea

from agenda.models import MeasurePage
from participation.groups.models import (
    COMMENT_MAX_LENGTH,
    ExpertGroup,
    GroupResult,
    GroupSession,
    Verdict,
)

MAX_INVITATIONS_AT_ONCE = 50
MAX_ID = 2**31 - 1
INVALID_RICH_TEXT = "\x00invalid"


class MinutesWidget(DraftailRichTextArea):
    """Draftail, but a forged or broken editor payload becomes a form error instead of a 500."""

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            return INVALID_RICH_TEXT


class RatingForm(forms.Form):
    measure = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ID)
    verdict = forms.ChoiceField(label=_("Your assessment"), choices=Verdict.choices, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What should change? Visible to the group's sponsors."),
    )


class ExpertGroupForm(forms.ModelForm):
    class Meta:
        model = ExpertGroup
        fields = ["topic_field", "kind", "name", "language", "description", "public_summary", "summary_published"]

    def __init__(self, *args, topic_fields, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic_field"].queryset = topic_fields


class InviteForm(forms.Form):
    emails = forms.CharField(
        label=_("E-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("One or more addresses, separated by commas or line breaks."),
    )

    def clean_emails(self):
        raw = self.cleaned_data["emails"].replace(",", "\n").replace(";", "\n").split()
        emails = []
        for value in raw:
            value = value.strip().lower()
            try:
                validate_email(value)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("“%(value)s” is not a valid e-mail address."), params={"value": value[:80]}
                ) from None
            if value not in emails:
                emails.append(value)
        if not emails:
            raise forms.ValidationError(_("Give at least one e-mail address."))
        if len(emails) > MAX_INVITATIONS_AT_ONCE:
            raise forms.ValidationError(_("Invite at most 50 people at once."))
        return emails


class SessionForm(forms.ModelForm):
    online_url = forms.URLField(label=_("Online meeting link"), required=False, max_length=200, assume_scheme="https")
    document = forms.FileField(label=_("Attach a document"), required=False)

    class Meta:
        model = GroupSession
        fields = ["title", "starts_at", "ends_at", "place", "agenda", "minutes", "participants"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "participants": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["title", "starts_at", "ends_at", "place", "online_url", "agenda", "minutes", "participants"])
        if self.instance.pk:
            self.initial.setdefault("online_url", self.instance.online_url)
        self.fields["participants"].queryset = members
        self.fields["participants"].label_from_instance = lambda user: f"{user.profile.display_name} ({user.email})"
        self.fields["minutes"].widget = MinutesWidget(features=GroupSession._meta.get_field("minutes").features)

    def clean_minutes(self):
        minutes = self.cleaned_data.get("minutes") or ""
        if minutes == INVALID_RICH_TEXT:
            raise forms.ValidationError(_("The minutes could not be read. Please edit them in the editor again."))
        return minutes

    def clean_document(self):
        from django.conf import settings

        upload = self.cleaned_data.get("document")
        if upload is None:
            return None
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            raise forms.ValidationError(
                _("Allowed file types: %(types)s."), params={"types": ", ".join(settings.WAGTAILDOCS_EXTENSIONS)}
            )
        if upload.size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
            raise forms.ValidationError(_("The file is too large."))
        return upload

    def save(self, commit=True):
        self.instance.online_url = self.cleaned_data.get("online_url") or ""
        return super().save(commit=commit)

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The end must not be before the start."))
        if not cleaned.get("place") and not cleaned.get("online_url"):
            self.add_error("place", _("Give a place or an online meeting link."))
        return cleaned


class ResultForm(forms.ModelForm):
    class Meta:
        model = GroupResult
        fields = ["kind", "title", "description", "need", "priority", "is_public"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "need": forms.Textarea(attrs={"rows": 2}),
        }


class PromoteResultForm(forms.Form):
    title = forms.CharField(label=_("Title of the new measure"), max_length=255)
    solution_idea = forms.CharField(
        label=_("Solution idea"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class LinkResultForm(forms.Form):
    measure = forms.ModelChoiceField(label=_("Existing measure"), queryset=None)

    def __init__(self, *args, topic_field, **kwargs):
        super().__init__(*args, **kwargs)

        self.fields["measure"].queryset = MeasurePage.objects.child_of(topic_field).order_by("title")


class FeedbackRoundForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    instructions = forms.CharField(
        label=_("Instructions for members"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    measures = forms.ModelMultipleChoiceField(
        label=_("Measures to review"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    deadline = forms.DateTimeField(
        label=_("Deadline"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )

    def __init__(self, *args, topic_field, **kwargs):
        super().__init__(*args, **kwargs)

        self.fields["measures"].queryset = MeasurePage.objects.child_of(topic_field).order_by("title")


class OutcomeForm(forms.Form):
    measure = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ID)
    summary = forms.CharField(
        label=_("Summary of the feedback"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_public = forms.BooleanField(label=_("Show on the measure page"), required=False, initial=True)
