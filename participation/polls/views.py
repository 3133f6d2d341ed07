"""Public poll views: voting (one ballot per participant), results, and the poll block's context.

``poll_block_context`` is registered with ``website.blocks`` in ``ParticipationConfig.ready()``,
so content pages show polls without ``website`` importing this app.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from wagtail.models import Locale

from accounts import ratelimit
from participation.models import Poll, VoteError


def poll_anchor(poll):
    return f"poll-{poll.translation_key}"


def poll_context(request, poll, next_url=None):
    """Everything a poll needs to render, in a constant number of queries."""
    poll = poll.localized
    choices = list(poll.choices.all())
    user = request.user
    now = timezone.now()
    status = poll.status(now)
    has_voted = poll.has_voted(user)
    results = poll.results(choices) if poll.results_visible(has_voted, now) else None
    poll_messages = []
    if user.is_authenticated:
        tag = poll_anchor(poll)
        poll_messages = [message for message in messages.get_messages(request) if tag in message.extra_tags.split()]
    next_url = next_url or request.get_full_path()
    login_query = urlencode({"next": f"{next_url}#{poll_anchor(poll)}"})
    return {
        "poll": poll,
        "choices": choices,
        "status": status,
        "has_voted": has_voted,
        "can_vote": user.is_authenticated and status == Poll.STATUS_OPEN and not has_voted,
        "results": results,
        "anchor": poll_anchor(poll),
        "next_url": next_url,
        "login_url": f"{reverse('account_login')}?{login_query}",
        "signup_url": f"{reverse('account_signup')}?{login_query}",
        "poll_messages": poll_messages,
    }


def poll_block_context(request, value):
    """Template context of ``website.blocks.PollBlock`` (registered in ``ParticipationConfig.ready()``)."""
    return poll_context(request, value["poll"])


def _safe_next(request, fallback):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url.split("#")[0]
    return fallback


@require_POST
def vote(request, pk):
    poll = get_object_or_404(Poll, pk=pk)
    next_url = _safe_next(request, reverse("participation:poll_detail", args=[poll.pk]))
    if not request.user.is_authenticated:
        return redirect_to_login(next_url)
    tags = f"poll {poll_anchor(poll)}"
    if ratelimit.exceeded(
        request,
        "poll-vote",
        per_user=settings.POLL_VOTE_RATE_LIMIT_PER_USER,
        per_ip=settings.POLL_VOTE_RATE_LIMIT_PER_IP,
    ):
        messages.error(request, _("Too many attempts. Please wait a few minutes and try again."), extra_tags=tags)
    else:
        try:
            poll.cast_vote(request.user, request.POST.getlist("choice"))
        except VoteError as error:
            messages.error(request, error.message, extra_tags=tags)
        else:
            messages.success(request, _("Thank you, your vote has been counted."), extra_tags=tags)
    return HttpResponseRedirect(f"{next_url}#{poll_anchor(poll)}")


@require_GET
def poll_detail(request, pk):
    poll = get_object_or_404(Poll, pk=pk)
    context = poll_context(request, poll, next_url=request.path)
    return render(request, "participation/poll_detail.html", context)


@require_GET
def poll_list(request):
    locale = Locale.get_active()
    polls = Poll.objects.filter(locale=locale).order_by("-opens_at", "pk")
    now = timezone.now()
    return render(
        request,
        "participation/poll_list.html",
        {"polls": [(poll, poll.status(now)) for poll in polls]},
    )
