"""Settings for the test suite. DATABASE_URL picks PostgreSQL; the default is SQLite."""

from .base import *  # noqa: F403
from .base import MEDIA_ROOT, STATIC_ROOT

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = MEDIA_ROOT.parent / "test-media"
SEARCH_APPLY_OUTBOX_INLINE = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing folder
