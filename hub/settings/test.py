"""Settings for the test suite. DATABASE_URL picks PostgreSQL; the default is SQLite."""

from .base import *  # noqa: F403
from .base import MEDIA_ROOT, STATIC_ROOT
from .env import env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = MEDIA_ROOT.parent / "test-media"
HUB_OUTBOX_INLINE = {"search": True}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing folder

# Wagtail's own search index serves only the admin's page search, which no test uses; keeping it
# up to date cost about a sixth of every content fixture. The hub's search (search/) is separate.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}}

# The shared cache: with HUB_TEST_REDIS_URL (set by .ci/test.sh) the suite runs on the real Redis,
# the GraphQL response cache included, one Redis database per pytest-xdist worker (each test
# starts with its database emptied, see tests/conftest.py).
_redis = env("HUB_TEST_REDIS_URL", "")
if _redis:
    _worker = env("PYTEST_XDIST_WORKER", "gw-1").removeprefix("gw")
    _db = 1 + (int(_worker) + 1 if _worker.lstrip("-").isdigit() else 0) % 15
    CACHES = {
        "default": {
            "BACKEND": "hub.cache.SharedRedisCache",
            "LOCATION": _redis.rsplit("/", 1)[0] + f"/{_db}",
            "KEY_PREFIX": "hub-test",
            "TIMEOUT": 300,
        }
    }
    HUB_RESPONSE_CACHE = {**HUB_RESPONSE_CACHE, "ENABLED": True}  # noqa: F405
