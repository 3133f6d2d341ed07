"""Accessible form fields: label, hint and errors linked to the input with aria-describedby."""

from django import template

from accounts.gdpr import field_label

register = template.Library()


@register.inclusion_tag("accounts/includes/field.html")
def form_field(field):
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-help")
    if field.errors:
        described_by.append(f"{field.auto_id}-errors")
    attrs = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    widget_input_type = getattr(field.field.widget, "input_type", "")
    return {
        "field": field,
        "widget": field.as_widget(attrs=attrs),
        "is_checkbox": widget_input_type in {"checkbox", "radio"},
    }


@register.simple_tag
def data_kind(value):
    if isinstance(value, dict):
        return "dict"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, str) and len(value) >= 19 and value[4:5] == "-" and value[10:11] == "T":
        return "datetime"
    return "scalar"


@register.filter
def as_datetime(value):
    from django.utils import timezone
    from django.utils.dateparse import parse_datetime

    parsed = parse_datetime(value)
    return timezone.localtime(parsed) if parsed and timezone.is_aware(parsed) else value


@register.filter
def humanize_key(key):
    return field_label(key)
