"""Kept only because migration 0002 imports ``participation.models.ideas._new_token``."""

from participation.dialogues.models.ideas import _new_token  # noqa: F401
