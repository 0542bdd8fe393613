"""Staff sign-in (docs/security.md, "Sign-in with the organisation account").

OpenID Connect with the gemeente's identity provider through mozilla-django-oidc. It is off
until OIDC_RP_CLIENT_ID is set; local accounts keep working either way. The KCC console signs
in through the hub (a one-time code exchanged for a short-lived staff token).
"""

import json

from django.core.exceptions import ImproperlyConfigured

from .env import env, env_int, env_list
from .security import HUB_SIGNIN_GUARD_BACKENDS

OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", "")
# The provider's issuer: every ID token must name it (`iss`), or the sign-in is refused.
OIDC_OP_ISSUER = env("OIDC_OP_ISSUER", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", "openid email profile groups")
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT", 10)
OIDC_USE_PKCE = True
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
OIDC_CALLBACK_CLASS = "hub.oidc.views.HubOIDCCallbackView"
LOGIN_REDIRECT_URL = "/admin/"
LOGIN_REDIRECT_URL_FAILURE = "/admin/login/"
# Which claim holds the provider's groups, and which hub group each of them gives. A provider
# group may give several hub groups. Hub groups are the roles of content/roles.py:
# Webredacteuren, Eindredacteuren, KCC-medewerkers and "Redacteuren <site key>".
HUB_OIDC_GROUPS_CLAIM = env("HUB_OIDC_GROUPS_CLAIM", "groups")
try:
    HUB_OIDC_GROUP_MAP = json.loads(env("HUB_OIDC_GROUP_MAP", "") or "{}")
except ValueError as error:
    raise ImproperlyConfigured(f"HUB_OIDC_GROUP_MAP is not valid JSON: {error}") from error

# The sign-in limits' backends come first (hub/settings/security.py; check hub_signin.E001).
AUTHENTICATION_BACKENDS = [*HUB_SIGNIN_GUARD_BACKENDS, "django.contrib.auth.backends.ModelBackend"]
if OIDC_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS.append("hub.oidc.backend.HubOIDCBackend")
    _missing = [
        name
        for name in (
            "OIDC_RP_CLIENT_SECRET",
            "OIDC_OP_ISSUER",
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_USER_ENDPOINT",
            "OIDC_OP_JWKS_ENDPOINT",
        )
        if not globals()[name]
    ]
    if _missing:
        raise ImproperlyConfigured(f"OIDC_RP_CLIENT_ID is set, so these are required too: {', '.join(_missing)}")
    if not isinstance(HUB_OIDC_GROUP_MAP, dict) or not HUB_OIDC_GROUP_MAP:
        raise ImproperlyConfigured("OIDC_RP_CLIENT_ID is set: HUB_OIDC_GROUP_MAP must map provider groups to roles.")

# The KCC console signs in through the hub: the return URLs the hub may send a one-time code to
# (exact matches), how long a code lives, and how long a staff token and its refresh token live.
HUB_CONSOLE_RETURN_URLS = env_list(
    "HUB_CONSOLE_RETURN_URLS",
    ["http://localhost:8004/inloggen/terug/", "http://127.0.0.1:8004/inloggen/terug/"],
)
HUB_CONSOLE_CODE_SECONDS = env_int("HUB_CONSOLE_CODE_SECONDS", 60)
HUB_CONSOLE_TOKEN_SECONDS = env_int("HUB_CONSOLE_TOKEN_SECONDS", 15 * 60)
HUB_CONSOLE_REFRESH_SECONDS = env_int("HUB_CONSOLE_REFRESH_SECONDS", 10 * 60 * 60)
