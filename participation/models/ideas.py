"""Kept only because migration 0002 imports ``participation.models.ideas._new_token``."""

from participation.dialogues.models.notifications import _new_token  # noqa: F401
