"""Several nodes behind one engine: SEARCH_URL as a list of base URLs, and when the client tries
another node.

With more than one URL the client spreads requests over the nodes and retries a request on the
next node when a node refuses the connection, does not answer in time or answers 502/503/504,
at most MAX_RETRIES times; a node that failed is left alone for a while (the client's dead-node
timeout) and tried again later. So a dead node costs one retry, not a failed search. With one URL
nothing changes: one retry on a connection error, none on a timeout, and an outage surfaces
quickly as EngineUnavailable.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

MAX_RETRIES = 3
RETRY_ON_STATUS = (502, 503, 504)


def split_urls(url: str) -> list[str]:
    """The base URLs in SEARCH_URL, comma-separated (a comma inside credentials must be %2C)."""
    urls = [part.strip() for part in url.split(",") if part.strip()]
    if not urls:
        raise ImproperlyConfigured("SEARCH_URL names no node.")
    return urls


def retry_options(urls: list[str]) -> dict:
    """The retry settings both client libraries take, for this many nodes."""
    if len(urls) == 1:
        return {"max_retries": 1, "retry_on_timeout": False}
    return {"max_retries": MAX_RETRIES, "retry_on_timeout": True, "retry_on_status": RETRY_ON_STATUS}
