"""Rate limits of the city dialogues, per account and per IP address (cache-based; Redis in production).

The counting lives in `accounts.ratelimit` (shared with polls); this module names the
scopes of the dialogues and their limits. Each limit is (attempts, seconds) and can be
changed with the setting ``PARTICIPATION_RATE_LIMITS = {"idea": {"per_user": (5, 3600)}, …}``.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts import ratelimit

DEFAULT_LIMITS = {
    "idea": {"per_user": (5, 3600), "per_ip": (20, 3600)},
    "idea-edit": {"per_user": (20, 3600), "per_ip": (60, 3600)},
    "comment": {"per_user": (20, 600), "per_ip": (60, 600)},
    "support": {"per_user": (60, 600), "per_ip": (200, 600)},
    "flag": {"per_user": (10, 3600), "per_ip": (30, 3600)},
    "event-registration": {"per_user": (20, 3600), "per_ip": (60, 3600)},
}

MESSAGE = _("You have done this very often in a short time. Please wait a few minutes and try again.")


class RateLimited(Exception):
    def __init__(self, scope):
        super().__init__(scope)
        self.scope = scope
        self.message = MESSAGE


def limits(scope):
    configured = getattr(settings, "PARTICIPATION_RATE_LIMITS", {}).get(scope, {})
    return {**DEFAULT_LIMITS[scope], **configured}


def check(request, scope):
    """Count one attempt of `scope`; raise `RateLimited` once a limit is passed."""
    scope_limits = limits(scope)
    if ratelimit.exceeded(
        request, f"participation-{scope}", per_user=scope_limits.get("per_user"), per_ip=scope_limits.get("per_ip")
    ):
        raise RateLimited(scope)
