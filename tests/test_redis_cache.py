"""The Redis cache as production configures it (REDIS_URL), against the local Redis.

Rate limits count in the cache, so they must work on Redis, and a Redis outage must
degrade to cache misses instead of 500s (django-redis with IGNORE_EXCEPTIONS).
"""

import hashlib
import os
import subprocess
import sys
import uuid

import pytest

from django.core.cache import caches
from django.test import RequestFactory, override_settings

from accounts import ratelimit

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


def redis_caches(location):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }


def test_redis_url_selects_django_redis_with_ignored_exceptions():
    code = (
        "from website.settings import base; "
        "c = base.CACHES['default']; "
        "print(c['BACKEND'], c['LOCATION'], c['OPTIONS']['IGNORE_EXCEPTIONS'])"
    )
    env = {**os.environ, "REDIS_URL": REDIS_URL}
    output = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )

    assert output.stdout.split() == ["django_redis.cache.RedisCache", REDIS_URL, "True"]


def test_rate_limit_counts_in_redis():
    # Only this test's keys (its own KEY_PREFIX) are removed: no FLUSHDB, so parallel test
    # runs (xdist workers, the SQLite and PostgreSQL suites of CI) can share the Redis database.
    with override_settings(CACHES=redis_caches(REDIS_URL)):
        try:
            caches["default"].delete_pattern("*")
            request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
            results = [ratelimit.exceeded(request, "redis-test", per_ip=(3, 60)) for _ in range(5)]
            stored = caches["default"].get(f"ratelimit:redis-test:ip:{_ip_hash('203.0.113.7')}")
        finally:
            caches["default"].delete_pattern("*")

    assert results == [False, False, False, True, True]
    assert stored == 5


def test_redis_outage_degrades_to_cache_misses():
    unreachable = "redis://127.0.0.1:1/0"
    with override_settings(CACHES=redis_caches(unreachable)):
        cache = caches["default"]
        cache.set("key", "value")

        assert cache.get("key") is None


def _ip_hash(ip):
    return hashlib.sha256(ip.encode()).hexdigest()[:32]


@pytest.fixture(autouse=True)
def _reset_cache_connections():
    yield
    for alias in list(caches):
        caches[alias].close()
