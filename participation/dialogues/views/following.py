"""Staying in touch with a city dialogue: following it, registering for its events (with an
iCal file per event), notification settings and the one-click unsubscribe link.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from participation.core import ratelimit
from participation.dialogues.forms import NotificationSettingsForm
from participation.dialogues.views.ideas import _login
from participation.models import (
    CityDialoguePage,
    DialogueEvent,
    DialogueFollower,
    NotificationSettings,
)

# ---------------------------------------------------------------------------
# Dialogue: follow, events
# ---------------------------------------------------------------------------


def _language_version(page, pk):
    """The language version of `page` the visitor came from (by its pk), else `page` itself."""
    if pk and str(pk).isdigit():
        version = CityDialoguePage.objects.live().filter(translation_key=page.translation_key, pk=int(pk)).first()
        if version is not None:
            return version
    return page


def _back_to(page, anchor=""):
    return HttpResponseRedirect(page.url + (f"#{anchor}" if anchor else ""))


@require_POST
def dialogue_follow(request, pk):
    page = get_object_or_404(CityDialoguePage.objects.live().public(), pk=pk)
    if not request.user.is_authenticated:
        return _login(request, page.url)
    source = page.source_page()
    if request.POST.get("action") == "unfollow":
        DialogueFollower.objects.filter(dialogue=source, user=request.user).delete()
        messages.success(request, _("You no longer follow this dialogue."))
    else:
        DialogueFollower.objects.get_or_create(dialogue=source, user=request.user)
        messages.success(request, _("You follow this dialogue and get an e-mail when a new phase starts."))
    return _back_to(page, "follow")


@require_POST
def event_registration(request, pk):
    event = get_object_or_404(DialogueEvent.objects.select_related("page"), pk=pk)
    page = get_object_or_404(CityDialoguePage.objects.live().public(), pk=event.page_id)
    next_page = _language_version(page, request.POST.get("page"))
    if not request.user.is_authenticated:
        return _login(request, next_page.url)
    if not event.registration_required or event.is_past():
        messages.error(request, _("Registration for this event is not possible."))
        return _back_to(next_page, "events")
    try:
        ratelimit.check(request, "event-registration")
    except ratelimit.RateLimited as limited:
        messages.error(request, limited.message)
        return _back_to(next_page, "events")
    if request.POST.get("action") == "cancel":
        event.cancel(request.user)
        messages.success(request, _("Your registration has been cancelled."))
    else:
        registration = event.register(request.user)
        if registration.status == registration.CONFIRMED:
            messages.success(request, _("You are registered. We look forward to seeing you."))
        else:
            messages.success(
                request, _("The event is full. You are on the waiting list and will move up if a place becomes free.")
            )
    return _back_to(next_page, "events")


def _ical_escape(value):
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _ical_time(value):
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


@require_http_methods(["GET", "HEAD"])
def event_ical(request, pk):
    event = get_object_or_404(DialogueEvent.objects.select_related("page"), pk=pk)
    page = get_object_or_404(CityDialoguePage.objects.live().public(), pk=event.page_id)
    ends = event.ends_at or event.starts_at + datetime.timedelta(hours=2)
    location = event.place or event.online_url
    description = "\n\n".join(
        part for part in (event.description, event.accessibility_notes, event.online_url, page.full_url) if part
    )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Flensburg digital//City dialogues//DE",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:dialogue-event-{event.pk}@flensburg-digital",
        f"DTSTAMP:{_ical_time(timezone.now())}",
        f"DTSTART:{_ical_time(event.starts_at)}",
        f"DTEND:{_ical_time(ends)}",
        f"SUMMARY:{_ical_escape(event.title)}",
        f"LOCATION:{_ical_escape(location)}",
        f"DESCRIPTION:{_ical_escape(description)}",
        f"URL:{page.full_url or ''}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    response = HttpResponse("\r\n".join(lines) + "\r\n", content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


# ---------------------------------------------------------------------------
# Notification settings and unsubscribe
# ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def notification_settings(request):
    settings_row = NotificationSettings.for_user(request.user)
    if request.method == "POST":
        form = NotificationSettingsForm(request.POST)
        if form.is_valid():
            settings_row.idea_updates = form.cleaned_data["idea_updates"]
            settings_row.dialogue_phases = form.cleaned_data["dialogue_phases"]
            settings_row.save(update_fields=["idea_updates", "dialogue_phases"])
            messages.success(request, _("Your notification settings have been saved."))
            return HttpResponseRedirect(reverse("ideas:notification_settings"))
    else:
        form = NotificationSettingsForm(
            initial={"idea_updates": settings_row.idea_updates, "dialogue_phases": settings_row.dialogue_phases}
        )
    followed = list(
        DialogueFollower.objects.filter(user=request.user).select_related("dialogue").order_by("dialogue__title")
    )
    return render(request, "participation/notification_settings.html", {"form": form, "followed": followed})


@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """One click from an e-mail: GET shows a confirmation button, POST switches all e-mails off."""
    settings_row = get_object_or_404(NotificationSettings, token=token)
    if request.method == "POST":
        settings_row.idea_updates = False
        settings_row.dialogue_phases = False
        settings_row.save(update_fields=["idea_updates", "dialogue_phases"])
        return render(request, "participation/unsubscribe.html", {"done": True})
    return render(request, "participation/unsubscribe.html", {"done": False, "token": token})
