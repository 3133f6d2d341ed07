"""Invitation e-mails of focus and feedback groups, sent as background tasks (django-tasks).

An invitation goes to an address that may not have an account yet, so it carries no
unsubscribe link (it is a one-off personal message from the sponsor, not a subscription).
The link's token travels in the task's arguments only until the mail is sent; the
database keeps its hash.
"""

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from participation.dialogues.notifications import absolute_url
from participation.groups.models import GroupInvitation


@task()
def send_invitation(invitation_id, token, language):
    invitation = GroupInvitation.objects.select_related("group", "invited_by").filter(pk=invitation_id).first()
    if invitation is None or invitation.state() != GroupInvitation.PENDING:
        return False
    with translation.override(language):
        context = {
            "invitation": invitation,
            "group": invitation.group,
            "url": absolute_url(reverse("groups:invitation", args=[token])),
        }
        subject = " ".join(render_to_string("participation/groups/email/invitation_subject.txt", context).split())
        body = render_to_string("participation/groups/email/invitation.txt", context)
    EmailMessage(subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body=body, to=[invitation.email]).send()
    return True


def invitation_created(invitation, token, language=None):
    language = language or settings.LANGUAGE_CODE
    invitation_id = invitation.pk
    transaction.on_commit(lambda: send_invitation.enqueue(invitation_id, token, language))
