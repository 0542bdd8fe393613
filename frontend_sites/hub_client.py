"""A small GraphQL client for the hub. The only way this project gets content.

Errors are turned into exceptions a view can act on: the hub being down (HubUnavailable,
shown as a 503 page), a stable error code from the API (HubError with `.code`), and a field
this hub does not have yet (FieldMissing, so a feature can degrade gracefully).
"""

import logging
import threading
import time
from functools import cache
from pathlib import Path

import httpx
from django.conf import settings

logger = logging.getLogger(__name__)
QUERIES_DIR = Path(__file__).resolve().parent / "queries"


class HubUnavailable(Exception):
    """The hub could not be reached or answered with a server error."""


class HubError(Exception):
    """The hub answered with a GraphQL error carrying a stable `extensions.code`."""

    def __init__(self, code: str, message: str, path=None, extensions: dict | None = None):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.path = path
        self.extensions = extensions or {}


class FieldMissing(HubError):
    """The query asks for a field the hub's schema does not have (yet)."""


@cache
def query(name: str) -> str:
    """The GraphQL document `queries/<name>.graphql` with the fragments it `#import`s."""
    parts: dict[str, str] = {}
    _collect(name, parts)
    return "\n".join(parts.values())


def _collect(name: str, parts: dict[str, str]) -> None:
    if name in parts:
        return
    text = (QUERIES_DIR / f"{name}.graphql").read_text(encoding="utf-8")
    parts[name] = text
    for line in text.splitlines():
        if line.startswith("#import "):
            _collect(line.split()[1], parts)


class HubClient:
    def __init__(self, url: str, token: str | None = None, transport=None, timeout: float = 5.0):
        self.url = url
        self.token = token
        self.transport = transport
        self.timeout = timeout

    def execute(self, document: str, variables: dict | None = None, headers: dict | None = None) -> dict:
        """Run a document; return `data`, or raise on the first error."""
        data, errors = self.execute_partial(document, variables, headers)
        if errors:
            raise errors[0]
        return data

    def execute_partial(
        self, document: str, variables: dict | None = None, headers: dict | None = None
    ) -> tuple[dict, list[HubError]]:
        """Run a document; return `data` and the errors (a partial result is possible)."""
        headers = {**(headers or {}), "Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            with httpx.Client(transport=self.transport, timeout=self.timeout) as client:
                response = client.post(
                    self.url, json={"query": document, "variables": variables or {}}, headers=headers
                )
        except httpx.HTTPError as error:
            logger.warning("Hub unreachable at %s: %s", self.url, error)
            raise HubUnavailable(str(error)) from error
        if response.status_code >= 500:
            logger.warning("Hub answered %s at %s", response.status_code, self.url)
            raise HubUnavailable(f"HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError as error:
            raise HubUnavailable("The hub did not answer with JSON.") from error
        errors = [_error(e) for e in body.get("errors") or []]
        if response.status_code >= 400 and not errors:
            errors = [HubError("BAD_INPUT", f"HTTP {response.status_code}")]
        return body.get("data") or {}, errors


def _error(raw: dict) -> HubError:
    code = (raw.get("extensions") or {}).get("code") or "BAD_INPUT"
    message = raw.get("message") or ""
    if code == "BAD_INPUT" and message.startswith("Cannot query field"):
        return FieldMissing(code, message, raw.get("path"))
    return HubError(code, message, raw.get("path"), raw.get("extensions") or {})


def client(token: str | None = None) -> HubClient:
    """A client for the configured hub, optionally with a staff token."""
    return HubClient(
        settings.HUB_GRAPHQL_URL,
        token=token,
        transport=settings.FRONTEND_HUB_TRANSPORT,
        timeout=settings.FRONTEND_HUB_TIMEOUT,
    )


_cache: dict = {}
_cache_lock = threading.Lock()


def cached(key: tuple, produce):
    """Keep `produce()` for FRONTEND_CACHE_SECONDS; menus and themes change rarely."""
    ttl = settings.FRONTEND_CACHE_SECONDS
    key = (settings.HUB_GRAPHQL_URL, *key)
    now = time.monotonic()
    with _cache_lock:
        hit = _cache.get(key)
    if ttl > 0 and hit and hit[0] > now:
        return hit[1]
    value = produce()
    with _cache_lock:
        _cache[key] = (now + ttl, value)
    return value


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()
