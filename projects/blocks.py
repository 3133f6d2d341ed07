"""StreamField blocks of the projects app (Smart City programme themes and phases)."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError


class ProgrammeThemeBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=1000)

    class Meta:
        icon = "tag"
        label = _("Theme")
        template = "projects/blocks/programme_theme_block.html"
        preview_value = {
            "title": "Grüne Energie und vernetzte Mobilität",
            "description": "Erneuerbare Energie und Wege, die Stadt und Umland verbinden.",
        }


class ProgrammePhaseBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    start_date = blocks.DateBlock(label=_("Start date"), required=False)
    end_date = blocks.DateBlock(label=_("End date"), required=False)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=1000)

    class Meta:
        icon = "date"
        label = _("Phase")
        template = "projects/blocks/programme_phase_block.html"
        preview_value = {"title": "Strategiephase", "description": "Gemeinsam eine Strategie entwickeln."}

    def clean(self, value):
        value = super().clean(value)
        start, end = value.get("start_date"), value.get("end_date")
        if start and end and end < start:
            raise StructBlockValidationError(
                block_errors={
                    "end_date": ErrorList([ValidationError(_("The end date cannot be before the start date."))])
                }
            )
        return value
