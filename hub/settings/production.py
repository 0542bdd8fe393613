"""Production settings: every secret and host comes from the environment.

`DJANGO_SETTINGS_MODULE=hub.settings.production python manage.py check --deploy` is clean with the
variables of docs/security.md ("Production settings").
"""

from .base import *  # noqa: F403
from .base import HUB_GRAPHQL
from .env import env, env_bool, env_int, env_required

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in env_required("ALLOWED_HOSTS").split(",") if h.strip()]
env_required("DATABASE_URL")

# HTTPS. Behind a TLS-terminating proxy, SECURE_PROXY_SSL_HEADER names the header it sets
# (default X-Forwarded-Proto); make it empty when the hub serves TLS itself or no proxy strips
# that header from clients.
_proxy_header = env("SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto")
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proxy_header.upper().replace("-", "_"), env("SECURE_PROXY_SSL_VALUE", "https"))
    if _proxy_header
    else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The load balancer's health check may ask over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/(live|ready)?$", r"^metrics$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Preloading is a decision for the whole domain of the gemeente (docs/security.md).
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 10 * 60 * 60)
SECURE_CONTENT_TYPE_NOSNIFF = True

# Local accounts need the second factor in production (docs/security.md).
HUB_REQUIRE_TOTP = env_bool("HUB_REQUIRE_TOTP", True)

HUB_GRAPHQL = {
    **HUB_GRAPHQL,
    "INTROSPECTION": env_bool("HUB_GRAPHQL_INTROSPECTION", False),
    "GRAPHIQL": env_bool("HUB_GRAPHQL_GRAPHIQL", False),
}
HUB_OUTBOX_INLINE = {"search": env_bool("SEARCH_APPLY_OUTBOX_INLINE", False)}
