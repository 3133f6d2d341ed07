"""Focus and feedback groups in a member's data export and account deletion (``accounts.gdpr``).

Memberships, accepted invitations and ratings are personal; on deletion they go either way
(the round's counts recorded as an outcome stay, without names). Presence in a session's
participant list is removed with the account.
"""

from django.utils.translation import gettext_lazy as _

from accounts import gdpr
from participation.groups.models import FeedbackRating, GroupInvitation, GroupMembership, GroupSession


def _iso(value):
    return value.isoformat() if value else None


def export(user):
    return {
        "group_memberships": [
            {"group": row.group.name, "joined_at": _iso(row.joined_at)}
            for row in GroupMembership.objects.filter(user=user).select_related("group")
        ],
        "group_invitations": [
            {"group": row.group.name, "email": row.email, "accepted_at": _iso(row.accepted_at)}
            for row in GroupInvitation.objects.filter(accepted_by=user).select_related("group")
        ],
        "sessions_attended": [
            {"group": row.group.name, "title": row.title, "starts_at": _iso(row.starts_at)}
            for row in GroupSession.objects.filter(participants=user).select_related("group")
        ],
        "feedback_ratings": [
            {
                "round": row.round.title,
                "measure": row.measure.title,
                "verdict": str(row.get_verdict_display()),
                "comment": row.comment,
                "updated_at": _iso(row.updated_at),
            }
            for row in FeedbackRating.objects.filter(member=user).select_related("round", "measure")
        ],
    }


def remove(user):
    count, _by_model = FeedbackRating.objects.filter(member=user).delete()
    deleted, _by_model = GroupMembership.objects.filter(user=user).delete()
    count += deleted
    GroupInvitation.objects.filter(accepted_by=user).update(accepted_by=None)
    for session in GroupSession.objects.filter(participants=user):
        session.participants.remove(user)
    return count


def register():
    gdpr.register("expert_groups", _("Focus and feedback groups"), export, remove, remove)
    gdpr.register_field_labels(
        {
            "group_memberships": _("Group memberships"),
            "group_invitations": _("Accepted group invitations"),
            "sessions_attended": _("Group sessions attended"),
            "feedback_ratings": _("Feedback ratings"),
            "group": _("Group"),
            "joined_at": _("Joined"),
            "accepted_at": _("Accepted"),
            "starts_at": _("Starts at"),
            "round": _("Feedback round"),
            "measure": _("Measure"),
            "verdict": _("Assessment"),
            "comment": _("Comment"),
            "updated_at": _("Updated"),
        }
    )
