"""The shared cache of several hub instances: Redis through Django's cache framework, and what
the hub does while Redis is away (docs/operations.md, "Shared cache").

`SharedRedisCache` is Django's Redis backend with short socket timeouts. When Redis does not
answer, each call is served by a cache in this process instead of raising: sign-in delays and
feedback limits keep counting (per instance), and `is_available()` turns False, so that what must
agree between instances (the public content's generation, the keywords' version) bypasses the
cache and reads the database, and the GraphQL response cache stands aside. For RETRY_SECONDS after
a failure no call waits for Redis; the first call after that tries again. When Redis answers
again, `content.generation.shared_cache_recovered` is sent: whatever changed meanwhile did not
reach Redis, so the generation moves. `/health/ready` reports the cache as degraded meanwhile.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("hub.cache")
RETRY_SECONDS = 5.0
SOCKET_TIMEOUT = 0.5


def _redis_errors() -> tuple[type[BaseException], ...]:
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class SharedRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**_default_options(), **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._local = LocMemCache(
            "hub-cache-fallback",
            {"TIMEOUT": params.get("TIMEOUT", 300), "KEY_PREFIX": params.get("KEY_PREFIX", ""), "OPTIONS": {}},
        )
        self._down_until = 0.0
        self._was_down = False
        self.failures = 0
        self._errors = _redis_errors()

    # --- state -----------------------------------------------------------------------------
    def is_available(self) -> bool:
        """Whether Redis answered the last call (False: it was served from this process's
        memory, and callers bypass what must agree between instances)."""
        return not self._was_down

    def probe(self) -> tuple[bool, str]:
        """Ask Redis now (the readiness check): (answers, detail)."""
        try:
            self._cache.get_client(write=False).ping()
        except self._errors as error:
            self._failed(error)
            return False, type(error).__name__
        self._recovered()
        return True, "ok"

    def _failed(self, error) -> None:
        self.failures += 1
        if not self._was_down:
            logger.warning("Shared cache unreachable (%s): serving from this process's memory", error)
        self._was_down = True
        self._down_until = time.monotonic() + RETRY_SECONDS

    def _recovered(self) -> None:
        if not self._was_down:
            return
        self._was_down = False
        logger.warning("Shared cache answers again")
        from content.generation import shared_cache_recovered

        shared_cache_recovered.send(sender=type(self))

    def _call(self, name: str, *args, **kwargs):
        if self._was_down and time.monotonic() < self._down_until:
            return getattr(self._local, name)(*args, **kwargs)
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except self._errors as error:
            self._failed(error)
            return getattr(self._local, name)(*args, **kwargs)
        if self._was_down:
            self._recovered()
        return result

    # --- Django's cache API ----------------------------------------------------------------
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version)

    def clear(self):
        self._local.clear()
        return self._call("clear")


def _default_options() -> dict:
    return {
        "socket_connect_timeout": SOCKET_TIMEOUT,
        "socket_timeout": SOCKET_TIMEOUT,
        "health_check_interval": 30,
    }
