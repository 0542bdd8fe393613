"""Settings of the front-end project, read from the environment.

FRONTEND_INSTANCE (website | subsite | app | kcc) picks defaults; FRONTEND_KIND,
FRONTEND_SITE_KEY and HUB_GRAPHQL_URL override them. See docs/frontends.md.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .instances import INSTANCES, KINDS

PACKAGE_DIR = Path(__file__).resolve().parent


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    return default if value is None else [v.strip() for v in value.split(",") if v.strip()]


_instance = INSTANCES.get(_env("FRONTEND_INSTANCE", "website"))
if _instance is None:
    raise ImproperlyConfigured(f"FRONTEND_INSTANCE must be one of {', '.join(INSTANCES)}.")

FRONTEND_INSTANCE = _instance.name
FRONTEND_KIND = _env("FRONTEND_KIND", _instance.kind)
if FRONTEND_KIND not in KINDS:
    raise ImproperlyConfigured(f"FRONTEND_KIND must be one of {', '.join(KINDS)}.")
FRONTEND_SITE_KEY = _env("FRONTEND_SITE_KEY", _instance.site_key)
HUB_GRAPHQL_URL = _env("HUB_GRAPHQL_URL", "http://localhost:8000/graphql/")
# The KCC console signs in through the hub: the browser goes to HUB_SIGNIN_URL, this server
# exchanges the code at HUB_SIGNIN_URL + "token/" (both default to the hub of HUB_GRAPHQL_URL).
HUB_SIGNIN_URL = _env("HUB_SIGNIN_URL", HUB_GRAPHQL_URL.rstrip("/").removesuffix("graphql") + "inloggen/kcc/")
HUB_SIGNIN_SERVER_URL = _env("HUB_SIGNIN_SERVER_URL", HUB_SIGNIN_URL)
# Origin of the Wagtail admin whose preview pane may frame this front-end.
HUB_ADMIN_ORIGIN = _env("HUB_ADMIN_ORIGIN", "http://localhost:8000")
# Seconds that the site (menu, theme) and the hub's capabilities are kept in memory.
FRONTEND_CACHE_SECONDS = int(_env("FRONTEND_CACHE_SECONDS", "60"))
FRONTEND_HUB_TIMEOUT = float(_env("FRONTEND_HUB_TIMEOUT", "5"))
# Tests may put an httpx transport here (e.g. httpx.MockTransport); None means the network.
FRONTEND_HUB_TRANSPORT = None

DEBUG = _env_bool("FRONTEND_DEBUG", False)
SECRET_KEY = _env("FRONTEND_SECRET_KEY", "")
if not SECRET_KEY:
    if _env_bool("FRONTEND_PRODUCTION", False):
        raise ImproperlyConfigured("FRONTEND_SECRET_KEY is required when FRONTEND_PRODUCTION is on.")
    SECRET_KEY = "frontend-dev-only-insecure-key"  # noqa: S105 - development default only
ALLOWED_HOSTS = _env_list("FRONTEND_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = _env_list("FRONTEND_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS: list[str] = []  # no models, no database: everything comes from the hub
DATABASES: dict = {}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "frontend_sites.middleware.SecurityHeadersMiddleware",
    "frontend_sites.languages.LanguageMiddleware",
    "frontend_sites.middleware.HubErrorMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]

ROOT_URLCONF = f"frontend_sites.urls.{FRONTEND_KIND}"
WSGI_APPLICATION = "frontend_sites.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csrf",
                "frontend_sites.context.frontend",
            ],
            "builtins": ["django.templatetags.static", "frontend_sites.templatetags.frontend"],
        },
    },
]

LANGUAGE_CODE = "nl"
# Languages of the site, the default first (served at /); others under /<code>/ (docs/frontends.md).
FRONTEND_LANGUAGES = [c.strip() for c in _env("FRONTEND_LANGUAGES", "nl,en").split(",") if c.strip()]
USE_I18N = False
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"

STATIC_URL = "/static/"
STATIC_ROOT = PACKAGE_DIR / "static"
WHITENOISE_MAX_AGE = 300

_production = _env_bool("FRONTEND_PRODUCTION", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = _env_bool("FRONTEND_SECURE_COOKIES", _production)
# HTTPS (docs/security.md): on with FRONTEND_PRODUCTION. Behind a TLS-terminating proxy,
# FRONTEND_PROXY_SSL_HEADER names the header it sets (empty: none is trusted).
SECURE_SSL_REDIRECT = _env_bool("FRONTEND_SSL_REDIRECT", _production)
SECURE_HSTS_SECONDS = int(_env("FRONTEND_HSTS_SECONDS", "31536000" if _production else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("FRONTEND_HSTS_INCLUDE_SUBDOMAINS", True)
_proxy_header = _env("FRONTEND_PROXY_SSL_HEADER", "X-Forwarded-Proto" if _production else "")
SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_header.upper().replace("-", "_"), "https") if _proxy_header else None
CSRF_COOKIE_HTTPONLY = True
# The hub (admin, sign-in) and the front-ends may share a host name on different ports, where
# browsers share cookies: a name of its own keeps the two CSRF secrets apart.
CSRF_COOKIE_NAME = "frontend_csrftoken"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
FRONTEND_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# Extra image sources for the CSP besides this front-end and the hub (space-separated origins).
FRONTEND_CSP_IMG_SRC = _env("FRONTEND_CSP_IMG_SRC", "").split()
# security.txt (RFC 9116) and the accessibility statement (docs/security.md).
FRONTEND_SECURITY_CONTACT = _env_list("FRONTEND_SECURITY_CONTACT", ["mailto:security@gemeente.example"])
FRONTEND_SECURITY_POLICY_URL = _env("FRONTEND_SECURITY_POLICY_URL", "")
FRONTEND_SECURITY_TXT_DAYS = int(_env("FRONTEND_SECURITY_TXT_DAYS", "180"))
FRONTEND_ACCESSIBILITY = {
    "organisation": _env("FRONTEND_ORGANISATION", "Gemeente Deventer"),
    "status": _env("FRONTEND_ACCESSIBILITY_STATUS", "voldoet gedeeltelijk"),
    "date": _env("FRONTEND_ACCESSIBILITY_DATE", "2026-12-04"),
    "contact_email": _env("FRONTEND_ACCESSIBILITY_EMAIL", "toegankelijkheid@gemeente.example"),
    "register_url": _env("FRONTEND_ACCESSIBILITY_REGISTER_URL", ""),
}
# Framing is governed by CSP frame-ancestors (see middleware); X-Frame-Options cannot name
# the admin's origin, so it is not sent.
X_FRAME_OPTIONS = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": _env("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}, "httpx": {"level": "WARNING"}},
}
