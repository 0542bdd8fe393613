"""Production settings: every secret and host comes from the environment."""

from .base import *  # noqa: F403
from .base import HUB_GRAPHQL
from .env import env_bool, env_int, env_required

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in env_required("ALLOWED_HOSTS").split(",") if h.strip()]
env_required("DATABASE_URL")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_CONTENT_TYPE_NOSNIFF = True

HUB_GRAPHQL = {
    **HUB_GRAPHQL,
    "INTROSPECTION": env_bool("HUB_GRAPHQL_INTROSPECTION", False),
    "GRAPHIQL": env_bool("HUB_GRAPHQL_GRAPHIQL", False),
}
HUB_OUTBOX_INLINE = {"search": env_bool("SEARCH_APPLY_OUTBOX_INLINE", False)}
