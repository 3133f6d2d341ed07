"""Serializer fields the projects app's `api_fields` use (kept apart from api.py to avoid import cycles)."""

from rest_framework.fields import Field


class RepresentationListField(Field):
    """A list of related objects, each as its own `api_representation()`.

    The source may be a related manager (prefetch it in the API queryset) or a
    method returning a list.
    """

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        return value() if callable(value) and not hasattr(value, "all") else value

    def to_representation(self, value):
        items = value.all() if hasattr(value, "all") else value
        return [item.api_representation() for item in items]


class ChoiceLabelField(Field):
    """The human-readable label of a choice field, in the active language."""

    def __init__(self, field_name, **kwargs):
        self.choice_field_name = field_name
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return str(getattr(instance, f"get_{self.choice_field_name}_display")())


class RepresentationField(Field):
    """One related object as its `api_representation()`, or null."""

    def to_representation(self, value):
        return value.api_representation() if value is not None else None
