"""The needs survey's part of a respondent's data export and account deletion (``accounts.gdpr``)."""

from django.utils.translation import gettext_lazy as _

from accounts import gdpr
from participation.survey.models import (
    SurveyResponse,
)

# ---------------------------------------------------------------------------
# Personal data (accounts.gdpr)
# ---------------------------------------------------------------------------


def _export(user):
    return [
        {
            "survey": response.page.title,
            "created_at": response.submit_time.isoformat(),
            "answers": response.form_data,
        }
        for response in SurveyResponse.objects.filter(user=user).select_related("page")
    ]


def _anonymise(user):
    return SurveyResponse.objects.filter(user=user).update(user=None)


def _remove(user):
    deleted, _by_model = SurveyResponse.objects.filter(user=user).delete()
    return deleted


def register_personal_data():
    gdpr.register("needs_survey", _("Needs survey"), _export, _anonymise, _remove)
    gdpr.register_field_labels({"survey": _("Survey"), "answers": _("Your answers")})
