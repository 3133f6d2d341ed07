"""The default content language, on its own so every agenda module (models and registries) can use it without cycles."""

from django.conf import settings
from django.utils.translation import get_supported_language_variant


def default_language_code():
    """The language of the source pages (German): the one translations are made from."""
    return get_supported_language_variant(settings.LANGUAGE_CODE)
