"""Filter forms of the public listings.

They read the query string only. A value that is not one of the offered
choices makes that one filter invalid, and the listing simply ignores it, so
hostile or stale URLs never lead to an error page.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import OnlineStatus, OzgTopicArea, ProjectStatus, ResponsibleLevel


def _with_all(choices, label):
    return [("", label), *choices]


class PortfolioFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    topic_field = forms.ChoiceField(label=_("Topic field"), required=False)
    funding = forms.ChoiceField(label=_("Funding"), required=False)

    def __init__(self, data=None, *, topic_fields=(), funding_programmes=()):
        super().__init__(data)
        self.fields["status"].choices = _with_all(ProjectStatus.choices, _("All statuses"))
        self.fields["topic_field"].choices = _with_all(
            [(str(page.pk), page.title) for page in topic_fields], _("All topic fields")
        )
        self.fields["funding"].choices = _with_all(
            [(str(programme.pk), programme.name) for programme in funding_programmes], _("All funding")
        )
        if not topic_fields:
            del self.fields["topic_field"]

    def valid_filters(self):
        """The filters that hold an offered value; invalid ones are dropped."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}


class ServiceCatalogFilterForm(forms.Form):
    topic_area = forms.ChoiceField(
        label=_("OZG topic area"), required=False, choices=_with_all(OzgTopicArea.choices, _("All topic areas"))
    )
    online_status = forms.ChoiceField(
        label=_("Online status"), required=False, choices=_with_all(OnlineStatus.choices, _("Any status"))
    )
    responsible_level = forms.ChoiceField(
        label=_("Responsible level"), required=False, choices=_with_all(ResponsibleLevel.choices, _("All levels"))
    )

    def valid_filters(self):
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}
