"""Settings of the site process the outage tests start: the test settings, with the
participation rate limits raised so a stream of retried comments is not throttled."""

from website.settings.test import *  # noqa: F403

PARTICIPATION_RATE_LIMITS = {"comment": {"per_user": (100_000, 600), "per_ip": (100_000, 600)}}
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
