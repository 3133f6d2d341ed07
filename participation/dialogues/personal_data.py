"""The city dialogues' part of a citizen's data export and account deletion (`accounts.gdpr`).

Anonymising keeps the content (ideas, comments, supports keep counting) and detaches
the account; removing deletes ideas and comments (replies to them go with them) and
supports. Reports, registrations, follows and settings are personal either way and go.
"""

from django.utils.translation import gettext_lazy as _

from accounts import gdpr
from participation.models import (
    Comment,
    DialogueFollower,
    EventRegistration,
    Flag,
    Idea,
    NotificationSettings,
    Support,
)


def _iso(value):
    return value.isoformat() if value else None


def export(user):
    settings_row = NotificationSettings.objects.filter(user=user).first()
    return {
        "ideas": [
            {
                "id": idea.pk,
                "dialogue": idea.dialogue.title,
                "title": idea.title,
                "text": idea.text,
                "status": str(idea.get_status_display()),
                "address": idea.address,
                "latitude": str(idea.latitude) if idea.latitude is not None else None,
                "longitude": str(idea.longitude) if idea.longitude is not None else None,
                "image_alt": idea.image_alt,
                "hidden_reason": idea.hidden_reason,
                "language": idea.language,
                "created_at": _iso(idea.created_at),
                "earlier_versions": [
                    {"title": revision.title, "text": revision.text, "replaced_at": _iso(revision.edited_at)}
                    for revision in idea.revisions.all()
                ],
            }
            for idea in Idea.objects.filter(author=user).select_related("dialogue").prefetch_related("revisions")
        ],
        "comments": [
            {"idea": comment.idea.title, "text": comment.text, "created_at": _iso(comment.created_at)}
            for comment in Comment.objects.filter(author=user).select_related("idea")
        ],
        "supports": [
            {"idea": support.idea.title, "created_at": _iso(support.created_at)}
            for support in Support.objects.filter(user=user).select_related("idea")
        ],
        "reports": [
            {"reason": str(flag.get_reason_display()), "text": flag.text, "created_at": _iso(flag.created_at)}
            for flag in Flag.objects.filter(reporter=user)
        ],
        "event_registrations": [
            {
                "event": registration.event.title,
                "starts_at": _iso(registration.event.starts_at),
                "status": str(registration.get_status_display()),
            }
            for registration in EventRegistration.objects.filter(user=user).select_related("event")
        ],
        "followed_dialogues": [
            row.dialogue.title for row in DialogueFollower.objects.filter(user=user).select_related("dialogue")
        ],
        "notification_settings": (
            {"idea_updates": settings_row.idea_updates, "dialogue_phases": settings_row.dialogue_phases}
            if settings_row
            else {}
        ),
    }


def _delete_personal_rows(user):
    Flag.objects.filter(reporter=user).update(reporter=None)
    count = 0
    for model in (DialogueFollower, EventRegistration, NotificationSettings):
        deleted, _by_model = model.objects.filter(user=user).delete()
        count += deleted
    return count


def anonymise(user):
    count = Idea.objects.filter(author=user).update(author=None)
    count += Comment.objects.filter(author=user).update(author=None)
    count += Support.objects.filter(user=user).update(user=None)
    return count + _delete_personal_rows(user)


def remove(user):
    count, _by_model = Support.objects.filter(user=user).delete()
    deleted, _by_model = Comment.objects.filter(author=user).delete()
    count += deleted
    deleted, _by_model = Idea.objects.filter(author=user).delete()
    count += deleted
    return count + _delete_personal_rows(user)


def register():
    gdpr.register("city_dialogues", _("City dialogues"), export, anonymise, remove)
    gdpr.register_field_labels(
        {
            "ideas": _("Ideas"),
            "comments": _("Comments"),
            "supports": _("Supported ideas"),
            "reports": _("Reports"),
            "event_registrations": _("Event registrations"),
            "followed_dialogues": _("Followed dialogues"),
            "notification_settings": _("Notification settings"),
            "dialogue": _("City dialogue"),
            "title": _("Title"),
            "text": _("Text"),
            "status": _("Status"),
            "earlier_versions": _("Earlier versions"),
            "idea": _("Idea"),
            "event": _("Event"),
            "id": _("ID"),
            "address": _("address or place"),
            "latitude": _("latitude"),
            "longitude": _("longitude"),
            "image_alt": _("image description"),
            "hidden_reason": _("reason for hiding"),
            "language": _("language"),
            "replaced_at": _("replaced at"),
            "reason": _("Reason"),
            "starts_at": _("starts at"),
            "idea_updates": _("News about my ideas"),
            "dialogue_phases": _("New phases of dialogues I follow"),
        }
    )
