"""Settings for `make bench` (DJANGO_SETTINGS_MODULE=bench.settings): this API, wagtail-grapple
and the REST API v2 side by side, on top of the hub's base settings.

The database is its own: DATABASE_URL when set (PostgreSQL works), otherwise the SQLite file named
by BENCH_SQLITE (bench/generate.py keeps one per number of pages under var/bench/).
"""

import dj_database_url

from hub.settings.base import *  # noqa: F403
from hub.settings.base import INSTALLED_APPS, STATIC_ROOT, VAR_DIR
from hub.settings.env import env, env_bool, env_int

DEBUG = False
ROOT_URLCONF = "bench.urls"

BENCH_DIR = VAR_DIR / "bench"
BENCH_DIR.mkdir(parents=True, exist_ok=True)

# `bench` goes right before `grapple`: its ready() gives the content models their grapple fields.
# Both come last, so Wagtail has registered the snippets (Fragment) when grapple looks for them.
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2", "rest_framework", "bench", "grapple"]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{env('BENCH_SQLITE', str(BENCH_DIR / 'bench.sqlite3'))}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 600),
    )
}

GRAPPLE = {"APPS": ["content"], "EXPOSE_GRAPHIQL": False, "PAGE_SIZE": 20, "MAX_PAGE_SIZE": 100}
REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}
WAGTAILAPI_LIMIT_MAX = 100

# The API benchmark does not search; keeping the index out of page saves makes generation faster.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "AUTO_UPDATE": env_bool("BENCH_SEARCH_AUTO_UPDATE", False),
    }
}
HUB_OUTBOX_INLINE = {"search": env_bool("BENCH_SEARCH_AUTO_UPDATE", False)}
# Public GET caching would let the HTTP layer answer warm requests; the benchmark POSTs anyway.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING["root"]["level"] = env("LOG_LEVEL", "WARNING")  # noqa: F405

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing folder
# The B1 score stored with each revision is for editors; no benchmarked request reads it, and
# computing it for every generated page only slows the generation down.
HUB_B1_STORE_ON_SAVE = env_bool("HUB_B1_STORE_ON_SAVE", False)
