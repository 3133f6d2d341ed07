from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import OrganisationMembership, ParticipatingOrganisation, Profile


class DisplayNameForm(forms.Form):
    display_name = forms.CharField(
        label=_("Public display name"),
        min_length=3,
        max_length=60,
        help_text=_("Shown next to your contributions. 3 to 60 characters; you do not need to use your real name."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if len(name) < 3:
            raise forms.ValidationError(_("Please enter at least 3 characters."))
        if any(ord(character) < 32 for character in name):
            raise forms.ValidationError(_("Please use letters, digits and ordinary punctuation only."))
        if Profile.display_name_taken(name, exclude_user=self.user):
            raise forms.ValidationError(_("This name is already used by someone else. Please choose another."))
        return name


class OrganisationRequestForm(forms.Form):
    organisation_name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=200,
        help_text=_("A company, association or initiative. An editor checks your request before you can act for it."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.CharField(
        label=_("Your role in the organisation"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_organisation_name(self):
        name = " ".join(self.cleaned_data["organisation_name"].split())
        if len(name) < 2:
            raise forms.ValidationError(_("Please enter the organisation's name."))
        organisation = ParticipatingOrganisation.objects.filter(name__iexact=name).first()
        if organisation and OrganisationMembership.objects.filter(user=self.user, organisation=organisation).exists():
            raise forms.ValidationError(_("You have already asked to act for this organisation."))
        return name

    def save(self):
        name = self.cleaned_data["organisation_name"]
        organisation = ParticipatingOrganisation.objects.filter(name__iexact=name).first()
        if organisation is None:
            organisation = ParticipatingOrganisation.objects.create(name=name)
        membership, _created = OrganisationMembership.objects.get_or_create(
            user=self.user, organisation=organisation, defaults={"role": self.cleaned_data["role"]}
        )
        return membership


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    remove_contributions = forms.BooleanField(
        label=_("Also remove my contributions"),
        required=False,
        help_text=_(
            "Without this, your ideas, comments and votes stay, shown as written by a deleted account. "
            "With it, they are removed."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if not user.has_usable_password():
            # Accounts that only log in through an external provider confirm with their e-mail address.
            self.fields["password"] = forms.EmailField(
                label=_("Your e-mail address"),
                help_text=_("Type the e-mail address of your account to confirm."),
                widget=forms.EmailInput(attrs={"autocomplete": "email"}),
            )

    def clean_password(self):
        value = self.cleaned_data["password"]
        if self.user.has_usable_password():
            if not self.user.check_password(value):
                raise forms.ValidationError(_("The password is not correct."))
        elif value.strip().lower() != (self.user.email or "").lower():
            raise forms.ValidationError(_("This is not the e-mail address of your account."))
        return value
