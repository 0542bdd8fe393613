"""Staff sign-in and security headers (docs/security.md): the second factor for local accounts,
the limits on sign-in attempts, the Content-Security-Policy and the other headers.

Imported by base.py; production.py adds HTTPS (HSTS, SSL redirect, secure cookies).
"""

from csp.constants import NONE, SELF

from .env import env, env_bool, env_int, env_list

# --- Second factor (TOTP) for local accounts -----------------------------------------------
# On in production, off in development and tests (the demo logins keep working). Accounts that
# signed in through the gemeente's identity provider never need it: their authentication backend
# is listed in HUB_TOTP_EXEMPT_BACKENDS, or their sign-in sets the session flag
# hub.signin.second_factor.EXTERNAL_SIGN_IN_SESSION_KEY (docs/security.md).
HUB_REQUIRE_TOTP = env_bool("HUB_REQUIRE_TOTP", False)
HUB_TOTP_EXEMPT_BACKENDS = env_list("HUB_TOTP_EXEMPT_BACKENDS", ["hub.oidc.backend.HubOIDCBackend"])
HUB_TOTP_ISSUER = env("HUB_TOTP_ISSUER", "Contenthub gemeente")
HUB_RECOVERY_CODE_COUNT = env_int("HUB_RECOVERY_CODE_COUNT", 10)
OTP_TOTP_ISSUER = HUB_TOTP_ISSUER
# Wrong codes slow the next try down (django-otp doubles the wait after each wrong code).
OTP_TOTP_THROTTLE_FACTOR = env_int("HUB_TOTP_THROTTLE_FACTOR", 1)
OTP_STATIC_THROTTLE_FACTOR = env_int("HUB_TOTP_THROTTLE_FACTOR", 1)

# --- Limits on sign-in attempts (django-axes plus a growing delay per account) -----------
# Account + address: HUB_SIGNIN_LIMIT_ACCOUNT_ADDRESS wrong passwords lock further tries of that
# account from that address; address alone: HUB_SIGNIN_LIMIT_ADDRESS wrong passwords (any
# accounts) lock every try from that address. Both for HUB_SIGNIN_LOCKOUT_MINUTES.
# Account alone is never locked (nobody can lock out every account by guessing names): after
# HUB_SIGNIN_DELAY_FREE_FAILURES wrong passwords each try waits DELAY_BASE * 2^n seconds,
# at most DELAY_MAX.
HUB_SIGNIN_LIMIT_ACCOUNT_ADDRESS = env_int("HUB_SIGNIN_LIMIT_ACCOUNT_ADDRESS", 10)
HUB_SIGNIN_LIMIT_ADDRESS = env_int("HUB_SIGNIN_LIMIT_ADDRESS", 50)
HUB_SIGNIN_LOCKOUT_MINUTES = env_int("HUB_SIGNIN_LOCKOUT_MINUTES", 30)
HUB_SIGNIN_DELAY_FREE_FAILURES = env_int("HUB_SIGNIN_DELAY_FREE_FAILURES", 3)
HUB_SIGNIN_DELAY_BASE = float(env("HUB_SIGNIN_DELAY_BASE", "1.0"))
HUB_SIGNIN_DELAY_MAX = float(env("HUB_SIGNIN_DELAY_MAX", "10.0"))
# Addresses of proxies in front of the hub whose X-Forwarded-For is believed (last hop first).
HUB_SIGNIN_TRUSTED_PROXIES = env_list("HUB_SIGNIN_TRUSTED_PROXIES", [])

AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_HANDLER = "hub.signin.throttle.AddressLockoutHandler"
AXES_FAILURE_LIMIT = HUB_SIGNIN_LIMIT_ACCOUNT_ADDRESS
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_COOLOFF_TIME = HUB_SIGNIN_LOCKOUT_MINUTES / 60  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "hub.signin.throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "hub.signin.throttle.client_address"
AXES_USERNAME_CALLABLE = "hub.signin.throttle.username_of"
AXES_VERBOSE = False  # our own log line (logger hub.signin) carries the code
AXES_SENSITIVE_PARAMETERS = ["password"]

# These two must come first in AUTHENTICATION_BACKENDS, before every backend that checks a
# password (check hub_signin.E001 stops the hub otherwise). Settings that add a backend append it.
HUB_SIGNIN_GUARD_BACKENDS = ["hub.signin.throttle.PasswordAttemptsBackend", "hub.signin.throttle.AccountDelayBackend"]
AUTHENTICATION_BACKENDS = [*HUB_SIGNIN_GUARD_BACKENDS, "django.contrib.auth.backends.ModelBackend"]

# --- Headers ---------------------------------------------------------------------------------
# One policy for the whole hub; the admin adds 'unsafe-inline' for scripts because Wagtail 8 still
# writes inline <script> in its date pickers and inline panels (docs/security.md, "Exceptions").
HUB_PREVIEW_FRAME_ORIGINS = env_list("HUB_PREVIEW_FRAME_ORIGINS", ["http://localhost:8001", "http://localhost:8002"])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, *HUB_PREVIEW_FRAME_ORIGINS],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
HUB_ADMIN_SCRIPT_SRC_EXTRA = ["'unsafe-inline'"]
HUB_GRAPHIQL_CSP_EXTRA = {
    "script-src": ["https://cdn.jsdelivr.net", "'unsafe-inline'"],
    "style-src": ["https://cdn.jsdelivr.net"],
    "font-src": ["https://cdn.jsdelivr.net"],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
HUB_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)
# Framing is governed by CSP frame-ancestors 'self' (the admin's preview panel); browsers that know
# CSP ignore X-Frame-Options when frame-ancestors is set, older ones get the strict DENY.
X_FRAME_OPTIONS = "DENY"

# --- security.txt (RFC 9116) -------------------------------------------------------------------
HUB_SECURITY_CONTACT = env_list("HUB_SECURITY_CONTACT", ["mailto:security@gemeente.example"])
HUB_SECURITY_POLICY_URL = env("HUB_SECURITY_POLICY_URL", "")
HUB_SECURITY_TXT_DAYS = env_int("HUB_SECURITY_TXT_DAYS", 180)

# No Gravatar in the admin: it would send a hash of every editor's e-mail address to a third
# party (AVG) and needs an image source outside the hub.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No update check from editors' browsers to wagtail.org (outside the policy; upgrades are planned
# by the supplier).
WAGTAIL_ENABLE_UPDATE_CHECK = False
