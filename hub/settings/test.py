"""Settings for the test suite. DATABASE_URL picks PostgreSQL; the default is SQLite."""

from .base import *  # noqa: F403
from .base import MEDIA_ROOT, STATIC_ROOT

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = MEDIA_ROOT.parent / "test-media"
HUB_OUTBOX_INLINE = {"search": True}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing folder

# Wagtail's own search index serves only the admin's page search, which no test uses; keeping it
# up to date cost about a sixth of every content fixture. The hub's search (search/) is separate.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}}
