"""Public forms of the city dialogues (ideas, comments, flags) with spam protection.

Spam protection without third-party services: a honeypot field that people never see
(bots fill it) and a signed start time, so a form sent back faster than a person can
type is refused. Both give a clear message; nothing is stored.
"""

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField

from accounts.models import organisations_user_may_act_for
from agenda.models import MeasurePage
from participation.dialogues.models.ideas import (
    COMMENT_MAX_LENGTH,
    REASON_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    IdeaStatus,
)
from participation.models import FlagReason

HONEYPOT_FIELD = "website"
STARTED_FIELD = "form_started"
_SIGNER_SALT = "participation.form-started"
#: Images from citizens: at most this many pixels (a photo from a phone has about 12–50 million).
CITIZEN_IMAGE_MAX_PIXELS = 50_000_000
CITIZEN_IMAGE_MAX_BYTES = 10 * 1024 * 1024


def min_fill_seconds():
    return getattr(settings, "PARTICIPATION_MIN_FILL_SECONDS", 3)


def started_token(now=None):
    value = str(int((now or timezone.now()).timestamp()))
    return signing.TimestampSigner(salt=_SIGNER_SALT).sign(value)


class SpamProtectedForm(forms.Form):
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial[STARTED_FIELD] = started_token()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _("Your entry looks automated and was not saved. Please leave the last field empty."), code="honeypot"
            )
        token = cleaned.get(STARTED_FIELD) or ""
        try:
            started = int(signing.TimestampSigner(salt=_SIGNER_SALT).unsign(token, max_age=24 * 3600))
        except (signing.BadSignature, ValueError):
            raise forms.ValidationError(
                _("This form has expired. Please send it again."), code="form_expired"
            ) from None
        if timezone.now().timestamp() - started < min_fill_seconds():
            raise forms.ValidationError(
                _("That was very fast. Please check your entry and send it again."), code="too_fast"
            )
        return cleaned

    def spam_fields(self):
        return [self[HONEYPOT_FIELD], self[STARTED_FIELD]]


class OrganisationChoiceMixin:
    """An optional "on behalf of" choice, only with organisations the account is confirmed for."""

    def add_organisation_field(self, user):
        organisations = organisations_user_may_act_for(user)
        self.fields["organisation"] = forms.ModelChoiceField(
            label=_("Post on behalf of"),
            queryset=organisations,
            required=False,
            empty_label=_("Only myself"),
        )
        self.has_organisations = organisations.exists()


class CitizenImageField(WagtailImageField):
    """Wagtail's image field with the limits of citizens' photos.

    Wagtail replaces any help text with its own and translates its texts once, when the
    field is created; so the given help text is kept here, and `IdeaForm` creates the
    field per form, in the visitor's language (else Danish pages showed German texts).
    """

    def __init__(self, *args, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.help_text = help_text
        self.max_image_pixels = CITIZEN_IMAGE_MAX_PIXELS
        self.max_upload_size = CITIZEN_IMAGE_MAX_BYTES


def citizen_image_field():
    return CitizenImageField(
        label=_("Photo (optional)"), required=False, help_text=_("JPEG, PNG, GIF or WebP, at most 10 MB.")
    )


class IdeaForm(OrganisationChoiceMixin, SpamProtectedForm):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    text = forms.CharField(
        label=_("Your idea"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text. **bold**, *italic*, lists with “- ” at the start of a line and web links work."),
    )
    topic_field = forms.TypedChoiceField(label=_("Topic field"), coerce=int, required=False)
    image = forms.Field(required=False)  # replaced per form by `citizen_image_field()`
    image_alt = forms.CharField(
        label=_("Description of the photo"),
        max_length=250,
        required=False,
        help_text=_("Required with a photo: what does it show?"),
    )
    address = forms.CharField(
        label=_("Place (optional)"),
        max_length=200,
        required=False,
        help_text=_("An address or a place in Flensburg this idea is about."),
    )
    latitude = forms.DecimalField(
        label=_("Latitude (optional)"), required=False, min_value=-90, max_value=90, max_digits=9, decimal_places=6
    )
    longitude = forms.DecimalField(
        label=_("Longitude (optional)"),
        required=False,
        min_value=-180,
        max_value=180,
        max_digits=9,
        decimal_places=6,
    )

    field_order = [
        "title",
        "text",
        "topic_field",
        "organisation",
        "image",
        "image_alt",
        "address",
        "latitude",
        "longitude",
        HONEYPOT_FIELD,
        STARTED_FIELD,
    ]

    def __init__(self, *args, dialogue, user, topic_field_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["image"] = citizen_image_field()
        self.dialogue = dialogue
        self.topic_field_objects = {pk: obj for pk, _label, obj in topic_field_choices}
        self.fields["topic_field"].choices = [("", _("Please choose"))] + [
            (pk, label) for pk, label, _obj in topic_field_choices
        ]
        self.fields["topic_field"].required = bool(topic_field_choices)
        if len(topic_field_choices) <= 1:
            self.fields["topic_field"].widget = forms.HiddenInput()
            if topic_field_choices:
                self.initial["topic_field"] = topic_field_choices[0][0]
        self.add_organisation_field(user)
        self.order_fields(self.field_order)

    def clean_topic_field(self):
        value = self.cleaned_data.get("topic_field")
        if value in (None, ""):
            return None
        return self.topic_field_objects.get(value)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not (cleaned.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Please describe the photo for people who cannot see it."))
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            self.add_error("longitude", _("Give both latitude and longitude, or neither."))
        return cleaned


class IdeaEditForm(SpamProtectedForm):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    text = forms.CharField(label=_("Your idea"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 8}))

    field_order = ["title", "text", HONEYPOT_FIELD, STARTED_FIELD]


class CommentForm(OrganisationChoiceMixin, SpamProtectedForm):
    text = forms.CharField(
        label=_("Your comment"), max_length=COMMENT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_organisation_field(user)
        self.order_fields(["text", "organisation", "parent", HONEYPOT_FIELD, STARTED_FIELD])


class FlagForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=FlagReason.choices)
    text = forms.CharField(
        label=_("Explanation (optional)"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class NotificationSettingsForm(forms.Form):
    idea_updates = forms.BooleanField(
        label=_("News about my ideas"),
        required=False,
        help_text=_("When the status or the official answer of your idea changes, or it is linked to a measure."),
    )
    dialogue_phases = forms.BooleanField(
        label=_("New phases of dialogues I follow"),
        required=False,
        help_text=_("When a dialogue you follow enters a new phase."),
    )


# ---------------------------------------------------------------------------
# Triage (admin): the forms of one idea's triage screen
# ---------------------------------------------------------------------------


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=IdeaStatus.choices)
    status_reason = forms.CharField(
        label=_("Public reason"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the idea is not pursued; shown publicly."),
    )
    merged_into = forms.IntegerField(label=_("Merged into idea no."), required=False, min_value=1)


class AnswerForm(forms.Form):
    official_answer = forms.CharField(
        label=_("Official answer of the city"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown to the author)"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def _parse_ids(value):
    ids = []
    for part in (value or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit():
            raise forms.ValidationError(_("Give idea numbers separated by commas."))
        ids.append(int(part))
    return ids


class LinkMeasureForm(forms.Form):
    measure = forms.ModelChoiceField(label=_("Existing measure"), queryset=None)
    more_ideas = forms.CharField(label=_("Further ideas (numbers, comma-separated)"), required=False, max_length=500)

    def __init__(self, *args, topic_field, **kwargs):
        super().__init__(*args, **kwargs)
        measures = MeasurePage.objects.none()
        if topic_field is not None:
            measures = MeasurePage.objects.child_of(topic_field).order_by("title")
        self.fields["measure"].queryset = measures

    def clean_more_ideas(self):
        return _parse_ids(self.cleaned_data.get("more_ideas"))


class PromoteForm(forms.Form):
    title = forms.CharField(label=_("Title of the new measure"), max_length=255)
    solution_idea = forms.CharField(label=_("Solution idea"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    more_ideas = forms.CharField(label=_("Further ideas (numbers, comma-separated)"), required=False, max_length=500)

    def clean_more_ideas(self):
        return _parse_ids(self.cleaned_data.get("more_ideas"))
