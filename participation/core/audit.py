"""The audit trail of moderation and triage, written once for every kind of content.

Ideas, comments and flags (city dialogues), free-text survey answers and findings (needs
survey), group results and memberships (focus and feedback groups): every decision a
moderator, sponsor or editor takes about them is one ``ModerationLogEntry`` with who, when,
why and what. The entry keeps the topic field, so sponsors see the log of their own fields
(``website.permissions.limit_to_scope``), and a label, so it still reads when the content
is gone.
"""

from participation.core.models import ModerationLogEntry


def _kind(target):
    return target._meta.model_name


def _topic_field_id(target):
    if _kind(target) == "comment":
        return target.idea.topic_field_id
    if hasattr(target, "topic_field_id"):
        return target.topic_field_id
    session = getattr(target, "session", None)  # a group result
    if session is not None:
        return session.group.topic_field_id
    return None


def _label(target):
    for attribute in ("title", "name", "text"):
        value = getattr(target, attribute, "")
        if value:
            return str(value)[:255]
    return str(target)[:255]


def record(action, actor, target, *, reason="", **details):
    """Log one action on `target` (any model instance named above)."""
    if _kind(target) == "flag":
        details.setdefault("flag", target.pk)
        target = target.target
    idea = target if _kind(target) == "idea" else getattr(target, "idea", None)
    return ModerationLogEntry.objects.create(
        action=action,
        actor=actor,
        idea=idea if idea is not None and _kind(idea) == "idea" else None,
        comment=target if _kind(target) == "comment" else None,
        topic_field_id=_topic_field_id(target),
        target_type=target._meta.model_name,
        target_id=target.pk,
        target_label=_label(target),
        reason=reason or "",
        details=details,
    )
