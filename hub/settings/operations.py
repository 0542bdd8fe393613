"""Settings for running several instances (docs/operations.md): the shared cache, the GraphQL
response cache, health checks and metrics."""

from .env import env, env_bool, env_int, env_list

# The cache: HUB_CACHE_URL (redis://host:port/db) when more than one hub process serves, so that
# they agree on the public content's generation, sign-in delays, feedback limits and the keywords'
# version. Empty (the embedded default of `make run`): this process's memory.
HUB_CACHE_URL = env("HUB_CACHE_URL", "")
if HUB_CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "hub.cache.SharedRedisCache",
            "LOCATION": HUB_CACHE_URL,
            "KEY_PREFIX": env("HUB_CACHE_KEY_PREFIX", "hub"),
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "hub"}}

# The GraphQL response cache (api/response_cache.py): public GET answers kept in the cache under
# the public content's generation. On by default only with a shared cache: several processes
# with a memory cache each could not tell each other about a publish.
HUB_RESPONSE_CACHE = {
    "ENABLED": env_bool("HUB_GRAPHQL_RESPONSE_CACHE", bool(HUB_CACHE_URL)),
    "SECONDS": env_int("HUB_GRAPHQL_RESPONSE_CACHE_SECONDS", 600),
    "MAX_BYTES": env_int("HUB_GRAPHQL_RESPONSE_CACHE_MAX_KB", 512) * 1024,
}

# Readiness (/health/ready): the outbox is "behind" when its oldest due task is older than this.
HUB_HEALTH_OUTBOX_MAX_LAG = env_int("HUB_HEALTH_OUTBOX_MAX_LAG", 300)
# Prometheus metrics (/metrics): who may read them. Addresses or networks; empty: nobody.
HUB_METRICS_ALLOWED = env_list("HUB_METRICS_ALLOWED", ["127.0.0.1", "::1"])
HUB_METRICS_TOKEN = env("HUB_METRICS_TOKEN", "")
