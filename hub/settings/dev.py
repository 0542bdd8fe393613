"""Development settings: the embedded defaults used by `make run`."""

from .base import *  # noqa: F403
from .base import VAR_DIR
from .env import env, env_bool

DEBUG = env_bool("DEBUG", True)
# Mail (review reminders) is printed on the console, not sent.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)  # the SQLite file, media and static live here
