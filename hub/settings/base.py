"""Settings shared by every environment. Environment-specific modules import from here."""

from pathlib import Path

import dj_database_url

from .env import env, env_bool, env_int, env_list
from .security import *  # noqa: F403

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env("HUB_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "content",
    "quality",
    "search",
    "syndication",
    "feedback",
    "api",
    "hub.signin",
    "wagtail_headless_preview",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "graphene_django",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: it times everything below it (Server-Timing, Prometheus; docs/operations.md).
    "hub.metrics.RequestMetricsMiddleware",
    "hub.unavailable.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "hub.signin.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "hub.signin.second_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees the sign-in's outcome (docs/security.md).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hub.oidc.context.oidc",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'hub.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        # A kept connection is checked before each request: after a database restart the next
        # request connects anew instead of failing on a dead connection.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Languages of the content (docs/languages.md). The first is the default: every page exists in it;
# the others hold translations. Adding a language is a setting: HUB_LANGUAGES=nl,en,pl.
LANGUAGE_NAMES = {
    "nl": "Nederlands",
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "pl": "Polski",
    "ro": "Română",
    "uk": "Українська",
    "ar": "العربية",
    "tr": "Türkçe",
}
HUB_LANGUAGES = env_list("HUB_LANGUAGES", ["nl", "en"])
LANGUAGE_CODE = HUB_LANGUAGES[0]
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [(code, LANGUAGE_NAMES.get(code, code)) for code in HUB_LANGUAGES]
WAGTAIL_I18N_ENABLED = True
# The admin speaks Dutch to every editor, whatever the browser's language (no LocaleMiddleware:
# the browser's Accept-Language is not used); an editor may choose English in their account.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Content hub"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "xlsx", "txt"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Headless preview: the client URL is taken from the page's own site (see content.sites).
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": env("HUB_PREVIEW_DEFAULT_URL", "http://localhost:8001/preview")},
    "SERVE_BASE_URL": None,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": True,
}
HUB_PREVIEW_TOKEN_MAX_AGE = env_int("HUB_PREVIEW_TOKEN_MAX_AGE", 60 * 60)

# B1: store the report of every page revision when it is saved (bulk generators may switch it off).
HUB_B1_STORE_ON_SAVE = env_bool("HUB_B1_STORE_ON_SAVE", True)

# GraphQL
GRAPHENE = {"SCHEMA": "api.schema.schema"}
HUB_GRAPHQL = {
    "MAX_DEPTH": env_int("HUB_GRAPHQL_MAX_DEPTH", 10),
    "MAX_COST": env_int("HUB_GRAPHQL_MAX_COST", 50000),
    "MAX_PAGE_SIZE": env_int("HUB_GRAPHQL_MAX_PAGE_SIZE", 100),
    "DEFAULT_PAGE_SIZE": 20,
    "INTROSPECTION": env_bool("HUB_GRAPHQL_INTROSPECTION", True),
    "GRAPHIQL": env_bool("HUB_GRAPHQL_GRAPHIQL", True),
    "PUBLIC_CACHE_SECONDS": env_int("HUB_GRAPHQL_CACHE_SECONDS", 60),
}

# Search: "database" (embedded default) or "opensearch" / "elasticsearch".
SEARCH_ENGINE = env("SEARCH_ENGINE", "database")
SEARCH_URL = env("SEARCH_URL", "")
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", "hub")
# Copies of each shard beyond the primary in a new OpenSearch/Elasticsearch index: 0 for one node,
# 1 for a cluster of three (docs/search.md, "Cluster").
SEARCH_INDEX_REPLICAS = env_int("SEARCH_INDEX_REPLICAS", 0)
# The outbox (content/outbox.py, docs/outbox.md): per subscriber, whether its tasks are applied in
# the request that wrote them, right after the commit (development), or only by `outbox_worker`.
# External pushes never run inline, whatever this says.
HUB_OUTBOX_INLINE = {"search": env_bool("SEARCH_APPLY_OUTBOX_INLINE", True)}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Background task and page-action chatter is noise on the console.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# National catalogues (docs/standards.md). Pushes go through the outbox and `outbox_worker`;
# nothing is sent while a URL is empty.
SDG_API_URL = env("SDG_API_URL", "")
SDG_API_TOKEN = env("SDG_API_TOKEN", "")
KISS_OBJECTS_API_URL = env("KISS_OBJECTS_API_URL", "")
KISS_OBJECTS_API_TOKEN = env("KISS_OBJECTS_API_TOKEN", "")
KISS_VAC_OBJECTTYPE_URL = env("KISS_VAC_OBJECTTYPE_URL", "")
KISS_KENNISARTIKEL_OBJECTTYPE_URL = env("KISS_KENNISARTIKEL_OBJECTTYPE_URL", "")
HUB_SYNDICATION_TIMEOUT = env_int("HUB_SYNDICATION_TIMEOUT", 10)

# E-mail (docs/operations.md): the weekly review reminders to teams. SMTP by configuration;
# development prints mail on the console (hub/settings/dev.py).
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Contenthub <contenthub@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Feedback on pages from residents and KCC (docs/feedback.md). Comments are kept RETENTION_DAYS
# (AVG), then emptied by `python manage.py feedback_retention`. The forwarded header with the
# resident's address counts only from TRUSTED_FRONTENDS (addresses or networks of the
# website and app servers); the rate limit is a counter in the cache, per hashed address.
HUB_FEEDBACK = {
    "RETENTION_DAYS": env_int("HUB_FEEDBACK_RETENTION_DAYS", 365),
    "COMMENT_MAX_LENGTH": env_int("HUB_FEEDBACK_COMMENT_MAX_LENGTH", 1000),
    "RATE_LIMIT": env_int("HUB_FEEDBACK_RATE_LIMIT", 10),
    "STAFF_RATE_LIMIT": env_int("HUB_FEEDBACK_STAFF_RATE_LIMIT", 120),
    "RATE_WINDOW": env_int("HUB_FEEDBACK_RATE_WINDOW", 3600),
    "TRUSTED_FRONTENDS": env_list("HUB_FEEDBACK_TRUSTED_FRONTENDS", ["127.0.0.1", "::1"]),
}

# The audit trail ("Logboek", docs/security.md): entries older than HUB_AUDIT_RETENTION_DAYS days are deleted
# by `python manage.py prune_audit_log`. The IP address of a sign-in is kept only when
# HUB_AUDIT_RECORD_ADDRESS is on (AVG: off unless the gemeente's security policy asks for it).
HUB_AUDIT_RETENTION_DAYS = env_int("HUB_AUDIT_RETENTION_DAYS", 730)
HUB_AUDIT_RECORD_ADDRESS = env_bool("HUB_AUDIT_RECORD_ADDRESS", False)
# Sign-ins through these backends are "lokaal account"; through any other "organisatieaccount".
HUB_AUDIT_LOCAL_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "django.contrib.auth.backends.AllowAllUsersModelBackend",
]

# External links (docs/quality.md, "External links"): how `quality.content_checks.external` asks
# other websites. A cached answer younger than MAX_AGE_DAYS is reused ("niet gecontroleerd" never
# is); at most CONCURRENCY requests at once and one request per host per PER_HOST_INTERVAL seconds.
# HTTPS_PORT (empty: the standard port) and CA_FILE (empty: the usual certificates) are for tests.
HUB_LINK_CHECK = {
    "CONCURRENCY": env_int("HUB_LINK_CHECK_CONCURRENCY", 8),
    "PER_HOST_INTERVAL": float(env("HUB_LINK_CHECK_PER_HOST_INTERVAL", "1.0")),
    "TIMEOUT": float(env("HUB_LINK_CHECK_TIMEOUT", "10")),
    "MAX_REDIRECTS": env_int("HUB_LINK_CHECK_MAX_REDIRECTS", 10),
    "MAX_AGE_DAYS": env_int("HUB_LINK_CHECK_MAX_AGE_DAYS", 7),
    "USER_AGENT": env(
        "HUB_LINK_CHECK_USER_AGENT", f"Gemeentehub-linkcontrole/1.0 (+{WAGTAILADMIN_BASE_URL.rstrip('/')})"
    ),
    "HTTPS_PORT": env_int("HUB_LINK_CHECK_HTTPS_PORT", 0) or None,
    "CA_FILE": env("HUB_LINK_CHECK_CA_FILE", ""),
}

# Content quality (docs/quality.md): a document larger than this is reported as too big, not read.
HUB_QUALITY_DOCUMENT_MAX_BYTES = env_int("HUB_QUALITY_DOCUMENT_MAX_MB", 50) * 1024 * 1024

# Several instances (shared cache, response cache, health checks, metrics), and staff sign-in
# (OpenID Connect and the KCC console's sign-in through the hub).
from .operations import *  # noqa: E402, F403
from .signin import *  # noqa: E402, F403
