"""Rules and operations of focus and feedback groups, shared by the site, the admin and the API.

Who may see and do what:

- *manage* a group (edit it, invite and remove members, hold sessions, record and promote
  results, open feedback rounds): editors (and superusers) and the sponsors of the group's
  topic field;
- *view* a group (its page, sessions, minutes, documents, member list): its managers and
  its members;
- *rate* in a feedback round: members of that group, until the deadline;
- everyone: a published public summary and results a sponsor marked public.

Council members have no special access: group work is confidential to the group, and they
follow its public outcome (summaries, results on measures) like everyone else.

Rule violations raise ``ParticipationError``; nothing is stored then.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.language import default_language_code
from agenda.models import TopicFieldPage
from agenda.roles import editors_group
from participation.core import audit
from participation.core.errors import ParticipationError
from participation.core.measures import link as link_measure
from participation.core.measures import promote as promote_measure
from participation.core.measures import source_measure
from participation.core.models import ModerationAction
from participation.groups.models import (
    ExpertGroup,
    FeedbackOutcome,
    FeedbackRating,
    GroupInvitation,
    GroupMembership,
    GroupResult,
    SessionDocument,
    Verdict,
    hash_token,
)
from website import permissions

GROUP_DOCUMENTS_COLLECTION = "Group documents (members only)"


def _forbidden():
    return ParticipationError(_("You are not allowed to do this."), code="forbidden", status=403)


# ---------------------------------------------------------------------------
# Who may do what
# ---------------------------------------------------------------------------


def manageable_groups(user, queryset=None):
    queryset = ExpertGroup.objects.all() if queryset is None else queryset
    if permissions.is_editor(user):
        return queryset
    return queryset.filter(topic_field_id__in=permissions.sponsored_topic_field_ids(user))


def manageable_topic_fields(user):
    """Source topic field pages a user may create groups for."""
    fields = TopicFieldPage.objects.filter(locale__language_code=default_language_code()).order_by("path")
    if permissions.is_editor(user):
        return fields
    return fields.filter(pk__in=permissions.sponsored_topic_field_ids(user))


def member_groups(user):
    if not getattr(user, "is_authenticated", False):
        return ExpertGroup.objects.none()
    return ExpertGroup.objects.filter(memberships__user=user)


def require_manager(user, group):
    if not permissions.can_run_group(user, group):
        raise _forbidden()


# ---------------------------------------------------------------------------
# Invitations and members
# ---------------------------------------------------------------------------


def invite(actor, group, email):
    """Invite one address (again); returns (invitation, token). Sending is the caller's job."""
    require_manager(actor, group)
    email = (email or "").strip().lower()
    if group.memberships.filter(user__email__iexact=email).exists():
        raise ParticipationError(_("%(email)s is already a member.") % {"email": email}, field="emails")
    invitation = group.invitations.pending().filter(email__iexact=email).first() or GroupInvitation(
        group=group, email=email, invited_by=actor
    )
    token = invitation.new_token()
    invitation.save()
    return invitation, token


def resend(actor, invitation):
    """A new link (the old one stops working) with a new validity period."""
    require_manager(actor, invitation.group)
    if invitation.accepted_at:
        raise ParticipationError(_("This invitation has already been accepted."), code="used", status=409)
    token = invitation.new_token()
    invitation.revoked_at = None
    invitation.save(update_fields=["token_hash", "sent_at", "expires_at", "revoked_at"])
    return token


def revoke(actor, invitation):
    require_manager(actor, invitation.group)
    if invitation.accepted_at:
        raise ParticipationError(_("This invitation has already been accepted."), code="used", status=409)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation


def find_invitation(token):
    """The invitation for a link's token and its state; (None, None) for an unknown or forged token."""
    token = str(token or "")
    if not token or len(token) > 100:
        return None, None
    invitation = GroupInvitation.objects.select_related("group").filter(token_hash=hash_token(token)).first()
    if invitation is None:
        return None, None
    return invitation, invitation.state()


def accept(user, token):
    """Accept an invitation with the logged-in account (any account: the link is the secret).

    The link works once; the sponsor sees which account accepted next to the invited address.
    """
    if not getattr(user, "is_authenticated", False):
        raise ParticipationError(_("Please log in first."), code="login_required", status=401)
    with transaction.atomic():
        invitation, state = find_invitation(token)
        if invitation is None:
            raise ParticipationError(_("This invitation link is not valid."), code="invalid_token", status=404)
        invitation = GroupInvitation.objects.select_for_update().get(pk=invitation.pk)
        state = invitation.state()
        if state != GroupInvitation.PENDING:
            raise ParticipationError(INVITATION_STATE_MESSAGES[state], code=state, status=410)
        membership, _created = GroupMembership.objects.get_or_create(group=invitation.group, user=user)
        invitation.accepted_at, invitation.accepted_by = timezone.now(), user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


INVITATION_STATE_MESSAGES = {
    GroupInvitation.ACCEPTED: _("This invitation has already been used. If you accepted it, log in to see the group."),
    GroupInvitation.REVOKED: _("This invitation has been withdrawn. Please contact the group's sponsor."),
    GroupInvitation.EXPIRED: _("This invitation has expired. Please ask the group's sponsor for a new link."),
}


def remove_member(actor, group, user_id):
    require_manager(actor, group)
    with transaction.atomic():
        deleted, _by_model = group.memberships.filter(user_id=user_id).delete()
        if not deleted:
            raise ParticipationError(_("This person is not a member of the group."), code="not_member", status=404)
        audit.record(ModerationAction.REMOVE_MEMBER, actor, group, member=user_id)


# ---------------------------------------------------------------------------
# Results and measures
# ---------------------------------------------------------------------------


def _require_measure_of_group(measure, group):
    if measure.get_parent().pk != group.topic_field_id:
        raise ParticipationError(_("Choose a measure of this group's topic field."), field="measure")


def link_result(actor, result, measure):
    group = result.session.group
    require_manager(actor, group)
    measure = source_measure(measure)
    _require_measure_of_group(measure, group)
    link_measure(actor, result, measure)
    return measure


def promote_result(actor, result, *, title, solution_idea=""):
    """A new draft measure in the group's topic field, linked to the result."""
    group = result.session.group
    require_manager(actor, group)
    problem = "\n\n".join(part for part in (result.need, result.description) if part)
    with transaction.atomic():
        measure = promote_measure(
            actor,
            [result],
            group.topic_field,
            title=title,
            problem=problem,
            solution_idea=solution_idea or result.description,
        )
        result.measures.add(measure)
    return measure


def set_result_public(actor, result, is_public):
    require_manager(actor, result.session.group)
    with transaction.atomic():
        GroupResult.objects.filter(pk=result.pk).update(is_public=bool(is_public))
        result.is_public = bool(is_public)
        audit.record(ModerationAction.PUBLISH if is_public else ModerationAction.UNPUBLISH, actor, result)
    return result


# ---------------------------------------------------------------------------
# Feedback rounds
# ---------------------------------------------------------------------------


def open_round(actor, group, *, title, measures, deadline, instructions=""):
    require_manager(actor, group)
    if not group.is_feedback_group:
        raise ParticipationError(_("Feedback rounds are held by feedback groups."), field="group")
    if deadline <= timezone.now():
        raise ParticipationError(_("The deadline must be in the future."), field="deadline")
    measures = [source_measure(measure) for measure in measures]
    if not measures:
        raise ParticipationError(_("Choose at least one measure."), field="measures")
    for measure in measures:
        _require_measure_of_group(measure, group)
    with transaction.atomic():
        feedback_round = group.feedback_rounds.create(title=title, deadline=deadline, instructions=instructions)
        feedback_round.measures.set(measures)
    return feedback_round


def rate(user, feedback_round, measure_id, verdict, comment=""):
    """Create or change the member's rating of one measure; refused after the deadline."""
    if not getattr(user, "is_authenticated", False):
        raise ParticipationError(_("Please log in first."), code="login_required", status=401)
    if not permissions.can_give_feedback(user, feedback_round.group):
        raise _forbidden()
    if not feedback_round.is_open():
        raise ParticipationError(
            _("The deadline of this feedback round has passed; ratings can no longer be changed."),
            code="closed",
            status=403,
        )
    if verdict not in Verdict.values:
        raise ParticipationError(_("Choose one of the assessments."), field="verdict")
    if not feedback_round.measures.filter(pk=measure_id).exists():
        raise ParticipationError(_("This measure is not part of the feedback round."), field="measure", status=400)
    comment = (comment or "").strip()
    try:
        with transaction.atomic():
            rating, _created = FeedbackRating.objects.update_or_create(
                round=feedback_round,
                measure_id=measure_id,
                member=user,
                defaults={"verdict": verdict, "comment": comment},
            )
    except IntegrityError:  # a parallel first rating won; change that one
        rating = FeedbackRating.objects.get(round=feedback_round, measure_id=measure_id, member=user)
        rating.verdict, rating.comment = verdict, comment
        rating.save(update_fields=["verdict", "comment", "updated_at"])
    return rating


def record_outcome(actor, feedback_round, measure, *, summary, is_public=True):
    """Keep the round's result on the measure: counts at this moment plus the sponsor's summary."""
    require_manager(actor, feedback_round.group)
    if not feedback_round.measures.filter(pk=measure.pk).exists():
        raise ParticipationError(_("This measure is not part of the feedback round."), field="measure")
    summary = (summary or "").strip()
    if not summary:
        raise ParticipationError(_("Write a short summary of the feedback."), field="summary")
    counts = feedback_round.aggregate().get(measure.pk, {})
    outcome, _created = FeedbackOutcome.objects.update_or_create(
        round=feedback_round,
        measure=measure,
        defaults={
            "summary": summary,
            "is_public": bool(is_public),
            "agree": counts.get("agree", 0),
            "changes": counts.get("changes", 0),
            "disagree": counts.get("disagree", 0),
        },
    )
    return outcome


# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------


def group_documents_collection():
    """The collection of session documents, restricted to editors in Wagtail's own serving."""
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.objects.filter(name=GROUP_DOCUMENTS_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=GROUP_DOCUMENTS_COLLECTION)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    editors = editors_group()
    if editors is not None:
        restriction.groups.add(editors)
    return collection


def attach_document(actor, session, uploaded_file, title=""):
    from wagtail.documents import get_document_model

    require_manager(actor, session.group)
    document = get_document_model()(
        title=(title or uploaded_file.name)[:255],
        file=uploaded_file,
        collection=group_documents_collection(),
        uploaded_by_user=actor,
    )
    document.save()
    session.documents.create(document=document)
    return document


def user_may_download(user, document):
    """None for documents that are not group documents (Wagtail's usual rules apply); else
    whether `user` may view a group session the document belongs to (editors: always)."""
    in_group_collection = document.collection.name == GROUP_DOCUMENTS_COLLECTION
    if not in_group_collection and not SessionDocument.objects.filter(document=document).exists():
        return None
    if permissions.is_editor(user):
        return True
    groups = ExpertGroup.objects.filter(sessions__documents__document=document).distinct()
    return any(permissions.can_view_group(user, group) for group in groups)


def members_of(group):
    return get_user_model().objects.filter(group_memberships__group=group).select_related("profile")
