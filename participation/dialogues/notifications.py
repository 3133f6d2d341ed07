"""E-mails of the city dialogues, sent as background tasks (django-tasks).

With the default (immediate) task backend they go out right after the change is
committed; in production a worker of the database backend sends them. Every mail
carries a one-click unsubscribe link (token of `NotificationSettings`, no log-in
needed) and the link to the notification settings.

- the author of an idea: its status or official answer changed, or it was linked to a measure;
- followers of a dialogue: it entered a new phase (`notify_phase_changes`, run daily).
"""

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from participation.models import CityDialoguePage, Idea, NotificationSettings

KINDS = ("status", "answer", "measure")


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _urls(settings_row, language):
    with translation.override(language):
        return {
            "unsubscribe_url": absolute_url(reverse("ideas:unsubscribe", args=[settings_row.token])),
            "settings_url": absolute_url(reverse("ideas:notification_settings")),
        }


def _send(user, subject_template, body_template, context, unsubscribe_url):
    subject = " ".join(render_to_string(subject_template, context).split())
    body = render_to_string(body_template, context)
    message = EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=body,
        to=[user.email],
        headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.send()


@task()
def send_idea_notification(idea_id, kind, language):
    idea = Idea.objects.select_related("author", "dialogue").filter(pk=idea_id).first()
    if idea is None or idea.author is None or not idea.author.email or kind not in KINDS:
        return False
    settings_row = NotificationSettings.for_user(idea.author)
    if not settings_row.idea_updates:
        return False
    urls = _urls(settings_row, language)
    with translation.override(language):
        measures = list(idea.measures.all())
        context = {
            "idea": idea,
            "kind": kind,
            "idea_url": absolute_url(idea.get_absolute_url()),
            "measures": measures,
            **urls,
        }
        _send(
            idea.author,
            "participation/email/idea_update_subject.txt",
            "participation/email/idea_update.txt",
            context,
            urls["unsubscribe_url"],
        )
    return True


@task()
def send_phase_notification(dialogue_id, user_id, language):
    from django.contrib.auth import get_user_model

    dialogue = CityDialoguePage.objects.filter(pk=dialogue_id).first()
    user = get_user_model().objects.filter(pk=user_id).first()
    if dialogue is None or user is None or not user.email:
        return False
    settings_row = NotificationSettings.for_user(user)
    if not settings_row.dialogue_phases:
        return False
    urls = _urls(settings_row, language)
    with translation.override(language):
        context = {
            "dialogue": dialogue,
            "phase": dialogue.get_phase_display(),
            "dialogue_url": dialogue.full_url,
            **urls,
        }
        _send(
            user,
            "participation/email/phase_subject.txt",
            "participation/email/phase.txt",
            context,
            urls["unsubscribe_url"],
        )
    return True


def idea_changed(idea, kind):
    """Queue the author's e-mail once the current transaction has been committed.

    The mail is in the language the author wrote the idea in, not in the moderator's
    (admin) language; ideas from before that was stored get the site's default language.
    """
    if idea.author_id is None:
        return
    language = idea.language or settings.LANGUAGE_CODE
    idea_id = idea.pk
    transaction.on_commit(lambda: send_idea_notification.enqueue(idea_id, kind, language))


def notify_phase_changes():
    """Tell followers of each dialogue that entered a new phase since the last run. Returns mails queued."""
    queued = 0
    for dialogue in CityDialoguePage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE):
        phase = dialogue.phase
        if dialogue.notified_phase == phase:
            continue
        first_run = not dialogue.notified_phase
        CityDialoguePage.objects.filter(pk=dialogue.pk).update(notified_phase=phase)
        if first_run:
            continue
        for user_id in dialogue.followers.values_list("user_id", flat=True):
            send_phase_notification.enqueue(dialogue.pk, user_id, settings.LANGUAGE_CODE)
            queued += 1
    return queued
