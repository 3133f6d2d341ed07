"""Domain operations of the city dialogues, shared by the site's forms, the API and the admin.

Every write a citizen or a moderator makes goes through here, so the rules (phases,
one support per account, one reply level, who may moderate which topic field) hold
the same everywhere. Rule violations raise `ParticipationError` with a message, the
form field it concerns and an HTTP status; nothing is stored then.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.models import organisations_user_may_act_for
from participation.core import audit
from participation.core.errors import ParticipationError  # noqa: F401  (services.ParticipationError)
from participation.core.measures import link as link_measure
from participation.core.measures import promote as promote_measure
from participation.core.measures import source_measure
from participation.dialogues import notifications
from participation.models import (
    CityDialoguePage,
    Comment,
    Flag,
    Idea,
    IdeaRevision,
    IdeaStatus,
    ModerationAction,
    Support,
)
from website import permissions


def _closed(message):
    return ParticipationError(message, code="closed", status=403)


def _forbidden(message=None):
    return ParticipationError(message or _("You are not allowed to do this."), code="forbidden", status=403)


# ---------------------------------------------------------------------------
# Who may moderate what: asked of website.permissions, scoped querysets here
# ---------------------------------------------------------------------------


def moderatable_ideas(user, queryset=None):
    return permissions.limit_to_scope(user, Idea.objects.all() if queryset is None else queryset)


def moderatable_comments(user, queryset=None):
    return permissions.limit_to_scope(
        user, Comment.objects.all() if queryset is None else queryset, field="idea__topic_field_id"
    )


def _require_moderator(user, idea):
    if not permissions.can_moderate(user, idea):
        raise _forbidden(_("Only editors and the sponsors of this idea's topic field may do this."))


def _require_triage(user, idea):
    if not permissions.can_triage(user, idea):
        raise _forbidden(_("Only editors and the sponsors of this idea's topic field may do this."))


def _log(action, actor, idea=None, comment=None, reason="", **details):
    return audit.record(action, actor, comment or idea, reason=reason, **details)


# ---------------------------------------------------------------------------
# Citizens' contributions
# ---------------------------------------------------------------------------


def _check_organisation(user, organisation):
    if organisation is not None and not organisations_user_may_act_for(user).filter(pk=organisation.pk).exists():
        raise ParticipationError(
            _("You can only act for organisations your membership was confirmed for."), field="organisation"
        )


def _require_account(user):
    if not getattr(user, "is_authenticated", False):
        raise ParticipationError(_("Please log in first."), code="login_required", status=401)


def create_idea(
    dialogue,
    user,
    *,
    title,
    text,
    topic_field=None,
    organisation=None,
    image=None,
    image_alt="",
    address="",
    latitude=None,
    longitude=None,
    language=None,
):
    """`language` defaults to the language of the current request: the author's e-mails use it."""
    _require_account(user)
    dialogue = dialogue.source_page()
    if not dialogue.accepts_ideas():
        raise _closed(_("This dialogue does not collect ideas at the moment."))
    allowed_fields = list(dialogue.topic_fields.all())
    if topic_field is None and len(allowed_fields) == 1:
        topic_field = allowed_fields[0]
    if allowed_fields and (topic_field is None or topic_field.pk not in {field.pk for field in allowed_fields}):
        raise ParticipationError(_("Choose one of the topic fields of this dialogue."), field="topic_field")
    _check_organisation(user, organisation)
    if image is not None and not (image_alt or "").strip():
        raise ParticipationError(_("Please describe the image for people who cannot see it."), field="image_alt")
    if (latitude is None) != (longitude is None):
        raise ParticipationError(_("Give both latitude and longitude, or neither."), field="longitude")
    return Idea.objects.create(
        dialogue=dialogue,
        author=user,
        organisation=organisation,
        title=title,
        text=text,
        topic_field=topic_field,
        image=image,
        image_alt=image_alt if image is not None else "",
        address=address,
        latitude=latitude,
        longitude=longitude,
        language=(language or translation.get_language() or "")[:7],
        is_approved=not dialogue.pre_moderation,
    )


def edit_idea(idea, user, *, title, text):
    """The author changes title/text while the idea is new; the old version goes to the history."""
    _require_account(user)
    if idea.author_id != user.pk:
        raise _forbidden(_("Only the author can edit this idea."))
    if not permissions.can_edit_idea(user, idea):
        raise ParticipationError(
            _("This idea is already being reviewed and can no longer be edited."), code="locked", status=403
        )
    if idea.title == title and idea.text == text:
        return idea
    with transaction.atomic():
        IdeaRevision.objects.create(idea=idea, title=idea.title, text=idea.text)
        idea.title, idea.text = title, text
        idea.save(update_fields=["title", "text", "updated_at"])
    return idea


def _require_interaction(idea):
    if not idea.is_approved or idea.is_hidden:
        raise ParticipationError(_("This idea is not public."), code="not_public", status=404)
    if not idea.dialogue.accepts_interaction():
        raise _closed(_("This dialogue does not take comments and support at the moment."))


def add_comment(idea, user, *, text, parent=None, organisation=None):
    _require_account(user)
    _require_interaction(idea)
    if parent is not None:
        if parent.idea_id != idea.pk:
            raise ParticipationError(_("You can only reply to comments on this idea."), field="parent")
        if parent.parent_id is not None:
            raise ParticipationError(_("Replies can only be given to comments, not to replies."), field="parent")
        if parent.is_hidden or not parent.is_approved:
            raise ParticipationError(_("This comment is not public."), field="parent")
    _check_organisation(user, organisation)
    return Comment.objects.create(
        idea=idea,
        parent=parent,
        author=user,
        organisation=organisation,
        text=text,
        is_approved=not idea.dialogue.pre_moderation,
    )


def support(idea, user):
    _require_account(user)
    _require_interaction(idea)
    try:
        with transaction.atomic():
            return Support.objects.create(idea=idea, user=user)
    except IntegrityError:
        raise ParticipationError(_("You already support this idea."), code="already_supported", status=409) from None


def withdraw_support(idea, user):
    _require_account(user)
    _require_interaction(idea)
    deleted, _by_model = Support.objects.filter(idea=idea, user=user).delete()
    if not deleted:
        raise ParticipationError(_("You do not support this idea."), code="not_supported", status=409)


def flag(user, *, reason, text="", idea=None, comment=None):
    """Anyone with an account may report an idea or a comment once (until it is dealt with)."""
    _require_account(user)
    target_idea = idea or comment.idea
    if not target_idea.is_approved:
        raise ParticipationError(_("This idea is not public."), code="not_public", status=404)
    try:
        with transaction.atomic():
            return Flag.objects.create(reporter=user, reason=reason, text=text, idea=idea, comment=comment)
    except IntegrityError:
        raise ParticipationError(
            _("You have already reported this. Our moderators will look at it."), code="already_flagged", status=409
        ) from None


# ---------------------------------------------------------------------------
# Moderation
# ---------------------------------------------------------------------------


def _target_idea(target):
    return target if isinstance(target, Idea) else target.idea


def _log_target(target):
    return {"idea": target} if isinstance(target, Idea) else {"idea": target.idea, "comment": target}


def hide(actor, target, reason):
    """Hide an idea or comment: the public sees a placeholder, the author the reason."""
    _require_moderator(actor, _target_idea(target))
    if not (reason or "").strip():
        raise ParticipationError(_("Give a reason; the author will see it."), field="reason")
    with transaction.atomic():
        target.is_hidden, target.hidden_reason = True, reason.strip()
        target.save(update_fields=["is_hidden", "hidden_reason"])
        target.flags.open().update(resolution=Flag.HIDDEN, resolved_at=timezone.now(), resolved_by=actor)
        _log(ModerationAction.HIDE, actor, reason=reason, **_log_target(target))
    return target


def restore(actor, target, reason=""):
    _require_moderator(actor, _target_idea(target))
    with transaction.atomic():
        target.is_hidden, target.hidden_reason = False, ""
        target.save(update_fields=["is_hidden", "hidden_reason"])
        _log(ModerationAction.RESTORE, actor, reason=reason, **_log_target(target))
    return target


def approve(actor, target):
    """Publish a pre-moderated idea or comment."""
    _require_moderator(actor, _target_idea(target))
    with transaction.atomic():
        target.is_approved = True
        target.save(update_fields=["is_approved"])
        _log(ModerationAction.APPROVE, actor, **_log_target(target))
    return target


def dismiss_flag(actor, flag_row, reason=""):
    _require_moderator(actor, _target_idea(flag_row.target))
    with transaction.atomic():
        flag_row.resolution, flag_row.resolved_at, flag_row.resolved_by = Flag.DISMISSED, timezone.now(), actor
        flag_row.save(update_fields=["resolution", "resolved_at", "resolved_by"])
        _log(ModerationAction.DISMISS_FLAG, actor, reason=reason, flag=flag_row.pk, **_log_target(flag_row.target))
    return flag_row


def set_status(actor, idea, status, reason="", merged_into=None):
    _require_triage(actor, idea)
    if status not in IdeaStatus.values:
        raise ParticipationError(_("Unknown status."), field="status")
    if status == IdeaStatus.NOT_PURSUED and not (reason or "").strip():
        raise ParticipationError(_("An idea that is not pursued needs a public reason."), field="status_reason")
    if status == IdeaStatus.MERGED:
        if merged_into is None:
            raise ParticipationError(_("Choose the idea this one was merged into."), field="merged_into")
        if merged_into.pk == idea.pk:
            raise ParticipationError(_("An idea cannot be merged into itself."), field="merged_into")
    if idea.status == status and (idea.status_reason or "") == (reason or "").strip():
        return idea
    old = idea.status
    with transaction.atomic():
        idea.status = status
        idea.status_reason = (reason or "").strip()
        idea.merged_into = merged_into if status == IdeaStatus.MERGED else None
        idea.status_changed_at = timezone.now()
        idea.save(update_fields=["status", "status_reason", "merged_into", "status_changed_at", "updated_at"])
        _log(ModerationAction.STATUS, actor, idea=idea, reason=idea.status_reason, old=old, new=status)
        _notify(idea, "status")
    return idea


def answer(actor, idea, text):
    """Give (or change) the city's official answer."""
    _require_triage(actor, idea)
    text = (text or "").strip()
    if not text:
        raise ParticipationError(_("The answer must not be empty."), field="official_answer")
    if text == idea.official_answer:
        return idea
    with transaction.atomic():
        idea.official_answer, idea.answered_by, idea.answered_at = text, actor, timezone.now()
        idea.save(update_fields=["official_answer", "answered_by", "answered_at", "updated_at"])
        _log(ModerationAction.ANSWER, actor, idea=idea)
        _notify(idea, "answer")
    return idea


def link_to_measure(actor, ideas, measure):
    """Link ideas to an existing measure; new or reviewed ideas are taken into the backlog."""
    measure = source_measure(measure)
    ideas = list(ideas)
    if not ideas:
        raise ParticipationError(_("Choose at least one idea."), field="ideas")
    for idea in ideas:
        _require_triage(actor, idea)
    with transaction.atomic():
        for idea in ideas:
            newly_linked = link_measure(actor, idea, measure)
            if idea.status in (IdeaStatus.NEW, IdeaStatus.UNDER_REVIEW):
                idea.status, idea.status_changed_at = IdeaStatus.ACCEPTED, timezone.now()
                idea.save(update_fields=["status", "status_changed_at", "updated_at"])
            if newly_linked:
                _notify(idea, "measure")
    return measure


def promote_to_measure(actor, ideas, *, title, problem="", solution_idea=""):
    """Create a draft measure in the ideas' topic field from one or more ideas, and link them.

    The measure stays a draft (not live): a sponsor's proposal goes through the usual
    moderation workflow of measures before it is published.
    """
    ideas = list(ideas)
    if not ideas:
        raise ParticipationError(_("Choose at least one idea."), field="ideas")
    topic_field_ids = {idea.topic_field_id for idea in ideas}
    if len(topic_field_ids) != 1 or None in topic_field_ids:
        raise ParticipationError(
            _("All ideas must belong to the same topic field to become one measure."), field="ideas"
        )
    for idea in ideas:
        _require_triage(actor, idea)
    if not problem:
        problem = "\n\n".join(f"{idea.title}: {idea.text}" for idea in ideas)
    with transaction.atomic():
        measure = promote_measure(
            actor, ideas, ideas[0].topic_field, title=title, problem=problem, solution_idea=solution_idea
        )
        link_to_measure(actor, ideas, measure)
    return measure


def _notify(idea, kind):
    notifications.idea_changed(idea, kind)


def dialogue_of(page):
    """The source CityDialoguePage for any language version (or None)."""
    if isinstance(page, CityDialoguePage):
        return page.source_page()
    return None
