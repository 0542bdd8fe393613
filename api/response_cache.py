"""The GraphQL response cache: public GET answers kept in the shared cache (docs/api.md, "Caching").

A front-end asks the same few queries over and over; the answer only changes when public content
changes, and then the public content's generation (content.generation) moves. So an answer is
kept under the exact request, tagged with the generation it was built in, and only served while
that generation is current: a publish through any hub instance makes every instance answer anew
at once. A hit costs one round trip to Redis (the generation and the answer in one MGET).

Only what anybody may see is kept: GET requests without a token, without a session cookie (a
signed-in editor's answer can hold drafts), not for GraphiQL's page, answered 200 without
`no-store` (previews, `viewer`) and not a search (each search is logged and gets its own
`queryId`). While the shared cache is away (hub.cache) nothing is kept or served from it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from content import generation

PREFIX = "api:response:"


@dataclass(frozen=True)
class CachedAnswer:
    body: bytes
    content_type: str
    etag: str
    operation: str | None  # the GraphQL operation's name, for the metrics
    generation: str  # the public content's generation it was built in


def key_for(request) -> str | None:
    """The cache key of this request's answer, or None when it may not come from the cache."""
    if not settings.HUB_RESPONSE_CACHE["ENABLED"] or request.method != "GET":
        return None
    meta = request.META
    if "HTTP_AUTHORIZATION" in meta or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    if "text/html" in meta.get("HTTP_ACCEPT", ""):
        return None  # GraphiQL's page, or a browser
    request_id = "\n".join((request.scheme, request.get_host(), request.get_full_path()))
    return PREFIX + hashlib.sha256(request_id.encode("utf-8", "surrogatepass")).hexdigest()


def lookup(key: str) -> tuple[str | None, CachedAnswer | None]:
    """(the current generation, the kept answer when it was built in that generation), in one
    round trip to the shared cache. (None, None) while the shared cache is away."""
    values = cache.get_many([generation.KEY, key])
    current = values.get(generation.KEY) if generation.shared_cache_available() else None
    if current is None:
        current = generation.current()  # not there yet (or away: then a token of its own)
    if not generation.shared_cache_available():
        return None, None
    answer = values.get(key)
    if answer is not None and answer.generation != current["token"]:
        answer = None  # built before the content changed
    return current["token"], answer


def keep(key: str, request, response) -> None:
    """Keep `response` under `key` when it is a public answer that everybody may get, tagged
    with the generation read before it was built (a publish meanwhile makes it old at once)."""
    built_in = getattr(request, "_hub_generation", None)
    if built_in is None or response.status_code != 200 or getattr(request, "_hub_no_store", False):
        return
    if getattr(request, "_hub_uncacheable", False) or not response.has_header("ETag"):
        return
    if "private" in response.get("Cache-Control", ""):
        return
    if not generation.shared_cache_available():
        return  # the answer would land in this process's memory, where no publish reaches it
    body = response.content
    if len(body) > settings.HUB_RESPONSE_CACHE["MAX_BYTES"]:
        return
    operation = getattr(request, "_hub_operation", None)
    answer = CachedAnswer(body, response["Content-Type"], response["ETag"], operation, built_in)
    cache.set(key, answer, settings.HUB_RESPONSE_CACHE["SECONDS"])
