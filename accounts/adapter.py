from allauth.account.adapter import DefaultAccountAdapter

from django import forms
from django.utils.translation import gettext_lazy as _

EMAIL_MAX_LENGTH = 254  # auth.User.email; PostgreSQL would refuse a longer value with an error


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email):
        email = super().clean_email(email)
        if len(email) > EMAIL_MAX_LENGTH:
            raise forms.ValidationError(
                _("Please enter an e-mail address of at most %(limit)s characters.") % {"limit": EMAIL_MAX_LENGTH}
            )
        return email
