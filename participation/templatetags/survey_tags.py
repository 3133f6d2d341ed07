"""Template helpers of the needs survey."""

from django import template

register = template.Library()


@register.filter
def survey_field(form, name):
    """The bound field ``name`` of a survey form (field names are built at run time)."""
    return form[name]
