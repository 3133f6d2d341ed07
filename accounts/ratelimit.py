"""Cache-based rate limits per account and per IP address (Redis in production).

Used by every participation form and API endpoint that writes something:

    limited = ratelimit.exceeded(request, "poll-vote", per_user=(10, 600), per_ip=(60, 600))

counts one attempt and returns True once a limit (attempts, seconds) is passed.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_ip(request):
    """The client's address; behind a trusted proxy the first X-Forwarded-For entry."""
    if getattr(settings, "RATELIMIT_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _hit(key, limit, period):
    """Count one attempt under `key`; True if the count now exceeds `limit`.

    While the cache is away (django-redis ignores the error and answers None) nothing can be
    counted, and the attempt is let through: an outage of Redis must not stop participation.
    """
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    if count is None:
        logger.warning("Rate limit %s not counted: the cache is unavailable", key)
        return False
    return count > limit


def exceeded(request, scope, per_user=None, per_ip=None):
    limited = False
    user = getattr(request, "user", None)
    if per_user and user is not None and user.is_authenticated:
        limited |= _hit(f"ratelimit:{scope}:user:{user.pk}", *per_user)
    if per_ip:
        ip_hash = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
        limited |= _hit(f"ratelimit:{scope}:ip:{ip_hash}", *per_ip)
    return limited
