"""Settings of the hub under the load test: the production settings, served over plain HTTP.

Everything comes from `hub.settings.production` (the environment of bench/load_setup.py gives
SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, SEARCH_*, HUB_CACHE_URL). Two things differ, both
because the test runs on 127.0.0.1 without TLS or a phone: cookies are not marked secure (a
client does not send a secure cookie over HTTP, so an editor could not stay signed in), and the
editors sign in with their password alone (no second factor).
"""

from hub.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
HUB_REQUIRE_TOTP = False
